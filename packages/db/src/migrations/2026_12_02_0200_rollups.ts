import { type Kysely, sql } from "kysely";

// Frozen in time: a migration never imports application code.
// Reports from rollups: aggregate tables the country-wide and per-unit reports read
// instead of millions of raw rows, kept in step with every write by triggers (in the
// writing transaction) and rebuilt from scratch by lantoa_rebuild_rollups().
//
// Per owner unit rather than per subtree, so moving a unit changes no rollup; the
// country-wide figures have tables of their own (a few thousand rows), kept by deltas
// of the unit rows. A trigger returns at once while the session sets
// lantoa.rollups_paused = 'on' (bulk loads), which must then rebuild.

const up_statements = [
  // One row per owner unit, field ('' = every model), indicator, period year and
  // "previous year": the latest earlier year in which the same model has a value of
  // the same indicator (0 when none). A model counts once over a year range [a, b]
  // in the row of its first year in the range, which is the one whose previous year
  // is before a: so distinct model counts over any range add up exactly.
  `CREATE TABLE indicator_rollups (
    unit_id uuid NOT NULL,
    field text NOT NULL,
    indicator_code text NOT NULL,
    period_year integer NOT NULL,
    prev_year integer NOT NULL,
    value_count integer NOT NULL,
    models integer NOT NULL,
    value_sum numeric NOT NULL,
    weighted_sum numeric NOT NULL,
    weight_sum numeric NOT NULL,
    PRIMARY KEY (unit_id, indicator_code, field, period_year, prev_year)
  )`,
  `CREATE TABLE indicator_rollups_country (
    field text NOT NULL,
    indicator_code text NOT NULL,
    period_year integer NOT NULL,
    prev_year integer NOT NULL,
    value_count integer NOT NULL,
    models integer NOT NULL,
    value_sum numeric NOT NULL,
    weighted_sum numeric NOT NULL,
    weight_sum numeric NOT NULL,
    PRIMARY KEY (field, indicator_code, period_year, prev_year)
  )`,
  // Models per owner unit, field ('' = every model), status and start year.
  `CREATE TABLE model_count_rollups (
    unit_id uuid NOT NULL,
    field text NOT NULL,
    status text NOT NULL,
    start_year integer NOT NULL,
    models integer NOT NULL,
    PRIMARY KEY (unit_id, field, status, start_year)
  )`,
  `CREATE TABLE model_count_rollups_country (
    level text NOT NULL,
    kind text NOT NULL,
    field text NOT NULL,
    status text NOT NULL,
    start_year integer NOT NULL,
    models integer NOT NULL,
    PRIMARY KEY (field, level, kind, status, start_year)
  )`,
  // The spread of each origin (a model others adopt that adopts nothing itself), with
  // every adoption up to now; coverage is computed when read (it depends on units). The
  // origin's name and owner are copied in, so reading the report never joins models.
  `CREATE TABLE replication_spread_rollups (
    origin_model_id uuid PRIMARY KEY,
    origin_name text NOT NULL,
    origin_unit_id uuid NOT NULL,
    direct_adopters integer NOT NULL,
    all_adopters integer NOT NULL,
    depth integer NOT NULL,
    adopting_units integer NOT NULL,
    levels_reached text[] NOT NULL,
    fields_reached text[] NOT NULL,
    first_adoption_days integer NOT NULL,
    median_adoption_days integer NOT NULL
  )`,

  `CREATE FUNCTION lantoa_rollups_paused() RETURNS boolean LANGUAGE sql STABLE
    RETURN coalesce(current_setting('lantoa.rollups_paused', true), '') = 'on'`,

  // Recomputes the rows of the given owner units (NULL: all) and indicators (and of the
  // indicators they weigh) from the raw rows, moving the difference into the country
  // rows. EXECUTE plans each call with its arrays known: one unit or all of them.
  `CREATE FUNCTION lantoa_refresh_indicator_rollups(p_units uuid[], p_codes text[]) RETURNS void
  LANGUAGE plpgsql AS $$
  DECLARE
    codes text[];
  BEGIN
    SELECT array_agg(DISTINCT c) INTO codes FROM (
      SELECT unnest(p_codes) AS c
      UNION SELECT i.code FROM indicators i WHERE i.weight_indicator_code = ANY (p_codes)) x;
    IF codes IS NULL THEN RETURN; END IF;
    -- Two transactions refreshing one unit would each recompute it from what they see
    -- and collide: the second waits here for the first to commit, and the statements
    -- below (each with a fresh snapshot under READ COMMITTED) then see its rows.
    PERFORM pg_advisory_xact_lock(1919, hashtext(u::text)) FROM unnest(p_units) u ORDER BY u::text;
    EXECUTE $q$
      INSERT INTO indicator_rollups_country AS c
        (field, indicator_code, period_year, prev_year, value_count, models, value_sum, weighted_sum, weight_sum)
      SELECT field, indicator_code, period_year, prev_year, -sum(value_count), -sum(models),
        -sum(value_sum), -sum(weighted_sum), -sum(weight_sum)
      FROM indicator_rollups r
      WHERE ($1 IS NULL OR r.unit_id = ANY ($1)) AND r.indicator_code = ANY ($2)
      GROUP BY field, indicator_code, period_year, prev_year
      ON CONFLICT (field, indicator_code, period_year, prev_year) DO UPDATE SET
        value_count = c.value_count + excluded.value_count, models = c.models + excluded.models,
        value_sum = c.value_sum + excluded.value_sum, weighted_sum = c.weighted_sum + excluded.weighted_sum,
        weight_sum = c.weight_sum + excluded.weight_sum
    $q$ USING p_units, codes;
    EXECUTE $q$
      DELETE FROM indicator_rollups r WHERE ($1 IS NULL OR r.unit_id = ANY ($1)) AND r.indicator_code = ANY ($2)
    $q$ USING p_units, codes;
    EXECUTE $q$
      INSERT INTO indicator_rollups
        (unit_id, field, indicator_code, period_year, prev_year, value_count, models, value_sum, weighted_sum, weight_sum)
      WITH model_years AS (
        SELECT m.owner_unit_id AS unit_id, m.fields, v.model_id, v.indicator_code, v.period_year,
          count(*) AS n, sum(v.value) AS value_sum,
          coalesce(sum(v.value * w.value), 0) AS weighted_sum, coalesce(sum(w.value), 0) AS weight_sum,
          coalesce(lag(v.period_year) OVER (PARTITION BY v.model_id, v.indicator_code ORDER BY v.period_year), 0) AS prev_year
        FROM indicator_values v
        JOIN models m ON m.id = v.model_id
        JOIN indicators i ON i.code = v.indicator_code
        LEFT JOIN indicator_values w
          ON w.model_id = v.model_id AND w.indicator_code = i.weight_indicator_code AND w.period = v.period
        WHERE ($1 IS NULL OR m.owner_unit_id = ANY ($1)) AND v.indicator_code = ANY ($2)
        GROUP BY m.owner_unit_id, m.fields, v.model_id, v.indicator_code, v.period_year
      )
      SELECT y.unit_id, f.field, y.indicator_code, y.period_year, y.prev_year,
        sum(y.n), count(DISTINCT y.model_id), sum(y.value_sum), sum(y.weighted_sum), sum(y.weight_sum)
      FROM model_years y
      -- As the reports unnest fields: a field listed twice adds a value twice, a model once.
      CROSS JOIN LATERAL (SELECT '' AS field UNION ALL SELECT unnest(y.fields)) f
      GROUP BY y.unit_id, f.field, y.indicator_code, y.period_year, y.prev_year
    $q$ USING p_units, codes;
    EXECUTE $q$
      INSERT INTO indicator_rollups_country AS c
        (field, indicator_code, period_year, prev_year, value_count, models, value_sum, weighted_sum, weight_sum)
      SELECT field, indicator_code, period_year, prev_year, sum(value_count), sum(models),
        sum(value_sum), sum(weighted_sum), sum(weight_sum)
      FROM indicator_rollups r
      WHERE ($1 IS NULL OR r.unit_id = ANY ($1)) AND r.indicator_code = ANY ($2)
      GROUP BY field, indicator_code, period_year, prev_year
      ON CONFLICT (field, indicator_code, period_year, prev_year) DO UPDATE SET
        value_count = c.value_count + excluded.value_count, models = c.models + excluded.models,
        value_sum = c.value_sum + excluded.value_sum, weighted_sum = c.weighted_sum + excluded.weighted_sum,
        weight_sum = c.weight_sum + excluded.weight_sum
    $q$ USING p_units, codes;
    DELETE FROM indicator_rollups_country c WHERE c.indicator_code = ANY (codes) AND c.value_count = 0;
  END $$`,

  // Adds delta (1 or -1) models of one owner unit, fields, status and start date.
  `CREATE FUNCTION lantoa_bump_model_counts(p_unit uuid, p_fields text[], p_status text, p_start date, p_delta integer)
  RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    v_year integer := extract(year FROM p_start)::integer;
  BEGIN
    INSERT INTO model_count_rollups AS t (unit_id, field, status, start_year, models)
    SELECT p_unit, f.field, p_status, v_year, p_delta * count(*)
    FROM (SELECT '' AS field UNION ALL SELECT unnest(p_fields)) f GROUP BY f.field
    ON CONFLICT (unit_id, field, status, start_year) DO UPDATE SET models = t.models + excluded.models;
    DELETE FROM model_count_rollups t
    WHERE t.unit_id = p_unit AND t.status = p_status AND t.start_year = v_year
      AND t.models = 0;
    INSERT INTO model_count_rollups_country AS t (level, kind, field, status, start_year, models)
    SELECT u.level, u.kind, f.field, p_status, v_year, p_delta * count(*)
    FROM units u, (SELECT '' AS field UNION ALL SELECT unnest(p_fields)) f
    WHERE u.id = p_unit GROUP BY u.level, u.kind, f.field
    ON CONFLICT (level, kind, field, status, start_year) DO UPDATE SET models = t.models + excluded.models;
    DELETE FROM model_count_rollups_country t
    WHERE t.status = p_status AND t.start_year = v_year AND t.models = 0;
  END $$`,

  // Recomputes the spread of the trees holding the given models (NULL: every tree).
  `CREATE FUNCTION lantoa_refresh_spread_rollups(p_models uuid[]) RETURNS void
  LANGUAGE plpgsql AS $$
  DECLARE
    roots uuid[];
  BEGIN
    IF p_models IS NULL THEN
      DELETE FROM replication_spread_rollups;
    ELSE
      -- Replication writes are rare: one lock for every tree keeps two of them in one
      -- tree from recomputing it side by side (see the indicator refresh). Taken before
      -- walking up, so the walk sees the tree the other transaction committed.
      PERFORM pg_advisory_xact_lock(1919, 0);
      -- The models and everything above them: the old and the new origin of a tree.
      WITH RECURSIVE up(id, hops) AS (
        SELECT unnest(p_models), 0
        UNION SELECT r.origin_model_id, up.hops + 1 FROM up JOIN replications r ON r.adopter_model_id = up.id
        WHERE up.hops < 100
      )
      SELECT array_agg(DISTINCT id) INTO roots FROM up;
      IF roots IS NULL THEN RETURN; END IF;
      DELETE FROM replication_spread_rollups s WHERE s.origin_model_id = ANY (roots);
    END IF;
    EXECUTE $q$
      INSERT INTO replication_spread_rollups
      WITH RECURSIVE spread(origin_id, adopter_id, depth, adopted_on) AS (
        SELECT r.origin_model_id, r.adopter_model_id, 1, r.adopted_on
        FROM replications r
        WHERE NOT EXISTS (SELECT 1 FROM replications up WHERE up.adopter_model_id = r.origin_model_id)
          AND ($1 IS NULL OR r.origin_model_id = ANY ($1))
        UNION ALL
        SELECT s.origin_id, r.adopter_model_id, s.depth + 1, r.adopted_on
        FROM spread s JOIN replications r ON r.origin_model_id = s.adopter_id
        WHERE s.depth < 100
      ), fields_reached AS (
        SELECT s.origin_id, array_agg(DISTINCT f ORDER BY f) AS fields
        FROM spread s JOIN models a ON a.id = s.adopter_id, unnest(a.fields) f
        GROUP BY s.origin_id
      )
      SELECT o.id, o.name, o.owner_unit_id,
        (count(*) FILTER (WHERE s.depth = 1))::int, count(*)::int, max(s.depth)::int,
        count(DISTINCT a.owner_unit_id)::int,
        array_agg(DISTINCT au.level ORDER BY au.level),
        coalesce(fr.fields, '{}'),
        min(s.adopted_on - o.start_date)::int,
        (percentile_disc(0.5) WITHIN GROUP (ORDER BY s.adopted_on - o.start_date))::int
      FROM spread s
      JOIN models o ON o.id = s.origin_id
      JOIN models a ON a.id = s.adopter_id
      JOIN units au ON au.id = a.owner_unit_id
      LEFT JOIN fields_reached fr ON fr.origin_id = o.id
      GROUP BY o.id, o.name, o.owner_unit_id, fr.fields
    $q$ USING roots;
  END $$`,

  `CREATE FUNCTION lantoa_rebuild_rollups() RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    TRUNCATE indicator_rollups, indicator_rollups_country, model_count_rollups, model_count_rollups_country,
      replication_spread_rollups;
    PERFORM lantoa_refresh_indicator_rollups(NULL, (SELECT coalesce(array_agg(code), '{}') FROM indicators));
    INSERT INTO model_count_rollups (unit_id, field, status, start_year, models)
    SELECT m.owner_unit_id, f.field, m.status, extract(year FROM m.start_date)::int, count(*)
    FROM models m CROSS JOIN LATERAL (SELECT '' AS field UNION ALL SELECT unnest(m.fields)) f
    GROUP BY 1, 2, 3, 4;
    INSERT INTO model_count_rollups_country (level, kind, field, status, start_year, models)
    SELECT u.level, u.kind, r.field, r.status, r.start_year, sum(r.models)
    FROM model_count_rollups r JOIN units u ON u.id = r.unit_id
    GROUP BY 1, 2, 3, 4, 5;
    PERFORM lantoa_refresh_spread_rollups(NULL);
  END $$`,

  `CREATE FUNCTION lantoa_indicator_values_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    unit_ids uuid[];
    codes text[];
  BEGIN
    IF lantoa_rollups_paused() THEN RETURN NULL; END IF;
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(DISTINCT m.owner_unit_id), array_agg(DISTINCT c.indicator_code) INTO unit_ids, codes
      FROM new_rows c JOIN models m ON m.id = c.model_id;
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(DISTINCT m.owner_unit_id), array_agg(DISTINCT c.indicator_code) INTO unit_ids, codes
      FROM old_rows c JOIN models m ON m.id = c.model_id;
    ELSE
      SELECT array_agg(DISTINCT m.owner_unit_id), array_agg(DISTINCT c.indicator_code) INTO unit_ids, codes
      FROM (SELECT model_id, indicator_code FROM old_rows UNION ALL SELECT model_id, indicator_code FROM new_rows) c
      JOIN models m ON m.id = c.model_id;
    END IF;
    -- No model left (a model's deletion cascading): the models trigger refreshed its unit.
    IF unit_ids IS NOT NULL THEN PERFORM lantoa_refresh_indicator_rollups(unit_ids, codes); END IF;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER indicator_values_rollups_insert AFTER INSERT ON indicator_values
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lantoa_indicator_values_rollups()`,
  `CREATE TRIGGER indicator_values_rollups_update AFTER UPDATE ON indicator_values
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lantoa_indicator_values_rollups()`,
  `CREATE TRIGGER indicator_values_rollups_delete AFTER DELETE ON indicator_values
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lantoa_indicator_values_rollups()`,

  `CREATE FUNCTION lantoa_models_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF lantoa_rollups_paused() THEN RETURN NULL; END IF;
    -- Most edits (a description, the version) touch nothing a rollup keeps.
    IF TG_OP = 'UPDATE' AND (OLD.owner_unit_id, OLD.fields, OLD.status, OLD.start_date, OLD.name)
      IS NOT DISTINCT FROM (NEW.owner_unit_id, NEW.fields, NEW.status, NEW.start_date, NEW.name) THEN
      RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.name IS DISTINCT FROM NEW.name THEN
      UPDATE replication_spread_rollups s SET origin_name = NEW.name WHERE s.origin_model_id = NEW.id;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      PERFORM lantoa_bump_model_counts(OLD.owner_unit_id, OLD.fields, OLD.status, OLD.start_date, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      PERFORM lantoa_bump_model_counts(NEW.owner_unit_id, NEW.fields, NEW.status, NEW.start_date, 1);
    END IF;
    IF TG_OP = 'DELETE' THEN
      -- Its values may be gone already (the cascade) or not yet: either way the
      -- refresh no longer sees the model, and the unit's rows come out right.
      PERFORM lantoa_refresh_indicator_rollups(ARRAY[OLD.owner_unit_id], (SELECT array_agg(code) FROM indicators));
    ELSIF TG_OP = 'UPDATE' AND (OLD.owner_unit_id, OLD.fields) IS DISTINCT FROM (NEW.owner_unit_id, NEW.fields) THEN
      PERFORM lantoa_refresh_indicator_rollups(ARRAY[OLD.owner_unit_id, NEW.owner_unit_id],
        (SELECT array_agg(DISTINCT v.indicator_code) FROM indicator_values v WHERE v.model_id = NEW.id));
    END IF;
    IF TG_OP = 'UPDATE' AND (OLD.owner_unit_id, OLD.fields, OLD.start_date) IS DISTINCT FROM (NEW.owner_unit_id, NEW.fields, NEW.start_date)
      AND EXISTS (SELECT 1 FROM replications r WHERE r.adopter_model_id = NEW.id OR r.origin_model_id = NEW.id) THEN
      PERFORM lantoa_refresh_spread_rollups(ARRAY[NEW.id]);
    END IF;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER models_rollups AFTER INSERT OR UPDATE OR DELETE ON models
    FOR EACH ROW EXECUTE FUNCTION lantoa_models_rollups()`,

  `CREATE FUNCTION lantoa_replications_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF lantoa_rollups_paused() THEN RETURN NULL; END IF;
    IF TG_OP = 'INSERT' THEN
      PERFORM lantoa_refresh_spread_rollups(ARRAY[NEW.adopter_model_id, NEW.origin_model_id]);
    ELSIF TG_OP = 'DELETE' THEN
      PERFORM lantoa_refresh_spread_rollups(ARRAY[OLD.adopter_model_id, OLD.origin_model_id]);
    ELSE
      PERFORM lantoa_refresh_spread_rollups(
        ARRAY[OLD.adopter_model_id, OLD.origin_model_id, NEW.adopter_model_id, NEW.origin_model_id]);
    END IF;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER replications_rollups AFTER INSERT OR UPDATE OR DELETE ON replications
    FOR EACH ROW EXECUTE FUNCTION lantoa_replications_rollups()`,

  // A unit's level and kind key the country's model counts and the levels a spread reached.
  `CREATE FUNCTION lantoa_units_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF lantoa_rollups_paused() OR (OLD.level, OLD.kind) IS NOT DISTINCT FROM (NEW.level, NEW.kind) THEN RETURN NULL; END IF;
    INSERT INTO model_count_rollups_country AS t (level, kind, field, status, start_year, models)
    SELECT x.level, x.kind, r.field, r.status, r.start_year, sum(x.sign * r.models)
    FROM model_count_rollups r,
      (VALUES (OLD.level, OLD.kind, -1), (NEW.level, NEW.kind, 1)) x(level, kind, sign)
    WHERE r.unit_id = NEW.id
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (level, kind, field, status, start_year) DO UPDATE SET models = t.models + excluded.models;
    DELETE FROM model_count_rollups_country t WHERE t.models = 0;
    PERFORM lantoa_refresh_spread_rollups(
      (SELECT coalesce(array_agg(r.adopter_model_id), '{}') FROM replications r
       JOIN models a ON a.id = r.adopter_model_id WHERE a.owner_unit_id = NEW.id));
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER units_rollups AFTER UPDATE OF level, kind ON units
    FOR EACH ROW EXECUTE FUNCTION lantoa_units_rollups()`,

  // A weight indicator changed (or an indicator came or went): its rows everywhere.
  `CREATE FUNCTION lantoa_indicators_rollups() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF lantoa_rollups_paused() THEN RETURN NULL; END IF;
    IF TG_OP = 'UPDATE' AND OLD.weight_indicator_code IS NOT DISTINCT FROM NEW.weight_indicator_code THEN
      RETURN NULL;
    END IF;
    PERFORM lantoa_refresh_indicator_rollups(NULL, ARRAY[coalesce(NEW.code, OLD.code)]);
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER indicators_rollups AFTER UPDATE OF weight_indicator_code ON indicators
    FOR EACH ROW EXECUTE FUNCTION lantoa_indicators_rollups()`,

  `SELECT lantoa_rebuild_rollups()`,
];

const down_statements = [
  `DROP TRIGGER indicators_rollups ON indicators`,
  `DROP TRIGGER units_rollups ON units`,
  `DROP TRIGGER replications_rollups ON replications`,
  `DROP TRIGGER models_rollups ON models`,
  `DROP TRIGGER indicator_values_rollups_delete ON indicator_values`,
  `DROP TRIGGER indicator_values_rollups_update ON indicator_values`,
  `DROP TRIGGER indicator_values_rollups_insert ON indicator_values`,
  `DROP FUNCTION lantoa_indicators_rollups()`,
  `DROP FUNCTION lantoa_units_rollups()`,
  `DROP FUNCTION lantoa_replications_rollups()`,
  `DROP FUNCTION lantoa_models_rollups()`,
  `DROP FUNCTION lantoa_indicator_values_rollups()`,
  `DROP FUNCTION lantoa_rebuild_rollups()`,
  `DROP FUNCTION lantoa_refresh_spread_rollups(uuid[])`,
  `DROP FUNCTION lantoa_bump_model_counts(uuid, text[], text, date, integer)`,
  `DROP FUNCTION lantoa_refresh_indicator_rollups(uuid[], text[])`,
  `DROP FUNCTION lantoa_rollups_paused()`,
  `DROP TABLE replication_spread_rollups`,
  `DROP TABLE model_count_rollups_country`,
  `DROP TABLE model_count_rollups`,
  `DROP TABLE indicator_rollups_country`,
  `DROP TABLE indicator_rollups`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
