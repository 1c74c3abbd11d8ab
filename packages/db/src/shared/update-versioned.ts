import { err, ok, type Result } from "@lantoa/domain/errors";
import { type Kysely, sql, type Transaction, type UpdateObject } from "kysely";
import type { Database } from "../database.js";
import { type StaleVersionError, staleVersion } from "./stale-version.js";

/** Tables whose rows two admins might edit at once: each has `id` and `version`. */
export type VersionedTable =
  | "units"
  | "users"
  | "models"
  | "criteria_sets"
  | "criteria_set_versions"
  | "rounds"
  | "scorecards"
  | "commendations"
  | "golden_book_entries"
  | "inspections"
  | "corrective_actions";

/**
 * Optimistic concurrency for any versioned row: applies `values` and bumps `version`
 * only if the row is still at `expectedVersion`; otherwise writes nothing and returns
 * a {@link StaleVersionError}. The caller reads the version with the row it shows.
 *
 * @example
 * const saved = await updateVersioned(trx, "units", id, 3, { name: "Đảng ủy xã Thanh Hà" });
 * if (!saved.ok) // someone else saved first: reload and retry
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Kysely<Database> | Transaction<Database>,
  table: T,
  id: string,
  expectedVersion: number,
  values: UpdateObject<Database, T, T>,
): Promise<Result<{ version: number }, StaleVersionError>> {
  // Kysely's builder cannot follow a generic table name through its overloads, so
  // the statement is written out; the public signature above keeps callers typed.
  const assignments = Object.entries(values as Record<string, unknown>).map(
    ([column, value]) => sql`${sql.ref(column)} = ${value}`,
  );
  const { rows } = await sql<{ version: number }>`
    update ${sql.table(table)} set ${sql.join([...assignments, sql`version = version + 1`])}
    where id = ${id} and version = ${expectedVersion}
    returning version`.execute(db);
  const updated = rows[0];
  return updated ? ok({ version: updated.version }) : err(staleVersion(table, id, expectedVersion));
}
