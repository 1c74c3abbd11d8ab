import { type Kysely, sql } from "kysely";

// Frozen in time: a migration never imports application code.
// Finalization is enforced by the database too: once a round is finalized or
// published, its scope, assignments, scorecards, results, council decisions and chair
// decisions refuse every change, whatever path a write takes.

const lockedTables = [
  "round_models",
  "reviewer_assignments",
  "scorecards",
  "round_results",
  "council_decisions",
  "round_chair_decisions",
];

const up_statements = [
  `CREATE TABLE round_chair_decisions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    round_id uuid NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    model_id uuid NOT NULL REFERENCES models(id),
    decision text NOT NULL,
    reason text NOT NULL,
    decided_by uuid REFERENCES users(id),
    decided_at timestamptz NOT NULL,
    UNIQUE (round_id, model_id)
  )`,
  `CREATE FUNCTION lantoa_refuse_locked_round_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      round_status text;
    BEGIN
      SELECT status INTO round_status FROM rounds
        WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.round_id ELSE NEW.round_id END;
      IF round_status IN ('finalized', 'published') THEN
        RAISE EXCEPTION 'round is %: % on % refused', round_status, TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF TG_OP = 'UPDATE' AND OLD.round_id <> NEW.round_id THEN
        SELECT status INTO round_status FROM rounds WHERE id = OLD.round_id;
        IF round_status IN ('finalized', 'published') THEN
          RAISE EXCEPTION 'round is %: % on % refused', round_status, TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
        END IF;
      END IF;
      RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END
  $$`,
  ...lockedTables.map(
    (table) => `CREATE TRIGGER ${table}_round_lock BEFORE INSERT OR UPDATE OR DELETE ON ${table}
      FOR EACH ROW EXECUTE FUNCTION lantoa_refuse_locked_round_change()`,
  ),
  // A finalized round may only be published (status, published_at, version); a
  // published one not at all; neither may be deleted.
  `CREATE FUNCTION lantoa_refuse_finalized_round_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.status = 'published' OR (OLD.status = 'finalized' AND (
        TG_OP = 'DELETE' OR NEW.status <> 'published'
        OR NEW.code IS DISTINCT FROM OLD.code OR NEW.name IS DISTINCT FROM OLD.name
        OR NEW.criteria_version_id IS DISTINCT FROM OLD.criteria_version_id
        OR NEW.organizer_unit_id IS DISTINCT FROM OLD.organizer_unit_id
        OR NEW.period IS DISTINCT FROM OLD.period OR NEW.reference_date IS DISTINCT FROM OLD.reference_date
        OR NEW.scope IS DISTINCT FROM OLD.scope OR NEW.settings IS DISTINCT FROM OLD.settings
        OR NEW.draw_seed IS DISTINCT FROM OLD.draw_seed OR NEW.results_hash IS DISTINCT FROM OLD.results_hash
        OR NEW.finalized_at IS DISTINCT FROM OLD.finalized_at)) THEN
        RAISE EXCEPTION 'round % is %: % refused', OLD.id, OLD.status, TG_OP USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END
  $$`,
  `CREATE TRIGGER rounds_finalized_lock BEFORE UPDATE OR DELETE ON rounds
    FOR EACH ROW EXECUTE FUNCTION lantoa_refuse_finalized_round_change()`,
];

const down_statements = [
  `DROP TRIGGER rounds_finalized_lock ON rounds`,
  `DROP FUNCTION lantoa_refuse_finalized_round_change()`,
  ...lockedTables.map((table) => `DROP TRIGGER ${table}_round_lock ON ${table}`),
  `DROP FUNCTION lantoa_refuse_locked_round_change()`,
  `DROP TABLE round_chair_decisions`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
