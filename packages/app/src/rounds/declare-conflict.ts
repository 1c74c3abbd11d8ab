import { markConflictDeclared } from "@lantoa/db";
import { err, ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";
import { RecordId, requiredText } from "../shared/input-schemas.js";
import { openRound, UNLOCKED } from "./open-round.js";
import { notAssigned } from "./round-errors.js";

/** The acting reviewer's declaration of a conflict with a model they were assigned. */
export const DeclareConflictInput = z.object({
  roundId: RecordId,
  modelId: RecordId,
  reason: requiredText(2000),
});

/**
 * The acting reviewer declares a conflict of interest with a model they were assigned:
 * from then on they can neither read nor write its scorecard, and their scores (if any)
 * no longer count. Only before the round is finalized. Audited `round.declareConflict`.
 */
export const declareConflict = defineUseCase({
  name: "declareConflict",
  input: DeclareConflictInput,
  run: async (scope, input) => {
    const round = await openRound(scope, input.roundId, { stages: UNLOCKED, administer: false });
    if (!round.ok) return round;
    const reviewerUserId = scope.actor.userId;
    const declared =
      reviewerUserId !== null &&
      (await markConflictDeclared(scope.trx, {
        roundId: input.roundId,
        modelId: input.modelId,
        reviewerUserId,
        reason: input.reason,
        at: scope.now.toISOString(),
      }));
    if (!declared) return err(notAssigned(input.modelId, reviewerUserId));
    await scope.audit({
      action: "round.declareConflict",
      entity: "round",
      entityId: input.roundId,
      after: { modelId: input.modelId, reason: input.reason },
    });
    return ok({ id: input.roundId });
  },
});
