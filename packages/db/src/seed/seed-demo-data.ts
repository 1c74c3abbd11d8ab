import type { Kysely } from "kysely";
import type { Database } from "../database.js";
import { insertUnit } from "../units/insert-unit.js";
import { thanhLiemUnits } from "./thanh-liem-units.js";

/**
 * Loads the Thanh Liêm demo data when the database holds no units yet, in one
 * transaction. Returns whether anything was loaded, so a restart is a no-op.
 */
export async function seedDemoData(db: Kysely<Database>): Promise<{ seeded: boolean; units: number }> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("units").select("id").limit(1).executeTakeFirst();
    if (existing) return { seeded: false, units: 0 };
    const idByCode = new Map<string, string>();
    for (const unit of thanhLiemUnits) {
      const parentId = unit.parentCode === null ? null : idByCode.get(unit.parentCode);
      if (parentId === undefined) throw new Error(`Demo unit ${unit.code} lists unknown parent ${unit.parentCode}`);
      const row = await insertUnit(trx, {
        code: unit.code,
        name: unit.name,
        parentId,
        level: unit.level,
        kind: unit.kind,
      });
      idByCode.set(unit.code, row.id);
    }
    return { seeded: true, units: thanhLiemUnits.length };
  });
}
