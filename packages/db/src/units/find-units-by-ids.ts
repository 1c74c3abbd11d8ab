import type { Kysely } from "kysely";
import type { Database } from "../database.js";
import type { UnitRow } from "./unit.table.js";

/**
 * Loads units by id in one query, answering in the order asked, with `null` for
 * an id that does not exist (the shape a DataLoader batch function needs).
 *
 * @example
 * const [a, b] = await findUnitsByIds(db, [idA, idB]);
 */
export async function findUnitsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<(UnitRow | null)[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("units").selectAll().where("id", "in", ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
}
