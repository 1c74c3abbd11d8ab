import { type Kysely, sql } from "kysely";

// Frozen in time: a migration never imports application code.
// The session-change marks of 2026_12_02_0600 reach the process that made the change; this
// makes lantoa_note_session_changes also NOTIFY `lantoa_session_changes` with the user ids
// (comma-separated, or `*` when the list would not fit a notice's 8000 bytes), so every
// gateway listening on the database forgets those sessions, whoever wrote: another
// gateway, the command line, SQL by hand. A NOTIFY is sent on commit only: a change rolled
// back is never announced. PostgreSQL folds identical notices of one transaction into one.
// New notifications NOTIFY `lantoa_notifications` with their recipients the same way, so a
// signed-in user's bell follows them on whichever gateway it is connected to.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE OR REPLACE FUNCTION lantoa_note_session_changes(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      noted text := coalesce(current_setting('lantoa.session_changes', true), '');
      listed text := array_to_string(ids, ',');
    BEGIN
      IF coalesce(cardinality(ids), 0) = 0 THEN RETURN; END IF;
      PERFORM pg_notify('lantoa_session_changes', CASE WHEN octet_length(listed) > 7900 THEN '*' ELSE listed END);
      IF noted = '*' THEN RETURN; END IF;
      IF length(noted) + 37 * cardinality(ids) > 8000 THEN
        PERFORM set_config('lantoa.session_changes', '*', true);
      ELSE
        PERFORM set_config('lantoa.session_changes', noted || listed || ',', true);
      END IF;
    END $$`.execute(db);
  await sql`CREATE FUNCTION lantoa_notifications_added() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      recipients text := (SELECT string_agg(DISTINCT recipient_user_id::text, ',') FROM new_rows);
    BEGIN
      IF recipients IS NOT NULL THEN
        PERFORM pg_notify('lantoa_notifications', CASE WHEN octet_length(recipients) > 7900 THEN '*' ELSE recipients END);
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER notifications_insert_notices AFTER INSERT ON notifications
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lantoa_notifications_added()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP FUNCTION lantoa_notifications_added() CASCADE`.execute(db);
  await sql`CREATE OR REPLACE FUNCTION lantoa_note_session_changes(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      noted text := coalesce(current_setting('lantoa.session_changes', true), '');
    BEGIN
      IF noted = '*' OR coalesce(cardinality(ids), 0) = 0 THEN RETURN; END IF;
      IF length(noted) + 37 * cardinality(ids) > 8000 THEN
        PERFORM set_config('lantoa.session_changes', '*', true);
      ELSE
        PERFORM set_config('lantoa.session_changes', noted || array_to_string(ids, ',') || ',', true);
      END IF;
    END $$`.execute(db);
}
