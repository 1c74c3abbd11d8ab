import { createHash } from "node:crypto";
import { type DomainError, err, ok, type Result } from "@lantoa/domain/errors";
import { canonicalJson } from "@lantoa/domain/round";
import { type RoundResult, scoreRound } from "@lantoa/domain/scoring";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../database.js";
import type { LoadedRound } from "./load-round.js";
import { loadScoringSubjects } from "./load-scoring-subjects.js";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Computes a round's results with the domain engine and replaces its stored results
 * (load → score → write): submitted scorecards of eligible models, gates, tiers,
 * ranks with tie-breaks, quotas, each model's breakdown and explanation. The only way
 * results are computed, for live rounds, the demo seed and the benchmark alike.
 *
 * @example
 * const scored = await computeRoundResults(trx, round, { computedAt: now });
 * if (scored.ok) scored.value.needsAnotherReviewer
 */
export async function computeRoundResults(
  trx: Db,
  round: LoadedRound,
  options: { computedAt: string },
): Promise<Result<RoundResult, DomainError>> {
  const subjects = await loadScoringSubjects(trx, round.row);
  const scored = scoreRound(round.set, subjects, { referenceDate: round.row.reference_date, explain: true });
  if (!scored.ok) return err(scored.error);
  await trx.deleteFrom("round_results").where("round_id", "=", round.row.id).execute();
  const rows = roundResultRows(round.row.id, scored.value, options.computedAt);
  for (let i = 0; i < rows.length; i += 1000)
    await trx
      .insertInto("round_results")
      .values(rows.slice(i, i + 1000))
      .execute();
  return ok(scored.value);
}

/**
 * The rows `round_results` stores for a scored round: the engine's numbers as they are
 * (the exact total rounded once, and per-criterion points that add up to it), so the
 * results, the exports and the public leaderboard all show the same figures. Compact:
 * points per criterion and gate outcomes (labels live in the pinned set, each reviewer's
 * ratings in the scorecards), so a large round writes fast.
 *
 * @example
 * await trx.insertInto("round_results").values(roundResultRows(roundId, scored, "2022-12-15T08:00:00+07:00")).execute();
 */
export function roundResultRows(roundId: string, result: RoundResult, computedAt: string) {
  return result.models.map((m) => ({
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
}

/**
 * The SHA-256 of a round's stored results in canonical JSON (rows by model id, keys
 * sorted, the computation time left out): what finalization records and anyone can
 * recompute to see that nothing changed.
 *
 * @example
 * await hashRoundResults(db, roundId) // "9f2c…"
 */
export async function hashRoundResults(db: Db, roundId: string): Promise<string> {
  const rows = await db
    .selectFrom("round_results")
    .select(["model_id", "total_milli", "max_milli", "eliminated", "tier", "rank", "breakdown", "explanation"])
    .where("round_id", "=", roundId)
    .orderBy("model_id")
    .execute();
  return createHash("sha256").update(canonicalJson(rows)).digest("hex");
}
