import { modelLabels } from "@lantoa/db";
import type { UseCaseScope } from "../runner/use-case.js";
import { notify } from "./notify.js";

/**
 * Tells each reviewer given new assignments (by hand, in bulk or drawn) which models of the
 * round now wait for their scorecard: one notification per reviewer and call.
 */
export async function notifyAssigned(
  scope: UseCaseScope,
  round: { readonly id: string; readonly code: string; readonly name: string; readonly review_due?: string | null },
  assignments: ReadonlyArray<{ readonly modelId: string; readonly reviewerUserId: string }>,
): Promise<void> {
  if (assignments.length === 0) return;
  const labels = await modelLabels(
    scope.trx,
    assignments.map((a) => a.modelId),
  );
  const byReviewer = new Map<string, string[]>();
  for (const a of assignments)
    byReviewer.set(a.reviewerUserId, [...(byReviewer.get(a.reviewerUserId) ?? []), a.modelId]);
  await notify(scope, "scorecard-assigned", [...byReviewer.keys()], (userId) => {
    const modelIds = byReviewer.get(userId) ?? [];
    const codes = modelIds.map((id) => labels.get(id)?.code ?? id);
    return {
      roundId: round.id,
      roundCode: round.code,
      roundName: round.name,
      count: modelIds.length,
      // A bulk draw may give one reviewer hundreds: the message names the first few.
      modelCodes: codes.length > 10 ? [...codes.slice(0, 10), "…"] : codes,
      due: round.review_due ?? null,
    };
  });
}
