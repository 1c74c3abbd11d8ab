import { type Kysely, sql } from "kysely";

// Frozen in time: a migration never imports application code.
// What the registers' workflows need beyond the first schema: a commendation's
// suspensions (a finding suspends it for a span, a later decision lifts it), the day a
// finding was recorded, the domain's lowest severity ("observation"), the finding's
// corrective action completion day, why a golden-book entry was rejected, and the decision that revoked a commendation.

const up_statements = [
  `CREATE TABLE commendation_suspensions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    commendation_id uuid NOT NULL REFERENCES commendations(id) ON DELETE CASCADE,
    suspended_from date NOT NULL,
    suspended_until date,
    reason text NOT NULL,
    finding_id uuid REFERENCES inspection_findings(id),
    CHECK (suspended_until IS NULL OR suspended_from <= suspended_until)
  )`,
  // At most one open suspension per commendation.
  `CREATE UNIQUE INDEX commendation_suspensions_open_idx ON commendation_suspensions (commendation_id) WHERE suspended_until IS NULL`,
  `ALTER TABLE commendations ADD COLUMN revocation_decision_number text`,
  `ALTER TABLE inspection_findings ADD COLUMN recorded_on date`,
  `ALTER TABLE inspection_findings DROP CONSTRAINT inspection_findings_severity_check`,
  `ALTER TABLE inspection_findings ADD CONSTRAINT inspection_findings_severity_check
    CHECK (severity IN ('observation', 'minor', 'major', 'critical'))`,
  `CREATE INDEX inspection_findings_inspection_idx ON inspection_findings (inspection_id)`,
  `CREATE INDEX inspections_unit_idx ON inspections (unit_id, planned_on)`,
  `ALTER TABLE corrective_actions ADD COLUMN completed_on date`,
  `CREATE INDEX corrective_actions_finding_idx ON corrective_actions (finding_id)`,
  `ALTER TABLE golden_book_entries ADD COLUMN decision_reason text`,
];

const down_statements = [
  `ALTER TABLE golden_book_entries DROP COLUMN decision_reason`,
  `DROP INDEX corrective_actions_finding_idx`,
  `ALTER TABLE corrective_actions DROP COLUMN completed_on`,
  `DROP INDEX inspections_unit_idx`,
  `DROP INDEX inspection_findings_inspection_idx`,
  `ALTER TABLE inspection_findings DROP CONSTRAINT inspection_findings_severity_check`,
  `ALTER TABLE inspection_findings ADD CONSTRAINT inspection_findings_severity_check
    CHECK (severity IN ('minor', 'major', 'critical'))`,
  `ALTER TABLE inspection_findings DROP COLUMN recorded_on`,
  `ALTER TABLE commendations DROP COLUMN revocation_decision_number`,
  `DROP TABLE commendation_suspensions`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
