import { type Kysely, sql } from "kysely";

// Frozen in time: a migration never imports application code.
// Deadlines per round step, the in-app notifications (each also an e-mail to send when its
// recipient wants one: the e-mail's state lives on the row, so the in-process runner of PGlite
// reads it as an outbox and graphile-worker's task on PostgreSQL marks it sent), users' e-mail
// address, language and e-mail choices, and the reminders already sent (one per user, round,
// step and offset, whatever number of workers looks for them).

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of [
    sql`ALTER TABLE rounds
      ADD COLUMN self_assessment_due date,
      ADD COLUMN review_due date,
      ADD COLUMN council_due date`,
    sql`ALTER TABLE users
      ADD COLUMN email text,
      ADD COLUMN language text NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en')),
      ADD COLUMN email_opt_outs text[] NOT NULL DEFAULT '{}'`,
    sql`CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      recipient_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      kind text NOT NULL,
      payload jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz,
      email_status text NOT NULL DEFAULT 'none' CHECK (email_status IN ('none', 'pending', 'sent')),
      email_attempts integer NOT NULL DEFAULT 0,
      email_next_attempt_at timestamptz,
      email_sent_at timestamptz,
      email_last_error text
    )`,
    sql`CREATE INDEX notifications_recipient_idx ON notifications (recipient_user_id, created_at DESC, id DESC)`,
    sql`CREATE INDEX notifications_unread_idx ON notifications (recipient_user_id) WHERE read_at IS NULL`,
    sql`CREATE INDEX notifications_email_pending_idx ON notifications (email_next_attempt_at) WHERE email_status = 'pending'`,
    sql`CREATE TABLE reminders_sent (
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      round_id uuid NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
      step text NOT NULL,
      offset_days integer NOT NULL,
      sent_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, round_id, step, offset_days)
    )`,
  ]) {
    await statement.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE reminders_sent`.execute(db);
  await sql`DROP TABLE notifications`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN email, DROP COLUMN language, DROP COLUMN email_opt_outs`.execute(db);
  await sql`ALTER TABLE rounds DROP COLUMN self_assessment_due, DROP COLUMN review_due, DROP COLUMN council_due`.execute(
    db,
  );
}
