import { findUnitsByIds, staleVersion, updateVersioned } from "@lantoa/db";
import { err, ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { notFound } from "../errors/not-found.js";
import { defineUseCase } from "../runner/use-case.js";
import { ExpectedVersion, RecordId } from "../shared/input-schemas.js";
import { UnitName } from "./unit-inputs.js";

/** A unit's new name, for a unit read at `expectedVersion`. */
export const RenameUnitInput = z.object({ unitId: RecordId, name: UnitName, expectedVersion: ExpectedVersion });

/** Renames a unit if nobody saved it since `expectedVersion`. Audited with the name before and after. */
export const renameUnit = defineUseCase({
  name: "renameUnit",
  input: RenameUnitInput,
  run: async (scope, input) => {
    const [unit] = await findUnitsByIds(scope.trx, [input.unitId]);
    if (!unit) return err(notFound("unit", input.unitId));
    if (unit.version !== input.expectedVersion) return err(staleVersion("units", input.unitId, input.expectedVersion));
    const saved = await updateVersioned(scope.trx, "units", input.unitId, input.expectedVersion, { name: input.name });
    if (!saved.ok) return saved;
    await scope.audit({
      action: "renameUnit",
      entity: "unit",
      entityId: input.unitId,
      before: { name: unit.name, version: unit.version },
      after: { name: input.name, version: saved.value.version },
    });
    return ok({ id: input.unitId });
  },
});
