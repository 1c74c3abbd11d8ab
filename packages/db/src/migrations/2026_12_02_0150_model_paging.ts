import { type Kysely, sql } from "kysely";

// Frozen in time: a migration never imports application code.
// Paging a unit's models (its subtree) in code, name, status or newest order. The owner
// unit's materialized path is copied onto each model, so one index range finds a
// subtree's models without a join, and the planner, seeing the path as a value, can
// estimate the subtree's size from the column's histogram: a small subtree is read by
// that range and its few rows sorted; a large one by walking a sort key's index and
// keeping the rows inside the range. Collation "C" makes the histogram's order the
// byte order of the range (paths are hex digits, '-' and '/', all below '~').
//
// Triggers keep the copy exact in the writer's transaction: a model's path is set from
// its owner on every insert and owner change (whatever the statement wrote there), and
// a unit whose path changes (a move rewrites a whole subtree's paths) rewrites its
// models' paths. The owner row is read FOR SHARE, which waits for a move in progress
// and makes a move wait for the insert, so neither can leave a stale path behind.

const up_statements = [
  `ALTER TABLE models ADD COLUMN owner_path text COLLATE "C"`,
  `UPDATE models m SET owner_path = u.path FROM units u WHERE u.id = m.owner_unit_id`,
  `ALTER TABLE models ALTER COLUMN owner_path SET NOT NULL`,
  // 1,000 histogram buckets: at a million models one bucket is ~1,000 models, so a
  // commune's share is estimated near its size rather than as a whole bucket's.
  `ALTER TABLE models ALTER COLUMN owner_path SET STATISTICS 1000`,
  `CREATE FUNCTION lantoa_model_owner_path() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    SELECT u.path INTO NEW.owner_path FROM units u WHERE u.id = NEW.owner_unit_id FOR SHARE;
    -- An unknown owner is the foreign key's to reject, with its own error.
    IF NOT FOUND THEN NEW.owner_path := ''; END IF;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER models_owner_path BEFORE INSERT OR UPDATE OF owner_unit_id, owner_path ON models
    FOR EACH ROW EXECUTE FUNCTION lantoa_model_owner_path()`,
  `CREATE FUNCTION lantoa_unit_models_path() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE models SET owner_path = NEW.path WHERE owner_unit_id = NEW.id;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER units_models_path AFTER UPDATE OF path ON units
    FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION lantoa_unit_models_path()`,
  `CREATE INDEX models_owner_path_idx ON models (owner_path)`,
  // The sort keys, each ending in the unique code so a keyset cursor is total, then the
  // owner's path: walking an order's index through a province, the subtree's range is
  // checked on the index entries, so only the page's 50 rows are read from the table
  // rather than every row the walk passes (at a million models, 165 buffers instead of 3,658).
  `CREATE INDEX models_code_path_idx ON models (code, owner_path)`,
  `CREATE INDEX models_name_code_path_idx ON models (name, code, owner_path)`,
  `DROP INDEX models_status_idx`,
  `CREATE INDEX models_status_code_path_idx ON models (status, code, owner_path)`,
  `DROP INDEX models_start_date_idx`,
  `CREATE INDEX models_start_date_code_path_idx ON models (start_date, code, owner_path)`,
];

const down_statements = [
  `DROP INDEX models_start_date_code_path_idx`,
  `CREATE INDEX models_start_date_idx ON models (start_date)`,
  `DROP INDEX models_status_code_path_idx`,
  `CREATE INDEX models_status_idx ON models (status)`,
  `DROP INDEX models_name_code_path_idx`,
  `DROP INDEX models_code_path_idx`,
  `DROP INDEX models_owner_path_idx`,
  `DROP TRIGGER units_models_path ON units`,
  `DROP FUNCTION lantoa_unit_models_path()`,
  `DROP TRIGGER models_owner_path ON models`,
  `DROP FUNCTION lantoa_model_owner_path()`,
  `ALTER TABLE models DROP COLUMN owner_path`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
