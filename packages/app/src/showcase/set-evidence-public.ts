import { lockEvidencePublicFlag, saveEvidencePublicFlag } from "@lantoa/db";
import { err, ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { holdsRoleOver } from "../access/roles.js";
import { forbidden } from "../errors/forbidden.js";
import { notFound } from "../errors/not-found.js";
import { defineUseCase } from "../runner/use-case.js";
import { RecordId } from "../shared/input-schemas.js";

/** Whether a piece of evidence is shown with its model on the public showcase. */
export const SetEvidencePublicInput = z.object({
  evidenceId: RecordId,
  isPublic: z.boolean(),
});

/**
 * Shows a piece of evidence with its model on the public showcase (photos appear there;
 * it is off for every upload until someone turns it on), or hides it again: the decision
 * of an admin of the model's unit. Audited on the model when it changes.
 */
export const setEvidencePublic = defineUseCase({
  name: "setEvidencePublic",
  input: SetEvidencePublicInput,
  run: async (scope, input) => {
    const flag = await lockEvidencePublicFlag(scope.trx, input.evidenceId);
    if (!flag) return err(notFound("evidence", input.evidenceId));
    if (!holdsRoleOver(scope.actor, ["unit-admin"], flag.ownerPath)) return err(forbidden());
    if (flag.isPublic !== input.isPublic) {
      await saveEvidencePublicFlag(scope.trx, input.evidenceId, input.isPublic);
      await scope.audit({
        action: "setEvidencePublic",
        entity: "model",
        entityId: flag.modelId,
        before: { evidenceId: input.evidenceId, isPublic: flag.isPublic },
        after: { evidenceId: input.evidenceId, isPublic: input.isPublic },
      });
    }
    return ok({ id: input.evidenceId, modelId: flag.modelId, isPublic: input.isPublic });
  },
});
