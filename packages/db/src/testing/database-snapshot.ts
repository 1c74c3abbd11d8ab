import { sql } from "kysely";
import type { DbExecutor } from "../executor.js";

/** Every table's row count and a digest of its rows in a stable order, keyed by table. */
export type DatabaseSnapshot = Record<string, { rows: number; digest: string | null }>;

/**
 * Dumps every table of the public schema (audit log, sessions and idempotency keys
 * included) as a count and an md5 of its rows ordered by their JSON text, so two
 * snapshots are equal exactly when no row was added, removed or changed — except the
 * audit log's records of refused requests (`<use case>.refused`), which a refusal is
 * meant to leave: they say that someone tried, not that anything changed.
 */
export async function snapshotDatabase(db: DbExecutor): Promise<DatabaseSnapshot> {
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  const snapshot: DatabaseSnapshot = {};
  for (const { name } of tables.rows) {
    const { rows } = await sql<{ rows: string; digest: string | null }>`
      SELECT count(*)::text AS rows, md5(string_agg(r, E'\n' ORDER BY r)) AS digest
      FROM (SELECT to_jsonb(t)::text AS r FROM ${sql.table(name)} t
            ${name === "audit_log" ? sql`WHERE t.action NOT LIKE '%.refused'` : sql``}) dump`.execute(db);
    snapshot[name] = { rows: Number(rows[0]?.rows ?? 0), digest: rows[0]?.digest ?? null };
  }
  return snapshot;
}
