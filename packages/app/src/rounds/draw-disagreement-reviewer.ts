import {
  type DbTransaction,
  insertReviewerAssignments,
  type LoadedRound,
  listModelAssignments,
  loadScoringSubjects,
  modelOwnerPath,
  reviewerPool,
} from "@lantoa/db";
import { drawPanel } from "@lantoa/domain/round";
import { scoreRound } from "@lantoa/domain/scoring";

/**
 * After a model's reviews are all in: when the reviewers disagree beyond the set's gap,
 * one more reviewer is drawn for it (`disagreement`, once per model), reproducibly
 * from the round's seed. Returns who, or null (no disagreement, or nobody free: then
 * the chair decides instead).
 *
 * @example
 * const extra = await drawDisagreementReviewer(trx, round, modelId);
 */
export async function drawDisagreementReviewer(
  trx: DbTransaction,
  round: LoadedRound,
  modelId: string,
): Promise<string | null> {
  const assignments = await listModelAssignments(trx, round.row.id, modelId);
  const active = assignments.filter((a) => a.conflict_declared_at === null);
  const allIn = active.every((a) => a.status === "submitted");
  if (!allIn || active.length < round.settings.reviewersPerModel) return null;
  if (assignments.some((a) => a.source === "disagreement")) return null;
  const subjects = await loadScoringSubjects(trx, round.row, [modelId]);
  const scored = scoreRound(round.set, subjects, { referenceDate: round.row.reference_date, breakdown: "points" });
  if (!scored.ok || !scored.value.needsAnotherReviewer.includes(modelId)) return null;
  const ownerPath = await modelOwnerPath(trx, modelId);
  if (ownerPath === null) return null;
  const drawn = drawPanel({
    seed: `${round.row.draw_seed ?? round.row.id}:disagreement:${modelId}`,
    size: active.length + 1,
    models: [
      {
        modelId,
        ownerPath,
        assigned: active.map((a) => a.reviewer_user_id),
        declaredConflicts: assignments.filter((a) => a.conflict_declared_at !== null).map((a) => a.reviewer_user_id),
      },
    ],
    pool: await reviewerPool(trx),
  });
  const extra = drawn.ok ? drawn.value[0]?.reviewerIds[0] : undefined;
  if (!extra) return null;
  await insertReviewerAssignments(trx, [
    { roundId: round.row.id, modelId, reviewerUserId: extra, source: "disagreement" },
  ]);
  return extra;
}
