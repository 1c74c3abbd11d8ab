import { type DomainError, domainError, err, ok, type Result } from "@lantoa/domain/errors";
import { sql, type Transaction } from "kysely";
import type { Database } from "../database.js";
import { type StaleVersionError, staleVersion } from "../shared/stale-version.js";

/** Moving a unit under itself or one of its descendants would make a cycle. */
export type UnitCycleError = DomainError<"ORG.CYCLE">;

/**
 * Moves a unit (and its whole subtree) under a new parent, rewriting the
 * materialized paths of the subtree in one statement. Refuses a move under the unit
 * itself or below it, and a stale version. Call inside a transaction.
 *
 * @example
 * await moveUnit(trx, unitId, newParentId, 2);
 */
export async function moveUnit(
  trx: Transaction<Database>,
  unitId: string,
  newParentId: string,
  expectedVersion: number,
): Promise<Result<{ version: number }, StaleVersionError | UnitCycleError>> {
  const unit = await trx
    .selectFrom("units")
    .select(["path", "version"])
    .where("id", "=", unitId)
    .forUpdate()
    .executeTakeFirst();
  const parent = await trx.selectFrom("units").select("path").where("id", "=", newParentId).executeTakeFirst();
  if (!unit || unit.version !== expectedVersion) return err(staleVersion("units", unitId, expectedVersion));
  if (!parent || parent.path.startsWith(unit.path)) {
    return err(
      domainError(
        "ORG.CYCLE",
        {
          vi: "Không thể chuyển đơn vị vào chính nó hoặc vào đơn vị cấp dưới của nó.",
          en: "A unit cannot be moved under itself or one of its descendants.",
        },
        { unitId, newParentId },
      ),
    );
  }
  const newPath = `${parent.path}${unitId}/`;
  await sql`update units set path = ${newPath} || substr(path, ${unit.path.length + 1}), updated_at = now()
    where path ~>=~ ${unit.path} and path ~<~ ${`${unit.path}~`}`.execute(trx);
  const moved = await trx
    .updateTable("units")
    .set((eb) => ({ parent_id: newParentId, version: eb("version", "+", 1) }))
    .where("id", "=", unitId)
    .returning("version")
    .executeTakeFirstOrThrow();
  return ok({ version: moved.version });
}
