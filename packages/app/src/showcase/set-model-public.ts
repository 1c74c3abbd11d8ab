import { lockModelPublicFlag, saveModelPublicFlag } from "@lantoa/db";
import { err, ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { holdsRoleOver } from "../access/roles.js";
import { forbidden } from "../errors/forbidden.js";
import { notFound } from "../errors/not-found.js";
import { defineUseCase } from "../runner/use-case.js";
import { RecordId } from "../shared/input-schemas.js";

/** Whether a model is shown on the public showcase. */
export const SetModelPublicInput = z.object({
  modelId: RecordId,
  isPublic: z.boolean(),
});

/**
 * Shows a model on the public showcase, or takes it off: the decision of an admin of its
 * unit (or above). The showcase shows it only while it runs or has run. No version is
 * asked: one flag set to a value cannot lose another's change. Audited when it changes.
 */
export const setModelPublic = defineUseCase({
  name: "setModelPublic",
  input: SetModelPublicInput,
  run: async (scope, input) => {
    const flag = await lockModelPublicFlag(scope.trx, input.modelId);
    if (!flag) return err(notFound("model", input.modelId));
    if (!holdsRoleOver(scope.actor, ["unit-admin"], flag.ownerPath)) return err(forbidden());
    if (flag.isPublic !== input.isPublic) {
      await saveModelPublicFlag(scope.trx, input.modelId, input.isPublic);
      await scope.audit({
        action: "setModelPublic",
        entity: "model",
        entityId: input.modelId,
        before: { isPublic: flag.isPublic },
        after: { isPublic: input.isPublic },
      });
    }
    return ok({ id: input.modelId, isPublic: input.isPublic });
  },
});
