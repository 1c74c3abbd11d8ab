import { saveLabel } from "@lantoa/db";
import { ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";

/** A catalogue entry: a kebab-case code and its labels in Vietnamese and English. */
export const SaveLabelInput = z.object({
  code: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(64),
  labelVi: z.string().trim().min(1).max(200),
  labelEn: z.string().trim().min(1).max(200),
});

function saveLabelUseCase(name: "saveUnitKind" | "saveField", table: "unit_kinds" | "fields", entity: string) {
  return defineUseCase({
    name,
    input: SaveLabelInput,
    run: async (scope, input) => {
      const label = { code: input.code, name_vi: input.labelVi, name_en: input.labelEn };
      const before = await saveLabel(scope.trx, table, label);
      await scope.audit({
        action: name,
        entity,
        entityId: label.code,
        ...(before === null ? {} : { before }),
        after: label,
      });
      return ok(label);
    },
  });
}

/** Adds a unit kind, or renames it when the code exists. Audited with before and after. */
export const saveUnitKind = saveLabelUseCase("saveUnitKind", "unit_kinds", "unit_kind");

/** Adds a field (lĩnh vực), or renames it when the code exists. Audited with before and after. */
export const saveField = saveLabelUseCase("saveField", "fields", "field");
