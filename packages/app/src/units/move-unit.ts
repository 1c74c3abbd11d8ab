import { findUnitsByIds, moveUnit as moveUnitSubtree } from "@lantoa/db";
import { ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";
import { ExpectedVersion, RecordId } from "../shared/input-schemas.js";

/** A unit to move under another parent, read at `expectedVersion`. */
export const MoveUnitInput = z.object({ unitId: RecordId, newParentId: RecordId, expectedVersion: ExpectedVersion });

/**
 * Moves a unit and its whole subtree under another parent (never under itself or
 * below it: `ORG.CYCLE`). Audited with the parent before and after.
 */
export const moveUnit = defineUseCase({
  name: "moveUnit",
  input: MoveUnitInput,
  run: async (scope, input) => {
    const [before] = await findUnitsByIds(scope.trx, [input.unitId]);
    const moved = await moveUnitSubtree(scope.trx, input.unitId, input.newParentId, input.expectedVersion);
    if (!moved.ok) return moved;
    await scope.audit({
      action: "moveUnit",
      entity: "unit",
      entityId: input.unitId,
      before: { parentId: before?.parent_id ?? null, version: input.expectedVersion },
      after: { parentId: input.newParentId, version: moved.value.version },
    });
    return ok({ id: input.unitId });
  },
});
