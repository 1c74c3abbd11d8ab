import type { Kysely } from "kysely";
import { sql } from "kysely";

// Frozen in time: a migration never imports application code.
// Nominated model codes are matched without regard to case (a round's scope, typed by
// hand): an index on the lower-cased code finds them without reading every model.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX models_code_lower_idx ON models (lower(code))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX models_code_lower_idx`.execute(db);
}
