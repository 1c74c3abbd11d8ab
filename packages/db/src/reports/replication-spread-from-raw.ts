import { type Kysely, sql } from "kysely";
import type { Database } from "../database.js";
import { withinSubtree } from "../units/within-subtree.js";
import type { ReplicationSpreadRow } from "./replication-spread.js";
import type { ReportFilter } from "./report-filter.js";

/**
 * {@link replicationSpread} walking the raw replication forest with a recursive
 * query: what the rollups cannot answer (a spread as it stood at the end of
 * `toYear`), and the oracle they are tested against.
 */
export async function replicationSpreadFromRaw(
  db: Kysely<Database>,
  filter: ReportFilter = {},
): Promise<ReplicationSpreadRow[]> {
  const scope = filter.withinUnitId === undefined ? sql<boolean>`true` : withinSubtree("ou.path", filter.withinUnitId);
  const adoptedBy =
    filter.toYear === undefined ? sql<boolean>`true` : sql<boolean>`r.adopted_on <= ${`${filter.toYear}-12-31`}::date`;
  const { rows } = await sql<ReplicationSpreadRow>`
    with recursive spread(origin_id, adopter_id, depth, adopted_on) as (
      select r.origin_model_id, r.adopter_model_id, 1, r.adopted_on
      from replications r
      where not exists (select 1 from replications up where up.adopter_model_id = r.origin_model_id)
        and ${adoptedBy}
      union all
      select s.origin_id, r.adopter_model_id, s.depth + 1, r.adopted_on
      from spread s join replications r on r.origin_model_id = s.adopter_id
      where s.depth < 100 and ${adoptedBy}
    )
    select
      o.id as "originModelId",
      o.name as "originName",
      (count(*) filter (where s.depth = 1))::int as "directAdopters",
      count(*)::int as "allAdopters",
      max(s.depth)::int as "depth",
      count(distinct a.owner_unit_id)::int as "adoptingUnits",
      (select count(*) from units e where e.kind = ou.kind and e.id <> ou.id)::int as "eligibleUnits",
      coalesce(count(distinct a.owner_unit_id)::float8
        / nullif((select count(*) from units e where e.kind = ou.kind and e.id <> ou.id), 0), 0) as "coverage",
      array_agg(distinct au.level order by au.level) as "levelsReached",
      array(select distinct f from models a2 join spread s2 on s2.adopter_id = a2.id, unnest(a2.fields) f
            where s2.origin_id = o.id order by f) as "fieldsReached",
      min(s.adopted_on - o.start_date)::int as "firstAdoptionDays",
      (percentile_disc(0.5) within group (order by s.adopted_on - o.start_date))::int as "medianAdoptionDays"
    from spread s
    join models o on o.id = s.origin_id
    join units ou on ou.id = o.owner_unit_id
    join models a on a.id = s.adopter_id
    join units au on au.id = a.owner_unit_id
    where ${scope}
    group by o.id, o.name, ou.id, ou.kind
    order by "allAdopters" desc, o.name
  `.execute(db);
  return rows;
}
