import { type Kysely, sql } from "kysely";

// Frozen in time: a migration never imports application code.
// What spreading the word needs: a unit's decision to show a model, and each piece of
// its evidence, on the public showcase (both off until someone turns them on); the
// reason a commendation was given, printed on its certificate; a code per commendation
// and golden-book entry that its public verification page is found by (unguessable, so
// the register cannot be walked by counting); and the drafts of periodic reports, whose
// narrative staff write while the figures come from the data.

const up_statements = [
  `ALTER TABLE models ADD COLUMN is_public boolean NOT NULL DEFAULT false`,
  `CREATE INDEX models_public_idx ON models (start_date) WHERE is_public`,
  `ALTER TABLE evidence ADD COLUMN is_public boolean NOT NULL DEFAULT false`,
  `ALTER TABLE commendations ADD COLUMN reason text`,
  // 40 random bits per code, drawn by the database for every row old and new.
  `ALTER TABLE commendations ADD COLUMN verification_code text NOT NULL
    DEFAULT ('KT-' || upper(substr(md5(gen_random_uuid()::text), 1, 10)))`,
  `CREATE UNIQUE INDEX commendations_verification_code_idx ON commendations (verification_code)`,
  `ALTER TABLE golden_book_entries ADD COLUMN verification_code text NOT NULL
    DEFAULT ('SV-' || upper(substr(md5(gen_random_uuid()::text), 1, 10)))`,
  `CREATE UNIQUE INDEX golden_book_verification_code_idx ON golden_book_entries (verification_code)`,
  `CREATE TABLE report_drafts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    unit_id uuid NOT NULL REFERENCES units(id),
    from_year integer NOT NULL CHECK (from_year BETWEEN 1900 AND 2200),
    to_year integer NOT NULL CHECK (to_year BETWEEN 1900 AND 2200),
    superior_body text NOT NULL DEFAULT '',
    issuing_body text NOT NULL,
    number_symbol text NOT NULL DEFAULT '',
    place text NOT NULL,
    report_date date NOT NULL,
    subject text NOT NULL,
    sections jsonb NOT NULL DEFAULT '{}',
    recipients text[] NOT NULL DEFAULT '{}',
    signer_title text NOT NULL DEFAULT '',
    signer_name text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1,
    CHECK (from_year <= to_year)
  )`,
  `CREATE INDEX report_drafts_unit_idx ON report_drafts (unit_id, to_year DESC)`,
];

const down_statements = [
  `DROP TABLE report_drafts`,
  `DROP INDEX golden_book_verification_code_idx`,
  `ALTER TABLE golden_book_entries DROP COLUMN verification_code`,
  `DROP INDEX commendations_verification_code_idx`,
  `ALTER TABLE commendations DROP COLUMN verification_code`,
  `ALTER TABLE commendations DROP COLUMN reason`,
  `ALTER TABLE evidence DROP COLUMN is_public`,
  `DROP INDEX models_public_idx`,
  `ALTER TABLE models DROP COLUMN is_public`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of down_statements) await sql.raw(statement).execute(db);
}
