import {
  eligibleInRound,
  findScorecard,
  insertScorecard,
  mayReview,
  modelOwnerPath,
  type ScorecardContent,
  scorecardColumns,
  updateVersioned,
} from "@lantoa/db";
import { compileCriteriaSet } from "@lantoa/domain/criteria";
import { domainError, err, ok } from "@lantoa/domain/errors";
import { checkScorecard } from "@lantoa/domain/round";
import * as z from "zod";
import { holdsRoleOver, isSystemAdmin, STAFF_ROLES } from "../access/roles.js";
import { forbidden } from "../errors/forbidden.js";
import { notifyAssigned } from "../notifications/notify-assigned.js";
import { defineUseCase } from "../runner/use-case.js";
import { ExpectedVersion, RecordId } from "../shared/input-schemas.js";
import { drawDisagreementReviewer } from "./draw-disagreement-reviewer.js";
import { openRound } from "./open-round.js";
import { conflictOfInterest, modelNotInRound } from "./round-errors.js";

/** One criterion's rating and comment on a scorecard (either may be left out of a draft). */
export const ScorecardRatingInput = z.object({
  criterionId: z.string().min(1).max(64),
  value: z.number().finite().min(-1e6).max(1e6).nullish(),
  comment: z.string().max(4000).nullish(),
});

/** The ratings of one scorecard, of whatever shape its items take at the caller's edge: at most 200. */
export function ratingList<Item extends z.ZodType>(item: Item) {
  return z.array(item).max(200);
}

/** A scorecard to save or submit: the unit's self-assessment or the acting reviewer's review. */
export const SaveScorecardInput = z.object({
  roundId: RecordId,
  modelId: RecordId,
  kind: z.enum(["self", "review"]),
  ratings: ratingList(ScorecardRatingInput),
  /** Submit now (checked complete, then read-only); otherwise a draft. */
  submit: z.boolean(),
  /** The version read; absent for a first save. */
  expectedVersion: ExpectedVersion.nullish(),
});

/**
 * Saves a draft or submits a scorecard of an eligible model: a self-assessment (by the
 * staff of the model's unit or above) while the round is in self-assessment, the acting
 * reviewer's review while it is in review, only when assigned without a conflict. A
 * submitted scorecard is read-only (so nobody revises after seeing others' scores).
 * When the last required review of a model comes in and the reviewers disagree beyond
 * the set's gap, one more reviewer is drawn for it. Audited `scorecard.save` or
 * `scorecard.submit`; versioned.
 */
export const saveScorecard = defineUseCase({
  name: "saveScorecard",
  input: SaveScorecardInput,
  run: async (scope, input) => {
    const { trx, actor } = scope;
    const stage = input.kind === "self" ? "self-assessment" : "review";
    const round = await openRound(scope, input.roundId, { stages: [stage], administer: false });
    if (!round.ok) return round;
    if (!(await eligibleInRound(trx, input.roundId, input.modelId))) return err(modelNotInRound(input.modelId));
    const reviewerUserId = input.kind === "self" ? null : actor.userId;
    if (input.kind === "review") {
      if (!reviewerUserId || !(await mayReview(trx, input.roundId, input.modelId, reviewerUserId)))
        return err(conflictOfInterest(input.modelId, reviewerUserId));
    } else {
      const ownerPath = await modelOwnerPath(trx, input.modelId);
      if (ownerPath === null ? !isSystemAdmin(actor) : !holdsRoleOver(actor, STAFF_ROLES, ownerPath))
        return err(forbidden());
    }
    const ratings: Record<string, number> = {};
    const comments: Record<string, string> = {};
    for (const r of input.ratings) {
      if (r.value != null) ratings[r.criterionId] = r.value;
      if (r.comment != null && r.comment.trim() !== "") comments[r.criterionId] = r.comment;
    }
    const compiled = compileCriteriaSet(round.value.set);
    if (!compiled.ok) return compiled;
    if (input.submit) {
      const checked = checkScorecard(compiled.value, ratings, comments, {
        commentsRequired: round.value.settings.commentsRequired,
      });
      if (!checked.ok) return checked;
    }
    const at = scope.now.toISOString();
    const content: ScorecardContent = {
      ratings,
      comments,
      status: input.submit ? "submitted" : "draft",
      submittedAt: input.submit ? at : null,
      updatedAt: at,
    };
    const key = { roundId: input.roundId, modelId: input.modelId, kind: input.kind, reviewerUserId };
    const existing = await findScorecard(trx, key);
    let id: string;
    let version: number;
    if (existing) {
      if (existing.status === "submitted") {
        return err(
          domainError(
            "ROUND.SCORECARD_SUBMITTED",
            {
              vi: "Phiếu chấm đã nộp, không sửa được nữa.",
              en: "The scorecard was submitted and can no longer change.",
            },
            { id: existing.id },
          ),
        );
      }
      const expected = input.expectedVersion ?? 0;
      const saved = await updateVersioned(trx, "scorecards", existing.id, expected, scorecardColumns(content));
      if (!saved.ok) return saved;
      id = existing.id;
      version = saved.value.version;
    } else {
      id = scope.newId();
      version = (await insertScorecard(trx, id, key, content)).version;
    }
    const extraReviewerId =
      input.submit && input.kind === "review" ? await drawDisagreementReviewer(trx, round.value, input.modelId) : null;
    if (extraReviewerId) {
      await notifyAssigned(scope, round.value.row, [{ modelId: input.modelId, reviewerUserId: extraReviewerId }]);
    }
    await scope.audit({
      action: input.submit ? "scorecard.submit" : "scorecard.save",
      entity: "scorecard",
      entityId: id,
      after: {
        ...key,
        ratings,
        comments,
        submit: input.submit,
        expectedVersion: input.expectedVersion ?? undefined,
        version,
        extraReviewerId,
      },
    });
    return ok({ id, roundId: input.roundId, version, extraReviewerId });
  },
});
