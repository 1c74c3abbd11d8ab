import { ok } from "@lantoa/domain/errors";
import { defineUseCase } from "../runner/use-case.js";
import { ModelFieldsInput } from "./model-inputs.js";
import { registerDraftModel } from "./register-draft-model.js";

/** A model a unit registers. */
export const CreateModelInput = ModelFieldsInput;

/** Registers a draft model for a unit (see {@link registerDraftModel} for the rules). Audited. */
export const createModel = defineUseCase({
  name: "createModel",
  input: CreateModelInput,
  run: async (scope, input) => {
    const model = await registerDraftModel(scope, input, null);
    if (!model.ok) return model;
    await scope.audit({ action: "createModel", entity: "model", entityId: model.value.id, after: model.value });
    return ok({ id: model.value.id });
  },
});
