import { findUnitByCode, hasLabel, insertUnit } from "@lantoa/db";
import { domainError, err, ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";
import { RecordId } from "../shared/input-schemas.js";
import { requireUnits } from "../shared/require-units.js";
import { ConfigurationCode, UNIT_CODE, UnitName } from "./unit-inputs.js";

/** A new unit under a parent. */
export const CreateUnitInput = z.object({
  parentId: RecordId,
  code: z.string().regex(UNIT_CODE),
  name: UnitName,
  level: ConfigurationCode,
  kind: ConfigurationCode,
});

/**
 * Adds a unit under a parent: its level and kind must be configured
 * (`ORG.UNKNOWN_CONFIGURATION`) and its code free (`ORG.DUPLICATE_CODE`). Audited.
 */
export const createUnit = defineUseCase({
  name: "createUnit",
  input: CreateUnitInput,
  run: async (scope, input) => {
    const { trx } = scope;
    const parent = await requireUnits(trx, [input.parentId]);
    if (!parent.ok) return parent;
    const taken = (await findUnitByCode(trx, input.code)) !== undefined;
    const configured = (await hasLabel(trx, "levels", input.level)) && (await hasLabel(trx, "unit_kinds", input.kind));
    if (taken || !configured) {
      return err(
        domainError(
          taken ? "ORG.DUPLICATE_CODE" : "ORG.UNKNOWN_CONFIGURATION",
          taken
            ? { vi: `Mã đơn vị ${input.code} đã được dùng.`, en: `The unit code ${input.code} is already used.` }
            : { vi: "Cấp hoặc loại đơn vị không có trong cấu hình.", en: "Unknown level or unit kind." },
          { code: input.code, level: input.level, kind: input.kind },
        ),
      );
    }
    const unit = await insertUnit(trx, input);
    await scope.audit({ action: "createUnit", entity: "unit", entityId: unit.id, after: unit });
    return ok({ id: unit.id });
  },
});
