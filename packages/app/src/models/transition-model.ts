import { ok } from "@lantoa/domain/errors";
import { ModelActionSchema, type ModelCommand } from "@lantoa/domain/model";
import * as z from "zod";
import { notifyModelStep } from "../notifications/notify-model-step.js";
import { defineUseCase } from "../runner/use-case.js";
import { ExpectedVersion, RecordId, requiredText } from "../shared/input-schemas.js";
import { changeModelStatus } from "./change-model-status.js";

/** The lifecycle steps a caller may ask for (a draft is made by registering, not by a step). */
// The domain's schemas are zod/mini (no chain methods), so the enum is rebuilt from its options.
export const ModelStepSchema = z.enum(ModelActionSchema.options).exclude(["draft"]);

/** A lifecycle step of a model read at `expectedVersion`, with the reason some steps require. */
export const TransitionModelInput = z.object({
  modelId: RecordId,
  action: ModelStepSchema,
  reason: requiredText(2000).nullish(),
  expectedVersion: ExpectedVersion,
});

/**
 * Moves a model through its lifecycle (submit, approve, return, activate, suspend,
 * reinstate, archive) as the actor's roles allow, recording who, when and why.
 */
export const transitionModel = defineUseCase({
  name: "transitionModel",
  input: TransitionModelInput,
  run: async (scope, input) => {
    const command = { kind: input.action, reason: input.reason ?? null } as ModelCommand;
    const changed = await changeModelStatus(scope, {
      modelId: input.modelId,
      command,
      expectedVersion: input.expectedVersion,
    });
    if (!changed.ok) return changed;
    await notifyModelStep(scope, input.modelId, input.action, input.reason ?? null);
    return ok({ id: changed.value.id });
  },
});
