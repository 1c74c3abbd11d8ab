import { deleteReviewerAssignment, findAssignment } from "@lantoa/db";
import { err, ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";
import { RecordId } from "../shared/input-schemas.js";
import { ASSIGNABLE, openRound } from "./open-round.js";
import { assignmentNotFound, scorecardStarted } from "./round-errors.js";

/** A reviewer (by username) to take off one model of a round. */
export const UnassignReviewerInput = z.object({
  roundId: RecordId,
  modelId: RecordId,
  reviewerUsername: z.string().min(1).max(100),
});

/**
 * Takes a reviewer off a model of a round while the round is in draft, self-assessment
 * or review (an admin of the organizer), as long as no scorecard of theirs for the model
 * exists, draft or submitted (`ROUND.SCORECARD_STARTED`): what they wrote is never
 * dropped. Audited `round.unassign`.
 */
export const unassignReviewer = defineUseCase({
  name: "unassignReviewer",
  input: UnassignReviewerInput,
  run: async (scope, input) => {
    const round = await openRound(scope, input.roundId, { stages: ASSIGNABLE, administer: true });
    if (!round.ok) return round;
    const found = await findAssignment(scope.trx, input.roundId, input.modelId, input.reviewerUsername);
    if (!found) return err(assignmentNotFound(input.modelId, input.reviewerUsername));
    if (found.scorecardStatus !== null)
      return err(scorecardStarted(input.modelId, input.reviewerUsername, found.scorecardStatus));
    await deleteReviewerAssignment(scope.trx, {
      roundId: input.roundId,
      modelId: input.modelId,
      reviewerUserId: found.reviewerUserId,
    });
    await scope.audit({
      action: "round.unassign",
      entity: "round",
      entityId: input.roundId,
      before: { modelId: input.modelId, reviewerUserId: found.reviewerUserId, source: found.source },
    });
    return ok({ id: input.roundId });
  },
});
