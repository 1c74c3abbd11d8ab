import { compileCriteriaSet } from "@lantoa/domain/criteria";
import { type DomainError, domainError, err, ok, type Result } from "@lantoa/domain/errors";
import { checkScorecard, drawPanel, hasConflictOfInterest, isRoundLocked } from "@lantoa/domain/round";
import { scoreRound } from "@lantoa/domain/scoring";
import type { Transaction } from "kysely";
import { appendAudit } from "../audit/append-audit.js";
import type { Database } from "../database.js";
import { updateVersioned } from "../shared/update-versioned.js";
import { reviewerPool } from "./assign-reviewers.js";
import { eligibleInRound, type LoadedRound, loadRound } from "./load-round.js";
import { loadScoringSubjects } from "./load-scoring-subjects.js";
import { conflictOfInterest, modelNotInRound, roundLocked, roundNotFound, wrongStage } from "./round-errors.js";

/** A scorecard to save: the unit's self-assessment (`reviewerUserId` null) or a reviewer's. */
export interface ScorecardInput {
  readonly roundId: string;
  readonly modelId: string;
  readonly kind: "self" | "review";
  readonly reviewerUserId: string | null;
  readonly ratings: Readonly<Record<string, number>>;
  readonly comments: Readonly<Record<string, string>>;
  /** Submit now (checked complete, then read-only); otherwise a draft. */
  readonly submit: boolean;
  /** The version read; absent for a first save. */
  readonly expectedVersion?: number;
}

/**
 * Whether a reviewer may read or write a model's review scorecard in a round: assigned,
 * no declared conflict, and the model not owned by their unit or a unit below it.
 *
 * @example
 * await mayReview(trx, roundId, modelId, userId) // false for a conflicted reviewer
 */
export async function mayReview(
  db: Transaction<Database> | import("kysely").Kysely<Database>,
  roundId: string,
  modelId: string,
  reviewerUserId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("reviewer_assignments as a")
    .innerJoin("models as m", "m.id", "a.model_id")
    .innerJoin("units as owner", "owner.id", "m.owner_unit_id")
    .innerJoin("users as r", "r.id", "a.reviewer_user_id")
    .leftJoin("units as ru", "ru.id", "r.unit_id")
    .select(["a.conflict_declared_at", "owner.path as owner_path", "ru.path as reviewer_path"])
    .where("a.round_id", "=", roundId)
    .where("a.model_id", "=", modelId)
    .where("a.reviewer_user_id", "=", reviewerUserId)
    .executeTakeFirst();
  return !!row && row.conflict_declared_at === null && !hasConflictOfInterest(row.reviewer_path, row.owner_path);
}

/**
 * Saves a draft or submits a scorecard: a self-assessment while the round is in
 * self-assessment, a review while it is in review, and only by an assigned reviewer
 * without a conflict. A submitted scorecard is read-only (so nobody revises after
 * seeing others' scores). When the last required review of a model comes in and the
 * reviewers disagree beyond the set's gap, one more reviewer is drawn for it
 * (`disagreement`), reproducibly from the round's seed. Audited; versioned.
 *
 * @example
 * const saved = await saveScorecard(trx, { roundId, modelId, kind: "review", reviewerUserId, ratings, comments: {}, submit: true }, { at });
 */
export async function saveScorecard(
  trx: Transaction<Database>,
  input: ScorecardInput,
  context: { actorUserId: string | null; at: string },
): Promise<Result<{ id: string; version: number; extraReviewerId: string | null }, DomainError>> {
  const round = await loadRound(trx, input.roundId, { forUpdate: true });
  if (!round) return err(roundNotFound(input.roundId));
  if (isRoundLocked(round.row.status)) return err(roundLocked(input.roundId, round.row.status));
  const stage = input.kind === "self" ? "self-assessment" : "review";
  if (round.row.status !== stage) return err(wrongStage(input.roundId, round.row.status, [stage]));
  if (!(await eligibleInRound(trx, input.roundId, input.modelId))) return err(modelNotInRound(input.modelId));
  if (input.kind === "review") {
    if (!input.reviewerUserId || !(await mayReview(trx, input.roundId, input.modelId, input.reviewerUserId)))
      return err(conflictOfInterest(input.modelId, input.reviewerUserId ?? ""));
  }
  const compiled = compileCriteriaSet(round.set);
  if (!compiled.ok) return compiled;
  if (input.submit) {
    const checked = checkScorecard(compiled.value, input.ratings, input.comments, {
      commentsRequired: round.settings.commentsRequired,
    });
    if (!checked.ok) return checked;
  }
  let existingQuery = trx
    .selectFrom("scorecards")
    .select(["id", "status", "version"])
    .where("round_id", "=", input.roundId)
    .where("model_id", "=", input.modelId)
    .where("kind", "=", input.kind);
  existingQuery =
    input.reviewerUserId === null
      ? existingQuery.where("reviewer_user_id", "is", null)
      : existingQuery.where("reviewer_user_id", "=", input.reviewerUserId);
  const existing = await existingQuery.executeTakeFirst();
  const values = {
    ratings: JSON.stringify(input.ratings),
    comments: JSON.stringify(input.comments),
    status: input.submit ? ("submitted" as const) : ("draft" as const),
    submitted_at: input.submit ? context.at : null,
    updated_at: context.at,
  };
  let id: string;
  let version: number;
  if (existing) {
    if (existing.status === "submitted") {
      return err(
        domainError(
          "ROUND.SCORECARD_SUBMITTED",
          { vi: "Phiếu chấm đã nộp, không sửa được nữa.", en: "The scorecard was submitted and can no longer change." },
          { id: existing.id },
        ),
      );
    }
    const saved = await updateVersioned(trx, "scorecards", existing.id, input.expectedVersion ?? 0, values);
    if (!saved.ok) return saved;
    id = existing.id;
    version = saved.value.version;
  } else {
    const inserted = await trx
      .insertInto("scorecards")
      .values({
        ...values,
        round_id: input.roundId,
        model_id: input.modelId,
        kind: input.kind,
        reviewer_user_id: input.reviewerUserId,
      })
      .returning(["id", "version"])
      .executeTakeFirstOrThrow();
    id = inserted.id;
    version = inserted.version;
  }
  const extraReviewerId =
    input.submit && input.kind === "review" ? await askForAnotherReviewer(trx, round, input.modelId) : null;
  await appendAudit(trx, {
    actorUserId: context.actorUserId,
    action: input.submit ? "scorecard.submit" : "scorecard.save",
    entity: "scorecard",
    entityId: id,
    after: { ...input, version, extraReviewerId },
  });
  return ok({ id, version, extraReviewerId });
}

/** After a model's reviews are all in: one more reviewer when they disagree beyond the gap (once). */
async function askForAnotherReviewer(
  trx: Transaction<Database>,
  round: LoadedRound,
  modelId: string,
): Promise<string | null> {
  const assignments = await trx
    .selectFrom("reviewer_assignments as a")
    .leftJoin("scorecards as s", (join) =>
      join
        .onRef("s.round_id", "=", "a.round_id")
        .onRef("s.model_id", "=", "a.model_id")
        .onRef("s.reviewer_user_id", "=", "a.reviewer_user_id"),
    )
    .select(["a.reviewer_user_id", "a.source", "a.conflict_declared_at", "s.status"])
    .where("a.round_id", "=", round.row.id)
    .where("a.model_id", "=", modelId)
    .execute();
  const active = assignments.filter((a) => a.conflict_declared_at === null);
  const allIn = active.every((a) => a.status === "submitted");
  if (!allIn || active.length < round.settings.reviewersPerModel) return null;
  if (assignments.some((a) => a.source === "disagreement")) return null;
  const subjects = await loadScoringSubjects(trx, round.row, [modelId]);
  const scored = scoreRound(round.set, subjects, { referenceDate: round.row.reference_date, breakdown: "points" });
  if (!scored.ok || !scored.value.needsAnotherReviewer.includes(modelId)) return null;
  const owner = await trx
    .selectFrom("models as m")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .select("u.path")
    .where("m.id", "=", modelId)
    .executeTakeFirstOrThrow();
  const drawn = drawPanel({
    seed: `${round.row.draw_seed ?? round.row.id}:disagreement:${modelId}`,
    size: active.length + 1,
    models: [
      {
        modelId,
        ownerPath: owner.path,
        assigned: active.map((a) => a.reviewer_user_id),
        declaredConflicts: assignments.filter((a) => a.conflict_declared_at !== null).map((a) => a.reviewer_user_id),
      },
    ],
    pool: await reviewerPool(trx),
  });
  // No free reviewer left: the chair decides instead.
  const extra = drawn.ok ? drawn.value[0]?.reviewerIds[0] : undefined;
  if (!extra) return null;
  await trx
    .insertInto("reviewer_assignments")
    .values({ round_id: round.row.id, model_id: modelId, reviewer_user_id: extra, source: "disagreement" })
    .execute();
  return extra;
}
