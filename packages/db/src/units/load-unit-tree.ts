import { buildUnitTree, type UnitTree } from "@lantoa/domain/org";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../database.js";

/**
 * The part of the unit tree a decision about these units needs: each unit and all
 * its ancestors (read from the materialized paths), as the domain's `UnitTree`.
 * Enough for "is the actor's unit above the owner?" without loading the country.
 *
 * @example
 * const tree = await loadUnitTreeFor(db, [model.ownerUnitId, actor.unitId]);
 */
export async function loadUnitTreeFor(
  db: Kysely<Database> | Transaction<Database>,
  unitIds: readonly (string | null)[],
): Promise<UnitTree> {
  const wanted = unitIds.filter((id): id is string => id !== null);
  const paths =
    wanted.length === 0 ? [] : await db.selectFrom("units").select("path").where("id", "in", wanted).execute();
  const ids = [...new Set(paths.flatMap((p) => p.path.split("/").filter((s) => s !== "")))];
  const rows = ids.length === 0 ? [] : await db.selectFrom("units").selectAll().where("id", "in", ids).execute();
  const tree = buildUnitTree(
    rows.map((r) => ({ id: r.id, code: r.code, name: r.name, parentId: r.parent_id, level: r.level, kind: r.kind })),
  );
  if (!tree.ok) throw new Error(`The stored unit tree is inconsistent: ${tree.error.message.en}`);
  return tree.value;
}
