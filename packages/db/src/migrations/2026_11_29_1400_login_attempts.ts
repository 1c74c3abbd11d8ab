import { type Kysely, sql } from "kysely";

// Frozen in time: a migration never imports application code.
// Sign-in attempts counted per account and per address, shared by every gateway on the
// database. The shape is rate-limiter-flexible's Postgres store (key, points, expire in
// epoch milliseconds), created here so both engines get it the same way.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE login_attempts (
    key varchar(255) PRIMARY KEY,
    points integer NOT NULL DEFAULT 0,
    expire bigint
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE login_attempts`.execute(db);
}
