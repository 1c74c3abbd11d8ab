/**
 * The requests the benchmark times, as GraphQL for the gateway and as one SQL statement
 * each for the bare handler. Each takes the random part of a request (a cursor, a unit,
 * a model) as a variable or parameter.
 */

const PAGE_FIELDS = `edges { node {
  code name ownerUnit { name parent { name } }
  indicatorValues { indicatorCode period value }
  latestResult { roundCode total tier rank } } }`;

/** 50 models of the whole country after a cursor (the code of the model before the page). */
export const PAGE_QUERY = `query($after: String) { models(first: 50, after: $after) { ${PAGE_FIELDS} } }`;

/** The first 50 models within a unit's subtree. */
export const UNIT_PAGE_QUERY = `query($u: ID!) { models(first: 50, filter: { withinUnitId: $u }) { ${PAGE_FIELDS} } }`;

export const DETAIL_QUERY = `query($id: ID!) { node(id: $id) { ... on Model {
  code name status problem solution startDate version
  ownerUnit { name parent { name } }
  indicatorValues { indicatorCode period value }
  latestResult { roundCode total tier rank }
  evidence { title } commendations { decisionNumber form } statusHistory { to by at } } } }`;

export const REPORT_QUERY = `query($u: ID!) { modelCounts(by: LEVEL, filter: { withinUnitId: $u }) { key count } }`;

const INDICATORS = `(SELECT coalesce(json_agg(json_build_object('indicatorCode', v.indicator_code, 'period', v.period,
    'value', v.value::float8) ORDER BY v.indicator_code, v.period), '[]') FROM indicator_values v WHERE v.model_id = m.id)`;
const LATEST = `(SELECT json_build_object('roundCode', o.code, 'total', r.total_milli / 1000.0, 'tier', r.tier, 'rank', r.rank)
    FROM round_results r JOIN rounds o ON o.id = r.round_id
    WHERE r.model_id = m.id AND o.status = 'published' ORDER BY o.published_at DESC LIMIT 1)`;
const OWNER = `json_build_object('name', u.name, 'parent', (SELECT json_build_object('name', p.name) FROM units p WHERE p.id = u.parent_id))`;

const pageOf = (
  where: string,
) => `SELECT json_build_object('models', json_build_object('edges', coalesce(json_agg(json_build_object('node', x) ORDER BY x.code), '[]'))) AS data
  FROM (SELECT m.code, m.name, ${OWNER} AS "ownerUnit", ${INDICATORS} AS "indicatorValues", ${LATEST} AS "latestResult"
        FROM models m JOIN units u ON u.id = m.owner_unit_id WHERE ${where} ORDER BY m.code LIMIT 50) x`;

/** The page of 50 models after the code $1 (empty: the first page), as the JSON the gateway would answer, in one statement. */
export const PAGE_SQL = pageOf("m.code > $1");

/** The materialized path of unit $1: the bare unit page reads it first, as the gateway does. */
export const UNIT_PATH_SQL = "SELECT path FROM units WHERE id = $1";

/**
 * The first 50 models within the subtree whose path is $1 (a range on the models' copy of
 * their owner's path, up to $2 = $1 || '~'). Given as values rather than a subquery, the
 * path lets the planner see how large the subtree is: a commune's models are read by the
 * range and sorted, a province's by walking the code index (as listModels does).
 */
export const UNIT_PAGE_SQL = pageOf("m.owner_path >= $1 AND m.owner_path < $2");

/** One model with everything its detail page shows, in one statement. */
export const DETAIL_SQL = `SELECT json_build_object('node', json_build_object('code', m.code, 'name', m.name, 'status', m.status,
    'problem', m.problem, 'solution', m.solution, 'startDate', m.start_date, 'version', m.version, 'ownerUnit', ${OWNER},
    'indicatorValues', ${INDICATORS}, 'latestResult', ${LATEST},
    'evidence', (SELECT coalesce(json_agg(json_build_object('title', e.title) ORDER BY e.uploaded_at), '[]') FROM evidence e WHERE e.model_id = m.id),
    'commendations', (SELECT coalesce(json_agg(json_build_object('decisionNumber', c.decision_number, 'form', c.form) ORDER BY c.decision_date), '[]')
      FROM commendations c WHERE c.recipient_model_id = m.id),
    'statusHistory', (SELECT coalesce(json_agg(json_build_object('to', h.to_status, 'by', h.actor_name, 'at', h.at) ORDER BY h.at, h.id), '[]')
      FROM model_status_history h WHERE h.model_id = m.id))) AS data
  FROM models m JOIN units u ON u.id = m.owner_unit_id WHERE m.id = $1`;

/** Models of a unit's subtree counted by level, from the model-count rollups as the db package's countModels reads them. */
export const REPORT_SQL = `SELECT json_build_object('modelCounts', coalesce(json_agg(json_build_object('key', k.key, 'count', k.count) ORDER BY k.key), '[]')) AS data
  FROM (SELECT u.level AS key, sum(r.models)::int AS count FROM model_count_rollups r JOIN units u ON u.id = r.unit_id
        WHERE r.field = '' AND u.path ~>=~ (SELECT s.path FROM units s WHERE s.id = $1) AND u.path ~<~ ((SELECT s.path FROM units s WHERE s.id = $1) || '~')
        GROUP BY u.level HAVING sum(r.models) > 0) k`;
