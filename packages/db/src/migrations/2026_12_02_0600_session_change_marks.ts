import { type Kysely, sql } from "kysely";

// Frozen in time: a migration never imports application code.
// Who a session token stands for (the user, whether enabled, their roles and the paths of
// their scope units) changes through four tables. Triggers on each note the users touched
// in a transaction-local setting, `lantoa.session_changes` (ids separated by commas, or
// `*` when too many to list), so whoever runs the transaction can tell after its writes,
// in one read, which users' cached sessions to forget - whatever code did the writing.
// A later NOTIFY for other gateways belongs in lantoa_note_session_changes: it is
// transactional too, so it would be sent on commit only.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE FUNCTION lantoa_note_session_changes(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
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

  // Sessions: a revocation or a deletion (a new session changes no existing token).
  await sql`CREATE FUNCTION lantoa_sessions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM lantoa_note_session_changes(array(SELECT DISTINCT user_id::text FROM old_rows));
      RETURN NULL;
    END $$`.execute(db);
  // Users: disabled, renamed, a new password, deleted (a new user has no sessions yet).
  await sql`CREATE FUNCTION lantoa_users_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM lantoa_note_session_changes(array(SELECT id::text FROM old_rows));
      RETURN NULL;
    END $$`.execute(db);
  // Role assignments: any change, in either direction.
  await sql`CREATE FUNCTION lantoa_roles_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        PERFORM lantoa_note_session_changes(array(SELECT DISTINCT user_id::text FROM new_rows));
      ELSE
        PERFORM lantoa_note_session_changes(array(SELECT DISTINCT user_id::text FROM old_rows));
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  // Units: a move changes the paths a role's scope is checked against.
  await sql`CREATE FUNCTION lantoa_unit_paths_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM lantoa_note_session_changes(array(
        SELECT DISTINCT a.user_id::text FROM old_rows o
          JOIN new_rows n ON n.id = o.id AND n.path IS DISTINCT FROM o.path
          JOIN role_assignments a ON a.unit_id = o.id));
      RETURN NULL;
    END $$`.execute(db);

  const triggers: Array<[table: string, event: string, rows: string, fn: string]> = [
    ["sessions", "UPDATE", "OLD TABLE AS old_rows", "lantoa_sessions_changed"],
    ["sessions", "DELETE", "OLD TABLE AS old_rows", "lantoa_sessions_changed"],
    ["users", "UPDATE", "OLD TABLE AS old_rows", "lantoa_users_changed"],
    ["users", "DELETE", "OLD TABLE AS old_rows", "lantoa_users_changed"],
    ["role_assignments", "INSERT", "NEW TABLE AS new_rows", "lantoa_roles_changed"],
    ["role_assignments", "UPDATE", "OLD TABLE AS old_rows", "lantoa_roles_changed"],
    ["role_assignments", "DELETE", "OLD TABLE AS old_rows", "lantoa_roles_changed"],
    ["units", "UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows", "lantoa_unit_paths_changed"],
  ];
  for (const [table, event, rows, fn] of triggers) {
    await sql
      .raw(`CREATE TRIGGER ${table}_${event.toLowerCase()}_session_changes AFTER ${event} ON ${table}
        REFERENCING ${rows} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`)
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const fn of [
    "lantoa_sessions_changed",
    "lantoa_users_changed",
    "lantoa_roles_changed",
    "lantoa_unit_paths_changed",
  ]) {
    await sql.raw(`DROP FUNCTION ${fn}() CASCADE`).execute(db);
  }
  await sql`DROP FUNCTION lantoa_note_session_changes(text[])`.execute(db);
}
