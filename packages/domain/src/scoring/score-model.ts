import {
  type CompiledCriteriaSet,
  type CompiledScale,
  type CompiledScoredCriterion,
  type CriteriaSet,
  compileCriteriaSet,
  formatMilli,
  MILLI,
  mulDivRoundHalfUp,
  roundToMilli,
  toMilli,
} from "../criteria/index.js";
import { type DomainError, domainError, err, type LocalizedText, ok, type Result } from "../errors/index.js";
import { aggregateDenominator, aggregateNumerator } from "./aggregate-ratings.js";
import { buildRoundContext, type RoundContext } from "./build-round-context.js";
import { gatePasses, observeGate } from "./evaluate-gate.js";
import { evaluateSubjectFormula } from "./evaluate-subject-formula.js";
import { explainModelScore } from "./explain-model-score.js";
import type { CriterionScore, GateOutcome, ModelScore, ReviewerRatingUse, SelfAssessment } from "./model-score.js";
import { fullMonthsBetween } from "./months-between.js";
import { indicatorDetail, indicatorPoints } from "./score-indicator.js";
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

// Scratch buffers for the reviewers of the criterion being scored: filled by scoreRating,
// read by its caller right away. Scoring is synchronous and never re-entered, so sharing
// them is invisible from outside and saves allocations on the hot path.
const scratchReviewers: string[] = [];
const scratchPoints: number[] = [];
const scratchRaw: number[] = [];
const scratchUsed: number[] = [];
const scratchValues: number[] = [];
const scratchTotalIds: string[] = [];
const scratchTotalSums: number[] = [];
const scratchTotalCounts: number[] = [];
const NONE: readonly never[] = Object.freeze([]);

// The ratings of the model being scored, gathered by checkScorecards: card q's rating of
// the r-th rating criterion is at q × scratchWidth + r, and scratchRated says whether
// there is one (a number in scratchRatings, or something else to read from the card).
const ABSENT = 0;
const A_NUMBER = 1;
const SOMETHING_ELSE = 2;
let scratchRatings = new Float64Array(64);
let scratchRated = new Uint8Array(64);
let scratchWidth = 0;

// What scoreRating found besides the points it returns, read by its caller right away
// (module state rather than a result object per criterion and model: the hot path).
/** max − min of the reviewers' points. */
let ratedSpreadMilli = 0;
/** How many reviewers rated it; their ids and points are in the scratch buffers. */
let ratedCount = 0;
/** The full breakdown, when asked for. */
let ratedScore: CriterionScore | undefined;

/**
 * Aggregates one rating criterion over scorecards of one role, calibrating verifiers
 * when a context says how, and returns its points (see the `rated*` variables for the
 * rest). Null when no scorecard rates it; a DomainError when a rating is invalid. The
 * breakdown (`ratedScore`) is built only when `breakdown` is true.
 */
function scoreRating(
  compiled: CompiledCriteriaSet,
  c: CompiledScoredCriterion,
  ratingIndex: number,
  cards: readonly Scorecard[],
  role: Scorecard["role"],
  context: RoundContext | undefined,
  breakdown: boolean,
): number | DomainError | null {
  const scale = c.scale as CompiledScale;
  const id = c.criterion.id;
  const minMilli = scale.minMilli;
  const range = scale.maxMilli - minMilli;
  const calibrate = role === "verifier" && compiled.set.aggregation.calibration.enabled;
  const perReviewer = calibrate ? context?.calibration.get(id) : undefined;
  const values = scratchValues;
  let n = 0;
  for (let q = 0; q < cards.length; q++) {
    const card = cards[q] as Scorecard;
    if (card.role !== role) continue;
    const at = q * scratchWidth + ratingIndex;
    const rated = scratchRated[at];
    let value: number;
    if (rated === A_NUMBER) value = scratchRatings[at] as number;
    // Not enumerated by checkScorecards: an own property is still a rating, as before.
    else if (rated === SOMETHING_ELSE || Object.hasOwn(card.scores, id)) value = card.scores[id] as number;
    else continue;
    const milli = ratingMilli(value, scale, id, card.reviewerId);
    if (typeof milli !== "number") return milli;
    let used = milli;
    if (perReviewer !== undefined) {
      const cal = perReviewer.get(card.reviewerId);
      if (cal !== undefined && cal.mode !== "none") {
        const x = milli / MILLI;
        const mapped =
          cal.mode === "z"
            ? cal.pooledMean + ((x - cal.reviewerMean) / cal.reviewerSd) * cal.pooledSd
            : x - cal.reviewerMean + cal.pooledMean;
        // Calibrated ratings are real numbers: rounded half up to 0.001 of a scale unit, then clamped.
        used = Math.min(scale.maxMilli, Math.max(minMilli, roundToMilli(mapped)));
      }
    }
    const points = mulDivRoundHalfUp(c.maxMilli, used - minMilli, range);
    // Insertion sorts (a handful of reviewers): by reviewer id for the report, by value for
    // aggregation. Sorting is what makes the outcome independent of reviewer order.
    const reviewerId = card.reviewerId;
    let i = n;
    while (i > 0 && (scratchReviewers[i - 1] as string) > reviewerId) {
      scratchReviewers[i] = scratchReviewers[i - 1] as string;
      scratchPoints[i] = scratchPoints[i - 1] as number;
      scratchRaw[i] = scratchRaw[i - 1] as number;
      scratchUsed[i] = scratchUsed[i - 1] as number;
      i--;
    }
    scratchReviewers[i] = reviewerId;
    scratchPoints[i] = points;
    scratchRaw[i] = milli;
    scratchUsed[i] = used;
    let j = n;
    while (j > 0 && (values[j - 1] as number) > used) {
      values[j] = values[j - 1] as number;
      j--;
    }
    values[j] = used;
    n++;
  }
  if (n === 0) return null;
  const method = compiled.set.aggregation.method;
  const numerator = aggregateNumerator(values, n, method);
  const denominator = aggregateDenominator(n, method);
  const pointsMilli = mulDivRoundHalfUp(c.maxMilli, numerator - denominator * minMilli, denominator * range);
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < n; k++) {
    const p = scratchPoints[k] as number;
    if (p < low) low = p;
    if (p > high) high = p;
  }
  const spreadMilli = high - low;
  ratedSpreadMilli = spreadMilli;
  ratedCount = n;
  ratedScore = undefined;
  if (!breakdown) return pointsMilli;
  const uses: ReviewerRatingUse[] = [];
  for (let k = 0; k < n; k++) {
    const raw = scratchRaw[k] as number;
    const used = scratchUsed[k] as number;
    uses.push({
      reviewerId: scratchReviewers[k] as string,
      rawMilli: raw,
      usedMilli: used,
      shiftMilli: used - raw,
      pointsMilli: scratchPoints[k] as number,
    });
  }
  let band: { id: string; label: LocalizedText } | null = null;
  for (const b of scale.bands) {
    if (numerator >= denominator * b.minMilli && numerator <= denominator * b.maxMilli) {
      band = b.summary;
      break;
    }
  }
  ratedScore = {
    criterionId: id,
    label: c.criterion.label,
    maxMilli: c.maxMilli,
    pointsMilli,
    detail: {
      kind: "rating",
      method: method.kind,
      reviewers: uses,
      aggregate: { numerator, denominator },
      scaleMinMilli: minMilli,
      scaleMaxMilli: scale.maxMilli,
      band,
      spreadMilli,
      exceedsGap: compiled.criterionGapMilli !== undefined && spreadMilli > compiled.criterionGapMilli,
    },
  };
  return pointsMilli;
}

/** What scoring a model against a set reuses, computed once per compiled set. */
interface ScoringPlan {
  /** Rating criterion id → its position among the set's rating criteria. */
  readonly ratingIndex: ReadonlyMap<string, number>;
  /**
   * One zero per scored criterion, copied for each model's `points`: a copy of a packed
   * array is the cheapest way to an array of exactly that size (`new Array(n)` takes a
   * slow path in V8, and pushing onto [] reserves room for 17 numbers, kept in every
   * result of the round).
   */
  readonly zeros: readonly number[];
}
const plans = new WeakMap<CompiledCriteriaSet, ScoringPlan>();
function planOf(compiled: CompiledCriteriaSet): ScoringPlan {
  let plan = plans.get(compiled);
  if (plan === undefined) {
    const ids = compiled.scored.filter((c) => c.criterion.kind === "rating").map((c) => c.criterion.id);
    plan = { ratingIndex: new Map(ids.map((id, r) => [id, r])), zeros: compiled.scored.map(() => 0) };
    plans.set(compiled, plan);
  }
  return plan;
}

/**
 * Checks a model's scorecards and gathers their ratings into the scratch buffers below,
 * so that scoring each criterion reads them by position instead of looking each one up
 * by name on every card (keyed lookups with changing names are slow in V8).
 */
function checkScorecards(ratingIndex: ReadonlyMap<string, number>, subject: ScoringSubject): DomainError | null {
  const cards = subject.scorecards;
  const width = ratingIndex.size;
  const needed = cards.length * width;
  if (scratchRated.length < needed) {
    scratchRated = new Uint8Array(needed * 2);
    scratchRatings = new Float64Array(needed * 2);
  } else scratchRated.fill(ABSENT, 0, needed);
  scratchWidth = width;
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
    const scores = card.scores;
    for (const criterionId in scores) {
      if (!Object.hasOwn(scores, criterionId)) continue;
      const r = ratingIndex.get(criterionId);
      if (r === undefined) {
        return domainError(
          "SCORING.UNKNOWN_CRITERION",
          {
            vi: `Phiếu của '${card.reviewerId}' chấm '${criterionId}', không phải tiêu chí chấm điểm của bộ`,
            en: `The scorecard of '${card.reviewerId}' rates '${criterionId}', which is not a rating criterion of the set`,
          },
          { modelId: subject.modelId, reviewerId: card.reviewerId, criterionId },
        );
      }
      const value = scores[criterionId];
      if (typeof value === "number") {
        scratchRatings[i * width + r] = value;
        scratchRated[i * width + r] = A_NUMBER;
      } else scratchRated[i * width + r] = SOMETHING_ELSE;
    }
  }
  return null;
}

/** The error with the model's id added to its details. */
function withModel(e: DomainError, modelId: string): DomainError {
  return { ...e, details: { ...e.details, modelId } };
}

/**
 * A model's score with the placement fields a round fills in (mutable until the round returns).
 *
 * @example
 * // scoreRound fills rank, position, tierId and demotedFrom before returning the object
 */
export interface PlacedModelScore extends ModelScore {
  rank: number | null;
  position: number;
  tierId: string | null;
  demotedFrom: string | null;
}

/**
 * Scores one subject; a DomainError instead of a Result on failure (the round hot path).
 *
 * @example
 * const s = scoreSubject(compiled, subject, "2025-06-30", context, false); if ("totalMilli" in s) s.points
 */
export function scoreSubject(
  compiled: CompiledCriteriaSet,
  subject: ScoringSubject,
  referenceDate: string,
  context: RoundContext | undefined,
  breakdown: boolean,
): PlacedModelScore | DomainError {
  if (!DATE.test(subject.facts.startDate) || !DATE.test(referenceDate)) {
    return domainError(
      "SCORING.INVALID_DATE",
      { vi: "Ngày phải có dạng YYYY-MM-DD", en: "Dates must look like YYYY-MM-DD" },
      { modelId: subject.modelId, startDate: subject.facts.startDate, referenceDate },
    );
  }
  const plan = planOf(compiled);
  const cardProblem = checkScorecards(plan.ratingIndex, subject);
  if (cardProblem !== null) return cardProblem;
  const months = fullMonthsBetween(subject.facts.startDate, referenceDate);

  // Gates.
  const gates: GateOutcome[] | undefined = breakdown ? [] : undefined;
  let failedGates: string[] | undefined;
  let eliminated = false;
  let softFailures = 0;
  for (const gate of compiled.gates) {
    const observed = observeGate(compiled, gate, subject.facts, months);
    if (typeof observed === "object" && observed !== null) return withModel(observed, subject.modelId);
    const { criterion } = gate;
    const passed = gatePasses(criterion.condition, observed);
    if (gates !== undefined) {
      gates.push({
        criterionId: criterion.id,
        label: criterion.label,
        passed,
        eliminatory: criterion.eliminatory,
        condition: criterion.condition,
        observed,
      });
    }
    if (!passed) {
      failedGates ??= [];
      failedGates.push(criterion.id);
      if (criterion.eliminatory) eliminated = true;
      else softFailures++;
    }
  }
  const disqualified = eliminated || softFailures > compiled.set.gatePolicy.maxNonEliminatoryFailures;

  // Criteria.
  let hasSelf = false;
  for (let q = 0; q < subject.scorecards.length; q++) {
    if ((subject.scorecards[q] as Scorecard).role === "self") hasSelf = true;
  }
  if (compiled.set.aggregation.calibration.enabled && context === undefined) {
    return domainError(
      "SCORING.ROUND_CONTEXT_REQUIRED",
      { vi: "Hiệu chỉnh người chấm cần dữ liệu cả đợt", en: "Reviewer calibration needs the round context" },
      { modelId: subject.modelId },
    );
  }
  const criteria: CriterionScore[] | undefined = breakdown ? [] : undefined;
  const points: number[] = plan.zeros.slice();
  let scoredCount = 0;
  let warnings: DomainError[] | undefined;
  const selfCriteria: Array<{ criterionId: string; pointsMilli: number | null }> | undefined = hasSelf ? [] : undefined;
  // Per-reviewer rating totals, in the shared scratch buffers (see scoreRating).
  const reviewerIds = scratchTotalIds;
  const reviewerSums = scratchTotalSums;
  const reviewerCounts = scratchTotalCounts;
  // Entries past `reviewers` are stale: counted rather than truncated (setting an
  // array's length is a runtime call, once per model).
  let reviewers = 0;
  let gapCriteria: string[] | undefined;
  let totalMilli = 0;
  let selfTotal = 0;
  let selfComplete = true;
  let ratingCriteria = 0;
  for (const c of compiled.scored) {
    const criterion = c.criterion;
    switch (criterion.kind) {
      case "rating": {
        ratingCriteria++;
        const rated = scoreRating(compiled, c, ratingCriteria - 1, subject.scorecards, "verifier", context, breakdown);
        if (rated !== null && typeof rated !== "number") return withModel(rated, subject.modelId);
        if (rated === null) {
          return domainError(
            "SCORING.MISSING_RATING",
            {
              vi: `Mô hình '${subject.modelId}' chưa có điểm thẩm định cho tiêu chí '${criterion.label.vi}'`,
              en: `Model '${subject.modelId}' has no verifier rating for '${criterion.label.en}'`,
            },
            { modelId: subject.modelId, criterionId: criterion.id },
          );
        }
        const count = ratedCount;
        if (count < compiled.set.aggregation.minReviewers) {
          warnings ??= [];
          warnings.push(
            domainError(
              "SCORING.TOO_FEW_REVIEWERS",
              {
                vi: `Tiêu chí '${criterion.label.vi}' có ${count} người chấm, cần ít nhất ${compiled.set.aggregation.minReviewers}`,
                en: `'${criterion.label.en}' has ${count} reviewer(s), at least ${compiled.set.aggregation.minReviewers} required`,
              },
              { criterionId: criterion.id, reviewers: count },
            ),
          );
        }
        if (compiled.criterionGapMilli !== undefined && ratedSpreadMilli > compiled.criterionGapMilli) {
          gapCriteria ??= [];
          gapCriteria.push(criterion.id);
        }
        for (let r = 0; r < count; r++) {
          const reviewerId = scratchReviewers[r] as string;
          let k = 0;
          while (k < reviewers && reviewerIds[k] !== reviewerId) k++;
          if (k === reviewers) {
            reviewerIds[k] = reviewerId;
            reviewerSums[k] = scratchPoints[r] as number;
            reviewerCounts[k] = 1;
            reviewers++;
          } else {
            reviewerSums[k] = (reviewerSums[k] as number) + (scratchPoints[r] as number);
            reviewerCounts[k] = (reviewerCounts[k] as number) + 1;
          }
        }
        if (criteria !== undefined) criteria.push(ratedScore as CriterionScore);
        points[scoredCount++] = rated;
        totalMilli += rated;
        if (selfCriteria !== undefined) {
          const self = scoreRating(compiled, c, ratingCriteria - 1, subject.scorecards, "self", undefined, false);
          if (self !== null && typeof self !== "number") return withModel(self, subject.modelId);
          selfCriteria.push({ criterionId: criterion.id, pointsMilli: self });
          if (self === null) selfComplete = false;
          else selfTotal += self;
        }
        break;
      }
      case "indicator": {
        let pointsMilli: number;
        if (breakdown) {
          const computed = indicatorPoints(compiled, c, subject.facts, context);
          if (typeof computed !== "number") return withModel(computed, subject.modelId);
          pointsMilli = computed;
          criteria?.push({
            criterionId: criterion.id,
            label: criterion.label,
            maxMilli: c.maxMilli,
            pointsMilli,
            detail: indicatorDetail(compiled, c, subject.facts, context),
          });
        } else {
          const computed = indicatorPoints(compiled, c, subject.facts, context);
          if (typeof computed !== "number") return withModel(computed, subject.modelId);
          pointsMilli = computed;
        }
        points[scoredCount++] = pointsMilli;
        totalMilli += pointsMilli;
        selfTotal += pointsMilli;
        break;
      }
      case "formula": {
        const formula = c.formula;
        if (formula === undefined) throw new Error("uncompiled formula");
        const value = evaluateSubjectFormula(compiled, formula, subject.facts, months);
        if (typeof value !== "number") {
          const cause = typeof value === "boolean" ? undefined : value;
          return domainError(
            "SCORING.FORMULA_FAILED",
            {
              vi: `Không tính được tiêu chí '${criterion.label.vi}': ${cause?.message.vi ?? "kết quả không phải số"}`,
              en: `'${criterion.label.en}' cannot be computed: ${cause?.message.en ?? "not a number"}`,
            },
            { modelId: subject.modelId, criterionId: criterion.id, cause },
          );
        }
        const milli = roundToMilli(value);
        const pointsMilli = milli < 0 ? 0 : Math.min(milli, c.maxMilli);
        if (criteria !== undefined) {
          criteria.push({
            criterionId: criterion.id,
            label: criterion.label,
            maxMilli: c.maxMilli,
            pointsMilli,
            detail: {
              kind: "formula",
              expression: formula.source,
              value,
              clamped: pointsMilli !== milli,
            },
          });
        }
        points[scoredCount++] = pointsMilli;
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
  for (let k = 0; k < reviewers; k++) {
    if (reviewerCounts[k] !== ratingCriteria) continue;
    const sum = reviewerSums[k] as number;
    if (sum < low) low = sum;
    if (sum > high) high = sum;
  }
  const totalSpreadMilli = high >= low ? high - low : 0;
  const totalExceedsGap = compiled.totalGapMilli !== undefined && totalSpreadMilli > compiled.totalGapMilli;
  let scoreTierId: string | null = null;
  if (!disqualified) {
    for (const t of compiled.tiers) {
      if (totalMilli >= t.minMilli) {
        scoreTierId = t.tier.id;
        break;
      }
    }
  }
  const selfAssessment: SelfAssessment | null = !hasSelf
    ? null
    : {
        totalMilli: selfTotal,
        complete: selfComplete,
        criteria: selfCriteria as NonNullable<typeof selfCriteria>,
        differenceMilli: totalMilli - selfTotal,
      };
  // Built with the placement fields scoreRound fills in, so a round allocates one object per model.
  const score: PlacedModelScore = {
    modelId: subject.modelId,
    unitId: subject.unitId,
    unitGroup: subject.unitGroup,
    registeredAt: subject.registeredAt,
    status: disqualified ? "disqualified" : "qualified",
    totalMilli,
    maxMilli: compiled.totalMilli,
    scoreTierId,
    points,
    criteria: criteria ?? NONE,
    gates: gates ?? NONE,
    failedGates: failedGates ?? NONE,
    disagreement: {
      criteria: gapCriteria ?? NONE,
      totalSpreadMilli,
      totalExceedsGap,
      needsAnotherReviewer: totalExceedsGap || gapCriteria !== undefined,
    },
    warnings: warnings ?? NONE,
    selfAssessment,
    rank: null,
    position: 0,
    tierId: null,
    demotedFrom: null,
  };
  return score;
}

/**
 * Scores one model against a compiled set; the engine under {@link scoreModel} and
 * {@link scoreRound}. `context` carries round-wide data (best values, calibration);
 * `breakdown: false` keeps points only (no per-criterion detail, no gate outcomes).
 *
 * @example
 * scoreCompiledModel(compiled, subject, "2025-06-30", buildRoundContext(compiled, subjects), { breakdown: false })
 */
export function scoreCompiledModel(
  compiled: CompiledCriteriaSet,
  subject: ScoringSubject,
  referenceDate: string,
  context: RoundContext | undefined,
  options: { explain?: boolean; breakdown?: boolean } = {},
): Result<ModelScore> {
  const placed = scoreSubject(compiled, subject, referenceDate, context, options.breakdown ?? true);
  if (!("totalMilli" in placed)) return err(placed);
  const { rank: _rank, position: _position, tierId: _tierId, demotedFrom: _demotedFrom, ...score } = placed;
  return ok(options.explain ? { ...score, explanation: explainModelScore(score, compiled.set) } : score);
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
  return scoreCompiledModel(compiled.value, subject, options.referenceDate, context, { explain: true });
}
