import {
  type CompiledCriteriaSet,
  type CompiledScale,
  type CompiledScoredCriterion,
  type CriteriaSet,
  compileCriteriaSet,
  evaluateFormula,
  formatMilli,
  MILLI,
  mulDivRoundHalfUp,
  roundToMilli,
  toMilli,
} from "../criteria/index.js";
import { type DomainError, domainError, err, type LocalizedText, ok, type Result } from "../errors/index.js";
import { aggregateRatings } from "./aggregate-ratings.js";
import { buildRoundContext, type RoundContext } from "./build-round-context.js";
import { evaluateGate } from "./evaluate-gate.js";
import { explainModelScore } from "./explain-model-score.js";
import { formulaValues } from "./formula-values.js";
import type { CriterionScore, GateOutcome, ModelScore, ReviewerRatingUse, SelfAssessment } from "./model-score.js";
import { fullMonthsBetween } from "./months-between.js";
import { scoreIndicator } from "./score-indicator.js";
import type { Scorecard, ScoringSubject } from "./scoring-subject.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A rating as integer milli-units, or why it is not on the scale (not wrapped in a Result: this is the hot path). */
function ratingMilli(
  value: number,
  scale: CompiledScale,
  criterionId: string,
  reviewerId: string,
): number | DomainError {
  const milli = toMilli(value);
  if (milli === null || milli < scale.minMilli || milli > scale.maxMilli) {
    return domainError(
      "SCORING.RATING_OFF_SCALE",
      {
        vi: `Điểm ${value} của người chấm '${reviewerId}' cho '${criterionId}' nằm ngoài thang ${formatMilli(scale.minMilli)}–${formatMilli(scale.maxMilli)}`,
        en: `Reviewer '${reviewerId}' rated '${criterionId}' ${value}, outside the scale ${formatMilli(scale.minMilli)}–${formatMilli(scale.maxMilli)}`,
      },
      { criterionId, reviewerId, value },
    );
  }
  if ((milli - scale.minMilli) % scale.stepMilli !== 0) {
    return domainError(
      "SCORING.RATING_OFF_STEP",
      {
        vi: `Điểm ${value} của người chấm '${reviewerId}' cho '${criterionId}' không theo bước ${formatMilli(scale.stepMilli)}`,
        en: `Reviewer '${reviewerId}' rated '${criterionId}' ${value}, not on a step of ${formatMilli(scale.stepMilli)}`,
      },
      { criterionId, reviewerId, value },
    );
  }
  return milli;
}

/**
 * Aggregates one rating criterion over scorecards, calibrating verifiers when a context
 * says how. Returns null when no scorecard rates it, a DomainError when a rating is invalid.
 */
function scoreRating(
  compiled: CompiledCriteriaSet,
  c: CompiledScoredCriterion,
  cards: readonly Scorecard[],
  context: RoundContext | undefined,
  calibrate: boolean,
): CriterionScore | DomainError | null {
  const scale = c.scale as CompiledScale;
  const id = c.criterion.id;
  const range = scale.maxMilli - scale.minMilli;
  const perReviewer = calibrate ? context?.calibration.get(id) : undefined;
  const uses: ReviewerRatingUse[] = [];
  const values: number[] = [];
  for (const card of cards) {
    if (!Object.hasOwn(card.scores, id)) continue;
    const milli = ratingMilli(card.scores[id] as number, scale, id, card.reviewerId);
    if (typeof milli !== "number") return milli;
    let used = milli;
    const cal = perReviewer?.get(card.reviewerId);
    if (cal !== undefined && cal.mode !== "none") {
      const x = milli / MILLI;
      const mapped =
        cal.mode === "z"
          ? cal.pooledMean + ((x - cal.reviewerMean) / cal.reviewerSd) * cal.pooledSd
          : x - cal.reviewerMean + cal.pooledMean;
      // Calibrated ratings are real numbers: rounded half up to 0.001 of a scale unit, then clamped.
      used = Math.min(scale.maxMilli, Math.max(scale.minMilli, roundToMilli(mapped)));
    }
    const use: ReviewerRatingUse = {
      reviewerId: card.reviewerId,
      rawMilli: milli,
      usedMilli: used,
      shiftMilli: used - milli,
      pointsMilli: mulDivRoundHalfUp(c.maxMilli, used - scale.minMilli, range),
    };
    // Insertion sorts (a handful of reviewers): by reviewer id for the report, by value for
    // aggregation. Sorting is what makes the outcome independent of reviewer order.
    let i = uses.length;
    uses.push(use);
    while (i > 0 && (uses[i - 1] as ReviewerRatingUse).reviewerId > use.reviewerId) {
      uses[i] = uses[i - 1] as ReviewerRatingUse;
      i--;
    }
    uses[i] = use;
    let j = values.length;
    values.push(used);
    while (j > 0 && (values[j - 1] as number) > used) {
      values[j] = values[j - 1] as number;
      j--;
    }
    values[j] = used;
  }
  if (uses.length === 0) return null;
  const method = compiled.set.aggregation.method;
  const aggregate = aggregateRatings(values, method);
  const { numerator, denominator } = aggregate;
  const pointsMilli = mulDivRoundHalfUp(c.maxMilli, numerator - denominator * scale.minMilli, denominator * range);
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const u of uses) {
    if (u.pointsMilli < low) low = u.pointsMilli;
    if (u.pointsMilli > high) high = u.pointsMilli;
  }
  const spreadMilli = high - low;
  let band: { id: string; label: LocalizedText } | null = null;
  for (const b of scale.bands) {
    if (numerator >= denominator * b.minMilli && numerator <= denominator * b.maxMilli) {
      band = b.summary;
      break;
    }
  }
  return {
    criterionId: id,
    label: c.criterion.label,
    maxMilli: c.maxMilli,
    pointsMilli,
    detail: {
      kind: "rating",
      method: method.kind,
      reviewers: uses,
      aggregate,
      scaleMinMilli: scale.minMilli,
      scaleMaxMilli: scale.maxMilli,
      band,
      spreadMilli,
      exceedsGap: compiled.criterionGapMilli !== undefined && spreadMilli > compiled.criterionGapMilli,
    },
  };
}

const ratingIdsCache = new WeakMap<CompiledCriteriaSet, ReadonlySet<string>>();
function ratingIdsOf(compiled: CompiledCriteriaSet): ReadonlySet<string> {
  let ids = ratingIdsCache.get(compiled);
  if (ids === undefined) {
    ids = new Set(compiled.scored.filter((c) => c.criterion.kind === "rating").map((c) => c.criterion.id));
    ratingIdsCache.set(compiled, ids);
  }
  return ids;
}

function checkScorecards(compiled: CompiledCriteriaSet, subject: ScoringSubject): DomainError | null {
  const ratingIds = ratingIdsOf(compiled);
  const cards = subject.scorecards;
  for (let i = 0; i < cards.length; i++) {
    const card = cards[i] as Scorecard;
    let duplicate = false;
    for (let j = 0; j < i; j++) {
      const other = cards[j] as Scorecard;
      if (other.reviewerId === card.reviewerId && other.role === card.role) duplicate = true;
    }
    if (duplicate) {
      return domainError(
        "SCORING.DUPLICATE_SCORECARD",
        {
          vi: `Người chấm '${card.reviewerId}' có hơn một phiếu cho mô hình '${subject.modelId}'`,
          en: `Reviewer '${card.reviewerId}' has more than one scorecard for model '${subject.modelId}'`,
        },
        { modelId: subject.modelId, reviewerId: card.reviewerId },
      );
    }
    for (const criterionId in card.scores) {
      if (!Object.hasOwn(card.scores, criterionId)) continue;
      if (!ratingIds.has(criterionId)) {
        return domainError(
          "SCORING.UNKNOWN_CRITERION",
          {
            vi: `Phiếu của '${card.reviewerId}' chấm '${criterionId}', không phải tiêu chí chấm điểm của bộ`,
            en: `The scorecard of '${card.reviewerId}' rates '${criterionId}', which is not a rating criterion of the set`,
          },
          { modelId: subject.modelId, reviewerId: card.reviewerId, criterionId },
        );
      }
    }
  }
  return null;
}

/**
 * Scores one model against a compiled set; the engine under {@link scoreModel} and
 * {@link scoreRound}. `context` carries round-wide data (best values, calibration).
 *
 * @example
 * scoreCompiledModel(compiled, subject, "2025-06-30", buildRoundContext(compiled, subjects), false)
 */
export function scoreCompiledModel(
  compiled: CompiledCriteriaSet,
  subject: ScoringSubject,
  referenceDate: string,
  context: RoundContext | undefined,
  explain: boolean,
): Result<ModelScore> {
  if (!DATE.test(subject.facts.startDate) || !DATE.test(referenceDate)) {
    return err(
      domainError(
        "SCORING.INVALID_DATE",
        { vi: "Ngày phải có dạng YYYY-MM-DD", en: "Dates must look like YYYY-MM-DD" },
        { modelId: subject.modelId, startDate: subject.facts.startDate, referenceDate },
      ),
    );
  }
  const cardProblem = checkScorecards(compiled, subject);
  if (cardProblem !== null) return err(cardProblem);
  const months = fullMonthsBetween(subject.facts.startDate, referenceDate);
  const withModel = (e: DomainError): DomainError => ({ ...e, details: { ...e.details, modelId: subject.modelId } });

  // Gates.
  const gates: GateOutcome[] = [];
  let eliminated = false;
  let softFailures = 0;
  for (const gate of compiled.gates) {
    const outcome = evaluateGate(compiled, gate, subject.facts, months);
    if (!outcome.ok) return err(withModel(outcome.error));
    gates.push(outcome.value);
    if (!outcome.value.passed) {
      if (outcome.value.eliminatory) eliminated = true;
      else softFailures++;
    }
  }
  const disqualified = eliminated || softFailures > compiled.set.gatePolicy.maxNonEliminatoryFailures;

  // Criteria.
  const verifiers = subject.scorecards.filter((card) => card.role === "verifier");
  const selves = subject.scorecards.filter((card) => card.role === "self");
  const calibrate = compiled.set.aggregation.calibration.enabled;
  if (calibrate && context === undefined) {
    return err(
      domainError(
        "SCORING.ROUND_CONTEXT_REQUIRED",
        { vi: "Hiệu chỉnh người chấm cần dữ liệu cả đợt", en: "Reviewer calibration needs the round context" },
        { modelId: subject.modelId },
      ),
    );
  }
  const criteria: CriterionScore[] = [];
  const warnings: DomainError[] = [];
  const selfCriteria: Array<{ criterionId: string; pointsMilli: number | null }> = [];
  // Per-reviewer rating totals, in parallel arrays (a handful of reviewers per model).
  const reviewerIds: string[] = [];
  const reviewerSums: number[] = [];
  const reviewerCounts: number[] = [];
  const gapCriteria: string[] = [];
  let totalMilli = 0;
  let selfTotal = 0;
  let selfComplete = true;
  let ratingCriteria = 0;
  for (const c of compiled.scored) {
    const criterion = c.criterion;
    switch (criterion.kind) {
      case "rating": {
        ratingCriteria++;
        const score = scoreRating(compiled, c, verifiers, context, calibrate);
        if (score !== null && !("criterionId" in score)) return err(withModel(score));
        if (score === null) {
          return err(
            domainError(
              "SCORING.MISSING_RATING",
              {
                vi: `Mô hình '${subject.modelId}' chưa có điểm thẩm định cho tiêu chí '${criterion.label.vi}'`,
                en: `Model '${subject.modelId}' has no verifier rating for '${criterion.label.en}'`,
              },
              { modelId: subject.modelId, criterionId: criterion.id },
            ),
          );
        }
        if (score.detail.kind === "rating") {
          const reviewers = score.detail.reviewers;
          if (reviewers.length < compiled.set.aggregation.minReviewers) {
            warnings.push(
              domainError(
                "SCORING.TOO_FEW_REVIEWERS",
                {
                  vi: `Tiêu chí '${criterion.label.vi}' có ${reviewers.length} người chấm, cần ít nhất ${compiled.set.aggregation.minReviewers}`,
                  en: `'${criterion.label.en}' has ${reviewers.length} reviewer(s), at least ${compiled.set.aggregation.minReviewers} required`,
                },
                { criterionId: criterion.id, reviewers: reviewers.length },
              ),
            );
          }
          if (score.detail.exceedsGap) gapCriteria.push(criterion.id);
          for (const r of reviewers) {
            const k = reviewerIds.indexOf(r.reviewerId);
            if (k === -1) {
              reviewerIds.push(r.reviewerId);
              reviewerSums.push(r.pointsMilli);
              reviewerCounts.push(1);
            } else {
              reviewerSums[k] = (reviewerSums[k] as number) + r.pointsMilli;
              reviewerCounts[k] = (reviewerCounts[k] as number) + 1;
            }
          }
        }
        criteria.push(score);
        totalMilli += score.pointsMilli;
        if (selves.length > 0) {
          const self = scoreRating(compiled, c, selves, undefined, false);
          if (self !== null && !("criterionId" in self)) return err(withModel(self));
          selfCriteria.push({ criterionId: criterion.id, pointsMilli: self?.pointsMilli ?? null });
          if (self === null) selfComplete = false;
          else selfTotal += self.pointsMilli;
        }
        break;
      }
      case "indicator": {
        const scored = scoreIndicator(compiled, c, subject.facts, context);
        if (!scored.ok) return err(withModel(scored.error));
        const { pointsMilli, detail } = scored.value;
        criteria.push({
          criterionId: criterion.id,
          label: criterion.label,
          maxMilli: c.maxMilli,
          pointsMilli,
          detail,
        });
        totalMilli += pointsMilli;
        selfTotal += pointsMilli;
        break;
      }
      case "formula": {
        const formula = c.formula;
        if (formula === undefined) throw new Error("uncompiled formula");
        const values = formulaValues(compiled, formula, subject.facts, months);
        const result = values.ok ? evaluateFormula(formula.ast, values.value) : values;
        if (!result.ok || typeof result.value !== "number") {
          const cause = result.ok ? undefined : result.error;
          return err(
            domainError(
              "SCORING.FORMULA_FAILED",
              {
                vi: `Không tính được tiêu chí '${criterion.label.vi}': ${cause?.message.vi ?? "kết quả không phải số"}`,
                en: `'${criterion.label.en}' cannot be computed: ${cause?.message.en ?? "not a number"}`,
              },
              { modelId: subject.modelId, criterionId: criterion.id, cause },
            ),
          );
        }
        const milli = roundToMilli(result.value);
        const pointsMilli = milli < 0 ? 0 : Math.min(milli, c.maxMilli);
        criteria.push({
          criterionId: criterion.id,
          label: criterion.label,
          maxMilli: c.maxMilli,
          pointsMilli,
          detail: {
            kind: "formula",
            expression: formula.source,
            value: result.value,
            clamped: pointsMilli !== milli,
          },
        });
        totalMilli += pointsMilli;
        selfTotal += pointsMilli;
        break;
      }
      default: {
        const never: never = criterion;
        throw new Error(`unknown criterion ${JSON.stringify(never)}`);
      }
    }
  }

  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < reviewerIds.length; k++) {
    if (reviewerCounts[k] !== ratingCriteria) continue;
    const sum = reviewerSums[k] as number;
    if (sum < low) low = sum;
    if (sum > high) high = sum;
  }
  const totalSpreadMilli = high >= low ? high - low : 0;
  const totalExceedsGap = compiled.totalGapMilli !== undefined && totalSpreadMilli > compiled.totalGapMilli;
  const scoreTier = disqualified ? undefined : compiled.tiers.find((t) => totalMilli >= t.minMilli);
  const selfAssessment: SelfAssessment | null =
    selves.length === 0
      ? null
      : {
          totalMilli: selfTotal,
          complete: selfComplete,
          criteria: selfCriteria,
          differenceMilli: totalMilli - selfTotal,
        };
  const score: ModelScore = {
    modelId: subject.modelId,
    unitId: subject.unitId,
    unitGroup: subject.unitGroup,
    registeredAt: subject.registeredAt,
    status: disqualified ? "disqualified" : "qualified",
    totalMilli,
    maxMilli: compiled.totalMilli,
    scoreTierId: scoreTier?.tier.id ?? null,
    criteria,
    gates,
    disagreement: {
      criteria: gapCriteria,
      totalSpreadMilli,
      totalExceedsGap,
      needsAnotherReviewer: totalExceedsGap || gapCriteria.length > 0,
    },
    warnings,
    selfAssessment,
  };
  return ok(explain ? { ...score, explanation: explainModelScore(score, compiled.set) } : score);
}

/**
 * Scores one model: gates, each criterion (raw → normalized → points), the total in
 * milli-points, its tier before quotas, reviewer disagreement, the self-assessment
 * beside the verified score, and an explanation in Vietnamese and English.
 * Sets with `relative-to-best` rules or calibration need the round: pass `subjects`
 * (all models of the round) or use {@link scoreRound}; without them such sets give
 * `SCORING.ROUND_CONTEXT_REQUIRED`.
 *
 * @example
 * const r = scoreModel(defaultCriteriaSet, subject, { referenceDate: "2025-06-30" });
 * if (r.ok) console.log(formatMilli(r.value.totalMilli), r.value.scoreTierId, r.value.explanation?.vi);
 */
export function scoreModel(
  set: CriteriaSet,
  subject: ScoringSubject,
  options: { referenceDate: string; subjects?: readonly ScoringSubject[] },
): Result<ModelScore> {
  const compiled = compileCriteriaSet(set);
  if (!compiled.ok) return compiled;
  const context = options.subjects === undefined ? undefined : buildRoundContext(compiled.value, options.subjects);
  return scoreCompiledModel(compiled.value, subject, options.referenceDate, context, true);
}
