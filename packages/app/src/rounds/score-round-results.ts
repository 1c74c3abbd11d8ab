import { type DbTransaction, type LoadedRound, loadScoringSubjects, saveRoundResults } from "@lantoa/db";
import { err, ok, type Result } from "@lantoa/domain/errors";
import { type RoundResult, scoreRound } from "@lantoa/domain/scoring";

/**
 * Scores a round with the domain engine and replaces its stored results (load → score
 * → write): submitted scorecards of eligible models, gates, tiers, ranks with
 * tie-breaks, quotas, each model's breakdown and explanation. The one way results are
 * computed, whether previewed, on opening the council or in the benchmark.
 *
 * @example
 * const scored = await scoreRoundResults(scope.trx, round, scope.now.toISOString());
 * if (scored.ok) scored.value.needsAnotherReviewer
 */
export async function scoreRoundResults(
  trx: DbTransaction,
  round: LoadedRound,
  computedAt: string,
): Promise<Result<RoundResult>> {
  const subjects = await loadScoringSubjects(trx, round.row);
  const scored = scoreRound(round.set, subjects, { referenceDate: round.row.reference_date, explain: true });
  if (!scored.ok) return err(scored.error);
  await saveRoundResults(trx, round.row.id, scored.value.models, computedAt);
  return ok(scored.value);
}
