import type { Kysely, Transaction } from "kysely";
import type { Database } from "../database.js";
import type { UnitRow } from "./unit.table.js";

/** What a new unit needs; `parentId` null makes a root. */
export interface NewUnit {
  readonly code: string;
  readonly name: string;
  readonly parentId: string | null;
  readonly level: string;
  readonly kind: string;
}

/**
 * Inserts a unit below its parent, computing its materialized path.
 * Call inside a transaction when inserting several.
 *
 * @example
 * const root = await insertUnit(db, { code: "HU", name: "Huyện ủy", parentId: null, level: "district", kind: "party-committee" });
 */
export async function insertUnit(db: Kysely<Database> | Transaction<Database>, unit: NewUnit): Promise<UnitRow> {
  const parentPath =
    unit.parentId === null
      ? ""
      : (await db.selectFrom("units").select("path").where("id", "=", unit.parentId).executeTakeFirstOrThrow()).path;
  const { id } = await db
    .insertInto("units")
    .values({
      code: unit.code,
      name: unit.name,
      parent_id: unit.parentId,
      level: unit.level,
      kind: unit.kind,
      path: "",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return db
    .updateTable("units")
    .set({ path: `${parentPath}${id}/` })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
