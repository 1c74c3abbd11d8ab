import type { DbExecutor } from "../executor.js";
import type { UnitRow } from "./unit.table.js";

/** The unit with this code (codes are unique), or undefined. */
export async function findUnitByCode(db: DbExecutor, code: string): Promise<UnitRow | undefined> {
  return db.selectFrom("units").selectAll().where("code", "=", code).executeTakeFirst();
}
