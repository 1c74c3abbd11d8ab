import type { RoundResult } from "@lantoa/domain/scoring";
import type { DbTransaction } from "../executor.js";

/**
 * Replaces a round's stored results with the engine's: total, tier, rank and, compact,
 * points per criterion and gate outcomes (labels live in the pinned set, each reviewer's
 * ratings in the scorecards), so a large round writes fast. A thousand rows per statement.
 *
 * @example
 * await saveRoundResults(trx, roundId, scored.models, now.toISOString())
 */
export async function saveRoundResults(
  trx: DbTransaction,
  roundId: string,
  models: RoundResult["models"],
  computedAt: string,
): Promise<void> {
  await trx.deleteFrom("round_results").where("round_id", "=", roundId).execute();
  const rows = models.map((m) => ({
    round_id: roundId,
    model_id: m.modelId,
    total_milli: m.totalMilli,
    max_milli: m.maxMilli,
    eliminated: m.status === "disqualified",
    tier: m.tierId,
    rank: m.rank,
    breakdown: JSON.stringify({
      criteria: m.criteria.map((c) => ({
        criterionId: c.criterionId,
        pointsMilli: c.pointsMilli,
        maxMilli: c.maxMilli,
      })),
      gates: m.gates.map((g) => ({ criterionId: g.criterionId, passed: g.passed, observed: g.observed })),
      demotedFrom: m.demotedFrom,
      position: m.position,
      selfTotalMilli: m.selfAssessment?.totalMilli ?? null,
      disagreement: m.disagreement,
    }),
    explanation: JSON.stringify(m.explanation ?? null),
    computed_at: computedAt,
  }));
  for (let i = 0; i < rows.length; i += 1000)
    await trx
      .insertInto("round_results")
      .values(rows.slice(i, i + 1000))
      .execute();
}
