import { loadModel, missingFieldCodes, saveModel, staleVersion } from "@lantoa/db";
import { err, ok } from "@lantoa/domain/errors";
import { editModel } from "@lantoa/domain/model";
import * as z from "zod";
import { notFound } from "../errors/not-found.js";
import { defineUseCase } from "../runner/use-case.js";
import { ExpectedVersion, IsoDay, RecordId, requiredText } from "../shared/input-schemas.js";
import { ModelFieldsInput, PersonName } from "./model-inputs.js";
import { unknownFields } from "./register-draft-model.js";

/** The fields to change; those left out keep their value, `annualTheme: null` clears it. */
export const UpdateModelInput = z.object({
  modelId: RecordId,
  name: requiredText(500).nullish(),
  personName: PersonName.nullish(),
  fields: ModelFieldsInput.shape.fields.nullish(),
  annualTheme: z.string().trim().max(300).nullish(),
  problem: z.string().max(5000).nullish(),
  solution: z.string().max(5000).nullish(),
  startDate: IsoDay.nullish(),
  expectedVersion: ExpectedVersion,
});

/**
 * Edits a draft or returned model's fields if nobody saved it since `expectedVersion`;
 * the domain's `editModel` judges the result (`MODEL.NOT_EDITABLE`, `MODEL.INVALID`) and
 * every field code must be in the catalogue. Audited with before and after.
 */
export const updateModel = defineUseCase({
  name: "updateModel",
  input: UpdateModelInput,
  run: async (scope, input) => {
    const loaded = await loadModel(scope.trx, input.modelId, { forUpdate: true });
    if (!loaded) return err(notFound("model", input.modelId));
    if (loaded.version !== input.expectedVersion) {
      return err(staleVersion("model", input.modelId, input.expectedVersion));
    }
    const before = loaded.model;
    const edited = editModel(before, {
      name: input.name ?? undefined,
      personName: input.personName ?? undefined,
      fieldCodes: input.fields ?? undefined,
      annualTheme: input.annualTheme,
      problem: input.problem ?? undefined,
      solution: input.solution ?? undefined,
      startDate: input.startDate ?? undefined,
    });
    if (!edited.ok) return edited;
    const unknown = await missingFieldCodes(scope.trx, edited.value.fieldCodes);
    if (unknown.length > 0) return err(unknownFields(unknown));
    const saved = await saveModel(scope.trx, edited.value, input.expectedVersion, {
      actorName: scope.actor.displayName,
    });
    if (!saved.ok) return saved;
    await scope.audit({
      action: "updateModel",
      entity: "model",
      entityId: input.modelId,
      before: { ...before, version: input.expectedVersion },
      after: { ...edited.value, version: saved.value.version },
    });
    return ok({ id: input.modelId });
  },
});
