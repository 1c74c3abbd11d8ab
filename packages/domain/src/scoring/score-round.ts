import { type CompiledCriteriaSet, type CriteriaSet, compileCriteriaSet } from "../criteria/index.js";
import { type DomainError, domainError, err, ok, type Result } from "../errors/index.js";
import { applyQuotas, type QuotaOutcome } from "./apply-quotas.js";
import { buildRoundContext } from "./build-round-context.js";
import { explainModelScore } from "./explain-model-score.js";
import type { ModelScore } from "./model-score.js";
import { rankOrder } from "./rank-models.js";
import { type PlacedModelScore, scoreSubject } from "./score-model.js";
import { type ScoreRoundOptions, ScoreRoundOptionsSchema, type ScoringSubject } from "./scoring-subject.js";

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A scored model with its place in the round.
 *
 * @example
 * round.models.map((m) => [m.position, m.rank, m.modelId, m.tierId])
 */
export interface RankedModel extends ModelScore {
  /** "1224" competition rank (null when disqualified); see {@link rankModels}. */
  readonly rank: number | null;
  /** Position in the total order, 1-based. */
  readonly position: number;
  /** The final tier, after quotas (null when disqualified). */
  readonly tierId: string | null;
  /** The tier a quota demoted it from, if any. */
  readonly demotedFrom: string | null;
}

/**
 * The outcome of scoring a round.
 *
 * @example
 * round.tierCounts // { excellent: 1, good: 6, pass: 1, fail: 1 }
 */
export interface RoundResult {
  readonly criteriaSetId: string;
  /** The version scored against; null for a draft (a what-if). */
  readonly version: number | null;
  readonly referenceDate: string;
  /** In position order. */
  readonly models: readonly RankedModel[];
  /** Models that could not be scored, with why (missing rating, rating off scale...). */
  readonly unscored: ReadonlyArray<{ readonly modelId: string; readonly error: DomainError }>;
  readonly quotas: readonly QuotaOutcome[];
  /** Final tier → number of models. */
  readonly tierCounts: Readonly<Record<string, number>>;
  /** Models whose reviewers disagree beyond the gap: another reviewer is required. */
  readonly needsAnotherReviewer: readonly string[];
}

/**
 * Scores a round from a compiled set (see {@link scoreRound}); use it to score many
 * rounds against one set without recompiling.
 *
 * @example
 * const compiled = compileCriteriaSet(set); if (compiled.ok) scoreCompiledRound(compiled.value, subjects, { referenceDate: "2025-06-30" })
 */
export function scoreCompiledRound(
  compiled: CompiledCriteriaSet,
  subjects: readonly ScoringSubject[],
  options: ScoreRoundOptions,
): Result<RoundResult> {
  const parsed = ScoreRoundOptionsSchema.safeParse(options);
  if (!parsed.success) {
    return err(
      domainError(
        "SCORING.INVALID_OPTIONS",
        {
          vi: "Tùy chọn đợt chấm không hợp lệ (ngày tham chiếu YYYY-MM-DD)",
          en: "Invalid round options (referenceDate YYYY-MM-DD)",
        },
        { issues: parsed.error.issues.map((i) => i.message) },
      ),
    );
  }
  const { referenceDate, explain, breakdown } = parsed.data;
  const full = breakdown === "full";
  const ids = new Set<string>();
  for (const s of subjects) {
    if (ids.has(s.modelId)) {
      return err(
        domainError(
          "SCORING.DUPLICATE_MODEL",
          {
            vi: `Mô hình '${s.modelId}' xuất hiện hai lần trong đợt`,
            en: `Model '${s.modelId}' appears twice in the round`,
          },
          { modelId: s.modelId },
        ),
      );
    }
    if (!ISO_DATE_TIME.test(s.registeredAt)) {
      return err(
        domainError(
          "SCORING.INVALID_DATE",
          {
            vi: `Thời điểm đăng ký của '${s.modelId}' không hợp lệ`,
            en: `The registration time of '${s.modelId}' is invalid`,
          },
          { modelId: s.modelId, registeredAt: s.registeredAt },
        ),
      );
    }
    ids.add(s.modelId);
  }
  const context = buildRoundContext(compiled, subjects);
  const scores: PlacedModelScore[] = [];
  const unscored: Array<{ modelId: string; error: DomainError }> = [];
  for (const subject of subjects) {
    const r = scoreSubject(compiled, subject, referenceDate, context, full);
    if ("totalMilli" in r) scores.push(r);
    else unscored.push({ modelId: subject.modelId, error: r });
  }
  unscored.sort((a, b) => (a.modelId < b.modelId ? -1 : a.modelId > b.modelId ? 1 : 0));
  const { order, ranks } = rankOrder(scores, compiled.tieBreaks);
  const ranked: PlacedModelScore[] = new Array(order.length);
  for (let p = 0; p < order.length; p++) ranked[p] = scores[order[p] as number] as PlacedModelScore;
  const { tiers, demotedFrom, outcomes } = applyQuotas(compiled, ranked);
  const tierCounts: Record<string, number> = Object.fromEntries(compiled.set.tiers.map((t) => [t.id, 0]));
  const needsAnotherReviewer: string[] = [];
  // The placed objects were created by this call and are not visible yet: fill in their
  // places, and return them as they are unless explanations are asked for.
  const models: RankedModel[] = explain ? new Array(ranked.length) : ranked;
  for (let i = 0; i < ranked.length; i++) {
    const placed = ranked[i] as PlacedModelScore;
    const tierId = tiers[i] ?? null;
    placed.rank = ranks[i] === 0 ? null : (ranks[i] as number);
    placed.position = i + 1;
    placed.tierId = tierId;
    placed.demotedFrom = demotedFrom[i] ?? null;
    if (tierId !== null) tierCounts[tierId] = (tierCounts[tierId] ?? 0) + 1;
    if (placed.disagreement.needsAnotherReviewer) needsAnotherReviewer.push(placed.modelId);
    if (explain) models[i] = { ...placed, explanation: explainModelScore(placed, compiled.set, tierId) };
  }
  const set = compiled.set;
  return ok({
    criteriaSetId: set.id,
    version: set.status === "published" ? set.version : null,
    referenceDate,
    models,
    unscored,
    quotas: outcomes,
    tierCounts,
    needsAnotherReviewer,
  });
}

/**
 * Scores every model of a round against one criteria set: gates, criteria, totals in
 * exact milli-points, tiers, "1224" ranks with configured tie-breaks then registration
 * time then model id, and quotas (overflow demoted one tier, in ranking order).
 * Models that cannot be scored are listed in `unscored` with the reason; the round
 * itself fails only on an invalid set or options, a duplicate model or a bad date.
 * The result does not depend on the order of subjects or of reviewers.
 *
 * @example
 * const round = scoreRound(defaultCriteriaSet, subjects, { referenceDate: "2025-06-30" });
 * if (round.ok) round.value.models.map((m) => [m.modelId, m.rank, m.tierId])
 */
export function scoreRound(
  set: CriteriaSet,
  subjects: readonly ScoringSubject[],
  options: ScoreRoundOptions,
): Result<RoundResult> {
  const compiled = compileCriteriaSet(set);
  if (!compiled.ok) return compiled;
  return scoreCompiledRound(compiled.value, subjects, options);
}
