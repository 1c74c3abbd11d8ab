import { findPoolReviewers, insertReviewerAssignments, listPanelModels, type NewAssignment } from "@lantoa/db";
import { err, ok } from "@lantoa/domain/errors";
import { hasConflictOfInterest } from "@lantoa/domain/round";
import * as z from "zod";
import { notifyAssigned } from "../notifications/notify-assigned.js";
import { defineUseCase } from "../runner/use-case.js";
import { RecordId } from "../shared/input-schemas.js";
import { ASSIGNABLE, openRound } from "./open-round.js";
import { conflictOfInterest, modelNotInRound, notAReviewer } from "./round-errors.js";

/** A reviewer of the pool, by username, for one model of the round. */
export const ReviewerAssignmentInput = z.object({
  modelId: RecordId,
  reviewerUsername: z.string().min(1).max(100),
});

/**
 * The list of assignments of one call, of whatever shape its items take at the caller's
 * edge: one (by hand) up to 5,000 (in bulk).
 */
export function assignmentList<Item extends z.ZodType>(item: Item) {
  return z.array(item).min(1).max(5000);
}

/** One assignment (by hand) or several (in bulk) in a round. */
export const AssignReviewersInput = z.object({
  roundId: RecordId,
  assignments: assignmentList(ReviewerAssignmentInput),
});

/**
 * Assigns reviewers by hand (one pair: `manual`) or in bulk (`bulk`) while the round is
 * in draft, self-assessment or review (an admin of the organizer). Only members of the
 * reviewer pool may be assigned, never to a model owned by their unit or a unit below it
 * nor one they declared a conflict with; pairs already assigned are left as they are.
 * Audited `round.assign.<source>`.
 */
export const assignReviewers = defineUseCase({
  name: "assignReviewers",
  input: AssignReviewersInput,
  run: async (scope, input) => {
    const round = await openRound(scope, input.roundId, { stages: ASSIGNABLE, administer: true });
    if (!round.ok) return round;
    const usernames = [...new Set(input.assignments.map((a) => a.reviewerUsername))];
    const pool = new Map((await findPoolReviewers(scope.trx, usernames)).map((r) => [r.username, r]));
    const strangers = usernames.filter((name) => !pool.has(name));
    if (strangers.length > 0) return err(notAReviewer(strangers));
    const models = new Map((await listPanelModels(scope.trx, input.roundId)).map((m) => [m.modelId, m]));
    const source = input.assignments.length === 1 ? "manual" : "bulk";
    const added: NewAssignment[] = [];
    for (const pair of input.assignments) {
      const model = models.get(pair.modelId);
      if (!model) return err(modelNotInRound(pair.modelId));
      const reviewer = pool.get(pair.reviewerUsername);
      if (!reviewer) return err(notAReviewer([pair.reviewerUsername]));
      if (
        model.declaredConflicts.includes(reviewer.userId) ||
        hasConflictOfInterest(reviewer.unitPath, model.ownerPath)
      )
        return err(conflictOfInterest(model.modelId, reviewer.userId));
      const known = (a: { modelId: string; reviewerUserId: string }) =>
        a.modelId === pair.modelId && a.reviewerUserId === reviewer.userId;
      if (model.assigned.includes(reviewer.userId) || added.some(known)) continue;
      added.push({ roundId: input.roundId, modelId: pair.modelId, reviewerUserId: reviewer.userId, source });
    }
    await insertReviewerAssignments(scope.trx, added);
    await notifyAssigned(scope, round.value.row, added);
    await scope.audit({
      action: `round.assign.${source}`,
      entity: "round",
      entityId: input.roundId,
      after: { pairs: added.map((a) => ({ modelId: a.modelId, reviewerUserId: a.reviewerUserId })) },
    });
    return ok({ id: input.roundId, assigned: added.length });
  },
});
