import {
  type CompiledCriteriaSet,
  type CompiledScale,
  type CompiledScoredCriterion,
  formatMilli,
  MILLI,
  mulDivRoundHalfUp,
  roundToMilli,
  toMilli,
} from "../criteria/index.js";
import { type DomainError, domainError } from "../errors/index.js";
import { NameIndex } from "../internal/name-index.js";
import { aggregateDenominator, aggregateNumerator } from "./aggregate-ratings.js";
import type { QuotaDemotion } from "./apply-quotas.js";
import { calibrateReviewers, type ReviewerCalibration } from "./calibrate-reviewers.js";
import { gatePasses, observeGate } from "./evaluate-gate.js";
import { evaluateSubjectFormula } from "./evaluate-subject-formula.js";
import { ExactPoints } from "./exact-points.js";
import { type CalendarDay, calendarDay, fullMonthsUntil } from "./months-between.js";
import { isIsoDate } from "./parse-instant.js";
import { indicatorRule, indicatorValue, setIndicatorPoints } from "./score-indicator.js";
import type { Scorecard, ScoringSubject } from "./scoring-subject.js";

/** A model's state in a round's columns. */
export const QUALIFIED = 0;
export const DISQUALIFIED = 1;
export const UNSCORED = 2;
/** `selfPoints` of a criterion the self-assessment has no value for. */
export const NO_POINTS = -1;

/**
 * A scored round as columns: one typed array per figure, indexed by the model's position
 * in `subjects` (and by criterion, row-major, for per-criterion figures), so that scoring
 * allocates per round rather than per model and criterion. The round's models are views
 * over these columns (see `RankedModel`); read the columns directly to process a large
 * round without building any per-model object.
 *
 * @example
 * const { columns } = round.value; // model i, criterion c of compiled.scored
 * columns.points[i * columns.criteria + c]; columns.totalMilli[i]; columns.state[i] // QUALIFIED, DISQUALIFIED or UNSCORED
 */
export interface RoundColumns {
  readonly compiled: CompiledCriteriaSet;
  readonly subjects: readonly ScoringSubject[];
  readonly referenceDate: string;
  /** Whether per-reviewer and per-criterion detail was kept (`breakdown: "full"`). */
  readonly full: boolean;
  readonly models: number;
  readonly criteria: number;
  readonly gateCount: number;
  readonly state: Uint8Array;
  /** Why a model is unscored, by model index. */
  readonly errors: ReadonlyMap<number, DomainError>;
  readonly months: Int32Array;
  readonly totalMilli: Int32Array;
  readonly exactTotalMilli: Float64Array;
  /** Index in `compiled.tiers` of the tier the total falls in; −1 when disqualified or unscored. */
  readonly scoreTier: Int16Array;
  /** Shown points (milli), adding up to `totalMilli` per model. */
  readonly points: Int32Array;
  /** Exact points (milli) as doubles. */
  readonly exactMilli: Float64Array;
  /** Per gate: what was observed (NaN for null, 0/1 for a flag) and whether it passed. */
  readonly gateObserved: Float64Array;
  readonly gatePassed: Uint8Array;
  /** max − min of reviewers' points per rating criterion; max − min of their totals per model. */
  readonly spreadMilli: Int32Array;
  readonly totalSpreadMilli: Int32Array;
  /** Rating criteria: the aggregate rating, exactly `aggregateNumerator ÷ aggregateDenominator` milli-units. */
  readonly aggregateNumerator: Float64Array;
  readonly aggregateDenominator: Float64Array;
  /** Rating criteria: the band of the aggregate (index in the scale's bands), −1 for none. */
  readonly band: Int16Array;
  /** Indicator criteria: the value read; formula criteria: the formula's value. */
  readonly value: Float64Array;
  /** Indicator criteria: the value was missing and `missingAs` used; formula criteria: clamped. */
  readonly flag: Uint8Array;
  /** Per model and rating criterion, where its reviewers' rows start in `reviewerRows` and how many. */
  readonly reviewerStart: Int32Array;
  readonly reviewerCount: Uint8Array;
  readonly reviewerRows: {
    readonly reviewer: Int32Array;
    readonly rawMilli: Int32Array;
    readonly usedMilli: Int32Array;
    readonly pointsMilli: Int32Array;
    /** 0 no calibration, 1 z, 2 shift, 3 none (too few ratings). */
    readonly calibration: Uint8Array;
  };
  /** Reviewer ids referred to by `reviewerRows.reviewer`. */
  readonly reviewerIds: readonly string[];
  readonly hasSelf: Uint8Array;
  readonly selfComplete: Uint8Array;
  readonly selfTotalMilli: Int32Array;
  /** Shown self points, or {@link NO_POINTS}. */
  readonly selfPoints: Int32Array;
  /** Non-blocking findings, by model index. */
  readonly warnings: ReadonlyMap<number, readonly DomainError[]>;
  /** The best value of each input a `relative-to-best` rule reads, among qualified, scored models. */
  readonly best: ReadonlyMap<string, number>;
  readonly calibration: ReadonlyMap<string, ReadonlyMap<string, ReviewerCalibration>>;
  /** Placement, filled when the round is ranked: competition rank (0 for none) and 1-based position (0 when not placed). */
  readonly rank: Int32Array;
  readonly position: Int32Array;
  /** Index in `compiled.tiers` of the final tier, after quotas, and of the tier a quota demoted from; −1 for none. */
  readonly tier: Int16Array;
  readonly demotedFrom: Int16Array;
  /** Why a quota demoted a model, by model index. */
  readonly demotions: Map<number, QuotaDemotion>;
}

const NONE: readonly never[] = Object.freeze([]);
const ABSENT = 0;
const A_NUMBER = 1;
const SOMETHING_ELSE = 2;
const CALIBRATION_CODE = { z: 1, shift: 2, none: 3 } as const;

/**
 * The columns of reviewer rows (full breakdown only), appended to. Sized once for the
 * round: a row per verifier scorecard and rating criterion at most, so they never grow.
 */
class ReviewerRows {
  length = 0;
  readonly reviewer: Int32Array;
  readonly rawMilli: Int32Array;
  readonly usedMilli: Int32Array;
  readonly pointsMilli: Int32Array;
  readonly calibration: Uint8Array;
  /** `capacity`: the rows a round can have at most, allocated at once (see ColumnScorer). */
  constructor(capacity: number) {
    this.reviewer = new Int32Array(capacity);
    this.rawMilli = new Int32Array(capacity);
    this.usedMilli = new Int32Array(capacity);
    this.pointsMilli = new Int32Array(capacity);
    this.calibration = new Uint8Array(capacity);
  }
  push(reviewer: number, raw: number, used: number, points: number, calibration: number): void {
    const at = this.length++;
    this.reviewer[at] = reviewer;
    this.rawMilli[at] = raw;
    this.usedMilli[at] = used;
    this.pointsMilli[at] = points;
    this.calibration[at] = calibration;
  }
}

/** The error with the model's id added to its details. */
function withModel(e: DomainError, modelId: string): DomainError {
  return { ...e, details: { ...e.details, modelId } };
}

/** A rating as integer milli-units, or why it is not on the scale. */
function ratingMilli(
  value: unknown,
  scale: CompiledScale,
  criterionId: string,
  reviewerId: string,
): number | DomainError {
  const milli = typeof value === "number" ? toMilli(value) : null;
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
 * {@link ratingMilli} for a number, without the error: NaN when it is not on the scale's
 * steps (the hot path; the error is built by {@link ratingMilli} when there is one).
 */
function onScaleMilli(value: number, scale: CompiledScale): number {
  const milli = toMilli(value);
  if (milli === null || milli < scale.minMilli || milli > scale.maxMilli) return Number.NaN;
  return (milli - scale.minMilli) % scale.stepMilli === 0 ? milli : Number.NaN;
}

/**
 * Scores models into columns. One instance per round; `best` undefined means a first
 * pass that leaves out criteria depending on the round's best values (to find which
 * models are qualified and scored, among whom the best is taken).
 */
class ColumnScorer {
  readonly n: number;
  readonly k: number;
  readonly g: number;
  readonly columns: RoundColumns;
  private readonly c: CompiledCriteriaSet;
  private readonly subjects: readonly ScoringSubject[];
  private readonly referenceDate: string;
  private readonly full: boolean;
  private readonly best: ReadonlyMap<string, number> | undefined;
  private readonly calibration: ReadonlyMap<string, ReadonlyMap<string, ReviewerCalibration>>;
  private readonly calibrate: boolean;
  /** Scored index → position among rating criteria (−1 for others). */
  private readonly ratingOrdinal: Int32Array;
  private readonly ratingIndex: NameIndex;
  private readonly ratingCount: number;
  private readonly rows: ReviewerRows;
  private readonly reviewerNumber = new Map<string, number>();
  private readonly reviewerIds: string[] = [];
  private readonly errors: Map<number, DomainError>;
  private readonly warnings: Map<number, DomainError[]>;
  // Per-model scratch, reused for every model.
  private readonly parts: ExactPoints;
  private readonly selfParts: ExactPoints;
  /** For the rare reviewer total that sits on a tie (see reviewerTotal). */
  private readonly tieParts: ExactPoints;
  private readonly exact: Float64Array;
  private readonly rating: Float64Array;
  private readonly selfExact: Float64Array;
  private readonly selfRating: Float64Array;
  private readonly selfMissing: Uint8Array;
  private readonly failures: Int32Array;
  private ratings = new Float64Array(64);
  private rated = new Uint8Array(64);
  private width = 0;
  /** The model's scorecards (their indices) in reviewer-id order, sorted once per model. */
  private cardOrder = new Int32Array(8);
  // What `rate` found for the criterion at hand: per reviewer in id order, the scorecard
  // (its index), points, raw and used ratings and calibration; the values sorted.
  // Stryker disable ArrayDeclaration: `rate` writes slots 0…n−1 before anything reads them, so no initial content is ever read
  private rateCard: number[] = [];
  private ratePoints: number[] = [];
  private rateRaw: number[] = [];
  private rateUsed: number[] = [];
  private rateCalibration: number[] = [];
  private rateValues: number[] = [];
  // Stryker restore ArrayDeclaration
  private rateNumerator = 0;
  private rateDenominator = 0;
  private rateSpread = 0;
  // Reviewer totals of the model at hand, by scorecard (a reviewer has one verifier card
  // per model): how many rating criteria it rated, the sum of their exact points as a
  // double, and the rating used for each (for an exact tie-break).
  private totalCounts = new Int32Array(8);
  private totalSums = new Float64Array(8);
  private totalUsed = new Float64Array(64);
  /** The reviewer number (in `reviewerIds`) of each scorecard of the model at hand, −1 until looked up. */
  private cardReviewer = new Int32Array(8);
  // Stryker disable next-line ArrayDeclaration: referenceValues writes every slot a formula reads before it is evaluated
  private readonly references: number[] = [];
  private readonly referenceDateValid: boolean;
  private readonly referenceDay: CalendarDay;

  constructor(
    compiled: CompiledCriteriaSet,
    subjects: readonly ScoringSubject[],
    referenceDate: string,
    full: boolean,
    best: ReadonlyMap<string, number> | undefined,
    calibration: ReadonlyMap<string, ReadonlyMap<string, ReviewerCalibration>>,
  ) {
    this.c = compiled;
    this.subjects = subjects;
    this.referenceDate = referenceDate;
    this.full = full;
    this.best = best;
    this.calibration = calibration;
    this.calibrate = compiled.set.aggregation.calibration.enabled;
    this.referenceDateValid = isIsoDate(referenceDate);
    this.referenceDay = calendarDay(referenceDate);
    const n = subjects.length;
    const k = compiled.scored.length;
    const g = compiled.gates.length;
    this.n = n;
    this.k = k;
    this.g = g;
    this.ratingOrdinal = new Int32Array(k).fill(-1);
    const ratingIds: string[] = [];
    compiled.scored.forEach((sc, i) => {
      if (sc.criterion.kind === "rating") {
        this.ratingOrdinal[i] = ratingIds.length;
        ratingIds.push(sc.criterion.id);
      }
    });
    this.ratingIndex = new NameIndex(new Map(ratingIds.map((id, r) => [id, r])));
    this.ratingCount = ratingIds.length;
    this.parts = new ExactPoints(k);
    this.selfParts = new ExactPoints(k);
    this.tieParts = new ExactPoints(Math.max(1, this.ratingCount));
    this.exact = new Float64Array(k);
    this.rating = new Float64Array(k);
    this.selfExact = new Float64Array(k);
    this.selfRating = new Float64Array(k);
    this.selfMissing = new Uint8Array(k);
    this.failures = new Int32Array(compiled.allowances.length);
    this.errors = new Map();
    this.warnings = new Map();
    // At most one row per scorecard and rating criterion, allocated once: growing the
    // arrays would allocate twice the memory, and V8 collects garbage as memory outside
    // its heap grows (each mark of a large round's input costs as much as scoring it).
    let cards = 0;
    if (full) for (let i = 0; i < n; i++) cards += (subjects[i] as ScoringSubject).scorecards.length;
    this.rows = new ReviewerRows(cards * this.ratingCount);
    const detail = full ? n * k : 0;
    this.columns = {
      compiled,
      subjects,
      referenceDate,
      full,
      models: n,
      criteria: k,
      gateCount: g,
      state: new Uint8Array(n),
      errors: this.errors,
      months: new Int32Array(n),
      totalMilli: new Int32Array(n),
      exactTotalMilli: new Float64Array(n),
      scoreTier: new Int16Array(n).fill(-1),
      points: new Int32Array(n * k),
      exactMilli: new Float64Array(n * k),
      gateObserved: new Float64Array(n * g),
      gatePassed: new Uint8Array(n * g),
      spreadMilli: new Int32Array(n * k),
      totalSpreadMilli: new Int32Array(n),
      aggregateNumerator: new Float64Array(detail),
      aggregateDenominator: new Float64Array(detail),
      band: new Int16Array(detail),
      value: new Float64Array(detail),
      flag: new Uint8Array(detail),
      reviewerStart: new Int32Array(detail),
      reviewerCount: new Uint8Array(detail),
      reviewerRows: this.rows,
      reviewerIds: this.reviewerIds,
      hasSelf: new Uint8Array(n),
      selfComplete: new Uint8Array(n),
      selfTotalMilli: new Int32Array(n),
      selfPoints: new Int32Array(n * k),
      warnings: this.warnings,
      best: best ?? new Map(),
      calibration,
      rank: new Int32Array(n),
      position: new Int32Array(n),
      tier: new Int16Array(n).fill(-1),
      demotedFrom: new Int16Array(n).fill(-1),
      demotions: new Map(),
    };
  }

  /** Scores every model. */
  run(): RoundColumns {
    const state = this.columns.state;
    for (let i = 0; i < this.n; i++) {
      const problem = this.score(i);
      if (problem !== null) {
        state[i] = UNSCORED;
        this.errors.set(i, withModel(problem, (this.subjects[i] as ScoringSubject).modelId));
      }
    }
    return this.columns;
  }

  /** Gathers a model's ratings by position (keyed lookups with changing names are slow in V8). */
  private checkScorecards(subject: ScoringSubject): DomainError | null {
    const cards = subject.scorecards;
    const width = this.ratingCount;
    const needed = cards.length * width;
    if (this.rated.length < needed) {
      this.rated = new Uint8Array(needed * 2);
      this.ratings = new Float64Array(needed * 2);
      this.totalUsed = new Float64Array(needed * 2);
    } else for (let at = 0; at < needed; at++) this.rated[at] = ABSENT;
    if (this.cardOrder.length < cards.length) {
      this.cardOrder = new Int32Array(cards.length * 2);
      this.totalCounts = new Int32Array(cards.length * 2);
      this.totalSums = new Float64Array(cards.length * 2);
      this.cardReviewer = new Int32Array(cards.length * 2);
    }
    this.width = width;
    for (let i = 0; i < cards.length; i++) {
      const card = cards[i] as Scorecard;
      const self = card.role === "self";
      for (let j = 0; j < i; j++) {
        const other = cards[j] as Scorecard;
        if (other.reviewerId === card.reviewerId && (other.role === "self") === self) {
          return domainError(
            "SCORING.DUPLICATE_SCORECARD",
            {
              vi: `Người chấm '${card.reviewerId}' có hơn một phiếu cho mô hình '${subject.modelId}'`,
              en: `Reviewer '${card.reviewerId}' has more than one scorecard for model '${subject.modelId}'`,
            },
            { reviewerId: card.reviewerId },
          );
        }
      }
      const scores = card.scores;
      let position = 0;
      for (const criterionId in scores) {
        // Stryker disable next-line UpdateOperator: the position is only NameIndex's hint; on a miss it looks the name up, so any position gives the same index
        const r = this.ratingIndex.get(criterionId, position++);
        if (!Object.hasOwn(scores, criterionId)) continue;
        if (r === -1) {
          return domainError(
            "SCORING.UNKNOWN_CRITERION",
            {
              vi: `Phiếu của '${card.reviewerId}' chấm '${criterionId}', không phải tiêu chí chấm điểm của bộ`,
              en: `The scorecard of '${card.reviewerId}' rates '${criterionId}', which is not a rating criterion of the set`,
            },
            { reviewerId: card.reviewerId, criterionId },
          );
        }
        const value = scores[criterionId];
        if (typeof value === "number") {
          this.ratings[i * width + r] = value;
          this.rated[i * width + r] = A_NUMBER;
        } else this.rated[i * width + r] = SOMETHING_ELSE;
      }
    }
    // Insertion sort (a handful of cards), once per model rather than per criterion:
    // reviewers are listed by id, which makes the outcome independent of their order.
    const order = this.cardOrder;
    for (let i = 0; i < cards.length; i++) {
      const id = (cards[i] as Scorecard).reviewerId;
      let j = i;
      while (j > 0 && (cards[order[j - 1] as number] as Scorecard).reviewerId > id) {
        order[j] = order[j - 1] as number;
        j--;
      }
      order[j] = i;
    }
    return null;
  }

  /**
   * Aggregates one rating criterion over the scorecards of one role, calibrating
   * verifiers when the set says so: the number of reviewers (0 when none rated it), or
   * why a rating is invalid. Leaves the reviewers and the aggregate in the `rate*` fields.
   */
  private rate(
    sc: CompiledScoredCriterion,
    ordinal: number,
    cards: readonly Scorecard[],
    self: boolean,
  ): number | DomainError {
    const scale = sc.scale as CompiledScale;
    const id = sc.criterion.id;
    const minMilli = scale.minMilli;
    const range = scale.maxMilli - minMilli;
    const perReviewer = this.calibrate && !self ? this.calibration.get(id) : undefined;
    const values = this.rateValues;
    let n = 0;
    for (let s = 0; s < cards.length; s++) {
      const q = this.cardOrder[s] as number;
      const card = cards[q] as Scorecard;
      if ((card.role === "self") !== self) continue;
      const at = q * this.width + ordinal;
      const rated = this.rated[at];
      if (rated === ABSENT) continue;
      const milli = rated === A_NUMBER ? onScaleMilli(this.ratings[at] as number, scale) : Number.NaN;
      if (Number.isNaN(milli)) return this.firstBadRating(sc, ordinal, cards, self);
      let used = milli;
      let calibrationCode = 0;
      if (perReviewer !== undefined) {
        const cal = perReviewer.get(card.reviewerId);
        if (cal !== undefined) {
          calibrationCode = CALIBRATION_CODE[cal.mode];
          if (cal.mode !== "none") {
            const x = milli / MILLI;
            const mapped =
              cal.mode === "z"
                ? cal.pooledMean + ((x - cal.reviewerMean) / cal.reviewerSd) * cal.pooledSd
                : x - cal.reviewerMean + cal.pooledMean;
            // Calibrated ratings are real numbers: rounded half up to 0.001 of a scale unit, then clamped.
            used = Math.min(scale.maxMilli, Math.max(minMilli, roundToMilli(mapped)));
          }
        }
      }
      this.rateCard[n] = q;
      this.ratePoints[n] = mulDivRoundHalfUp(sc.maxMilli, used - minMilli, range);
      this.rateRaw[n] = milli;
      this.rateUsed[n] = used;
      this.rateCalibration[n] = calibrationCode;
      // Insertion sort (a handful of reviewers) by value, for aggregation.
      let j = n;
      while (j > 0 && (values[j - 1] as number) > used) {
        values[j] = values[j - 1] as number;
        j--;
      }
      values[j] = used;
      n++;
    }
    if (n === 0) return 0;
    const method = this.c.set.aggregation.method;
    this.rateNumerator = aggregateNumerator(values, n, method);
    this.rateDenominator = aggregateDenominator(n, method);
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (let q = 0; q < n; q++) {
      const p = this.ratePoints[q] as number;
      if (p < low) low = p;
      if (p > high) high = p;
    }
    this.rateSpread = high - low;
    return n;
  }

  /** The error of the first rating off the scale or step, in scorecard order (as given). */
  private firstBadRating(
    sc: CompiledScoredCriterion,
    ordinal: number,
    cards: readonly Scorecard[],
    self: boolean,
  ): DomainError {
    const id = sc.criterion.id;
    for (let q = 0; q < cards.length; q++) {
      const card = cards[q] as Scorecard;
      const rated = this.rated[q * this.width + ordinal];
      if ((card.role === "self") !== self || rated === ABSENT) continue;
      const value = rated === A_NUMBER ? this.ratings[q * this.width + ordinal] : card.scores[id];
      const milli = ratingMilli(value, sc.scale as CompiledScale, id, card.reviewerId);
      if (typeof milli !== "number") return milli;
    }
    // Stryker disable next-line StringLiteral: unreachable, `rate` calls this only after finding a rating off the scale or step
    throw new Error("no bad rating");
  }

  /** Writes the rated criterion's exact points into slot `index` of `parts`. */
  private setRated(parts: ExactPoints, sc: CompiledScoredCriterion, index: number): void {
    const scale = sc.scale as CompiledScale;
    const d = this.rateDenominator;
    parts.setRatio(
      index,
      sc.maxMilli * (this.rateNumerator - d * scale.minMilli),
      d * (scale.maxMilli - scale.minMilli),
    );
  }

  /** Adds the rated criterion's reviewers to the running totals of their scorecards. */
  private addToReviewerTotals(sc: CompiledScoredCriterion, ordinal: number, n: number): void {
    const scale = sc.scale as CompiledScale;
    const range = scale.maxMilli - scale.minMilli;
    const width = this.ratingCount;
    for (let r = 0; r < n; r++) {
      const q = this.rateCard[r] as number;
      const used = this.rateUsed[r] as number;
      this.totalCounts[q] = (this.totalCounts[q] as number) + 1;
      this.totalSums[q] = (this.totalSums[q] as number) + (sc.maxMilli * (used - scale.minMilli)) / range;
      this.totalUsed[q * width + ordinal] = used;
    }
  }

  /** The total of scorecard t's reviewer, rounded once (half up); exact when the double sum sits on a tie. */
  private reviewerTotal(t: number): number {
    const sum = this.totalSums[t] as number;
    const floor = Math.floor(sum);
    if (Math.abs(sum - floor - 0.5) > 1e-9) return Math.floor(sum + 0.5);
    const width = this.ratingCount;
    for (const [index, sc] of this.c.scored.entries()) {
      const ordinal = this.ratingOrdinal[index] as number;
      if (ordinal < 0) continue;
      const scale = sc.scale as CompiledScale;
      const used = this.totalUsed[t * width + ordinal] as number;
      this.tieParts.setRatio(ordinal, sc.maxMilli * (used - scale.minMilli), scale.maxMilli - scale.minMilli);
    }
    return this.tieParts.total(width);
  }

  /** The values of a formula's references for the model at hand (NaN where there is none). */
  private referenceValues(sc: CompiledScoredCriterion, self: boolean): number[] {
    // Stryker disable next-line OptionalChaining: only called for a formula criterion, which the compiler always gives a formula
    const refs = sc.formula?.references ?? NONE;
    const exact = self ? this.selfExact : this.exact;
    const rating = self ? this.selfRating : this.rating;
    const values = this.references;
    for (let j = 0; j < refs.length; j++) {
      const ref = refs[j] as { ref: string; id: string };
      let v: number;
      if (ref.ref === "group_total") {
        v = 0;
        for (const m of this.c.groups.get(ref.id) ?? NONE) v += exact[m] as number;
        v /= MILLI;
      } else {
        const index = this.indexOf(ref.id);
        v = ref.ref === "rating" ? (rating[index] as number) : (exact[index] as number) / MILLI;
      }
      values[j] = v;
    }
    return values;
  }

  private readonly indexById = new Map<string, number>();
  private indexOf(id: string): number {
    let index = this.indexById.get(id);
    if (index === undefined) {
      index = this.c.scored.findIndex((s) => s.criterion.id === id);
      this.indexById.set(id, index);
    }
    return index;
  }

  /** Evaluates a formula criterion into slot `index` of `parts`; its value, or why it failed. */
  private setFormula(
    parts: ExactPoints,
    sc: CompiledScoredCriterion,
    index: number,
    subject: ScoringSubject,
    months: number,
    self: boolean,
  ): number | DomainError {
    const formula = sc.formula;
    // Stryker disable next-line StringLiteral: unreachable, the compiler gives every formula criterion a formula
    if (formula === undefined) throw new Error("uncompiled formula");
    const refs = formula.references.length === 0 ? undefined : this.referenceValues(sc, self);
    const value = evaluateSubjectFormula(this.c, formula, subject.facts, months, refs);
    if (typeof value !== "number") {
      // Stryker disable next-line StringLiteral: the compiler refuses a formula that does not give a number, so the value is never a boolean
      const cause = typeof value === "boolean" ? undefined : value;
      return domainError(
        "SCORING.FORMULA_FAILED",
        // Stryker disable OptionalChaining: the compiler refuses a formula that does not give a number, so there is always a cause
        {
          vi: `Không tính được tiêu chí '${sc.criterion.label.vi}': ${cause?.message.vi ?? "kết quả không phải số"}`,
          en: `'${sc.criterion.label.en}' cannot be computed: ${cause?.message.en ?? "not a number"}`,
        },
        // Stryker restore OptionalChaining
        { criterionId: sc.criterion.id, cause },
      );
    }
    if (value <= 0) parts.setWhole(index, 0);
    else if (value * MILLI >= sc.maxMilli) parts.setWhole(index, sc.maxMilli);
    else parts.setDecimal(index, value);
    return value;
  }

  /** Scores model i into the columns; the reason when it cannot be scored. */
  private score(i: number): DomainError | null {
    const subject = this.subjects[i] as ScoringSubject;
    const cols = this.columns;
    const compiled = this.c;
    const k = this.k;
    const full = this.full;
    if (!isIsoDate(subject.facts.startDate) || !this.referenceDateValid) {
      return domainError(
        "SCORING.INVALID_DATE",
        { vi: "Ngày phải có dạng YYYY-MM-DD", en: "Dates must look like YYYY-MM-DD" },
        { startDate: subject.facts.startDate, referenceDate: this.referenceDate },
      );
    }
    const cardProblem = this.checkScorecards(subject);
    if (cardProblem !== null) return cardProblem;
    const months = fullMonthsUntil(subject.facts.startDate, this.referenceDay);
    cols.months[i] = months;

    // Gates.
    let eliminated = false;
    const failures = this.failures;
    for (let a = 0; a < failures.length; a++) failures[a] = 0;
    for (let g = 0; g < this.g; g++) {
      const gate = compiled.gates[g] as (typeof compiled.gates)[number];
      const observed = observeGate(compiled, gate, subject.facts, months);
      if (typeof observed === "object" && observed !== null) return observed;
      const passed = gatePasses(gate.criterion.condition, observed);
      cols.gateObserved[i * this.g + g] = observed === null ? Number.NaN : Number(observed);
      cols.gatePassed[i * this.g + g] = passed ? 1 : 0;
      if (!passed) {
        if (gate.criterion.eliminatory) eliminated = true;
        else failures[gate.allowance] = (failures[gate.allowance] as number) + 1;
      }
    }
    let disqualified = eliminated;
    for (let a = 0; a < failures.length; a++) {
      if ((failures[a] as number) > (compiled.allowances[a] as { max: number }).max) disqualified = true;
    }

    // Criteria, in an order where each comes after those it reads.
    const cards = subject.scorecards;
    const parts = this.parts;
    const base = i * k;
    const minReviewers = compiled.set.aggregation.minReviewers;
    let hasSelf = false;
    for (let q = 0; q < cards.length; q++) {
      if ((cards[q] as Scorecard).role === "self") hasSelf = true;
      this.totalCounts[q] = 0;
      this.totalSums[q] = 0;
      this.cardReviewer[q] = -1;
    }
    for (let o = 0; o < compiled.order.length; o++) {
      const index = compiled.order[o] as number;
      const sc = compiled.scored[index] as CompiledScoredCriterion;
      if (this.best === undefined && sc.dependsOnBest) {
        parts.setWhole(index, 0);
        this.exact[index] = Number.NaN;
        continue;
      }
      const criterion = sc.criterion;
      switch (criterion.kind) {
        case "rating": {
          const ordinal = this.ratingOrdinal[index] as number;
          const count = this.rate(sc, ordinal, cards, false);
          if (typeof count !== "number") return count;
          if (count === 0) {
            return domainError(
              "SCORING.MISSING_RATING",
              {
                vi: `Mô hình '${subject.modelId}' chưa có điểm thẩm định cho tiêu chí '${criterion.label.vi}'`,
                en: `Model '${subject.modelId}' has no verifier rating for '${criterion.label.en}'`,
              },
              { criterionId: criterion.id },
            );
          }
          if (count < minReviewers) {
            let list = this.warnings.get(i);
            if (list === undefined) {
              list = [];
              this.warnings.set(i, list);
            }
            list.push(
              domainError(
                "SCORING.TOO_FEW_REVIEWERS",
                {
                  vi: `Tiêu chí '${criterion.label.vi}' có ${count} người chấm, cần ít nhất ${minReviewers}`,
                  en: `'${criterion.label.en}' has ${count} reviewer(s), at least ${minReviewers} required`,
                },
                { criterionId: criterion.id, reviewers: count },
              ),
            );
          }
          this.setRated(parts, sc, index);
          this.rating[index] = this.rateNumerator / this.rateDenominator / MILLI;
          cols.spreadMilli[base + index] = this.rateSpread;
          this.addToReviewerTotals(sc, ordinal, count);
          if (full) this.keepRatingDetail(sc, base + index, count, cards);
          break;
        }
        case "indicator": {
          const value = indicatorValue(compiled, sc, subject.facts);
          if (typeof value !== "number") return value;
          const problem = setIndicatorPoints(parts, index, sc, value, this.best?.get(indicatorRule(sc).input));
          if (problem !== null) return problem;
          if (full) {
            cols.value[base + index] = value;
            cols.flag[base + index] = Object.hasOwn(subject.facts.indicators, indicatorRule(sc).input) ? 0 : 1;
          }
          break;
        }
        case "formula": {
          const value = this.setFormula(parts, sc, index, subject, months, false);
          if (typeof value !== "number") return value;
          if (full) {
            cols.value[base + index] = value;
            cols.flag[base + index] = value < 0 || value * MILLI > sc.maxMilli ? 1 : 0;
          }
          break;
        }
        // Stryker disable next-line all: unreachable, the criterion kinds are exhausted above (the type checker says so)
        default: {
          const never: never = criterion;
          // Stryker disable next-line all: unreachable, as above
          throw new Error(`unknown criterion ${JSON.stringify(never)}`);
        }
      }
      this.exact[index] = parts.exact(index);
    }

    cols.state[i] = disqualified ? DISQUALIFIED : QUALIFIED;
    // The first pass only finds who is scorable; a self-assessment with an invalid
    // rating makes the model unscorable, so it must not set the best either.
    if (this.best === undefined) return hasSelf ? this.scoreSelf(i, subject, months) : null;
    const total = parts.roundOnce(k, cols.points, base);
    cols.totalMilli[i] = total;
    let exactTotal = 0;
    for (let c = 0; c < k; c++) {
      const e = this.exact[c] as number;
      cols.exactMilli[base + c] = e;
      exactTotal += e;
    }
    cols.exactTotalMilli[i] = exactTotal;
    if (!disqualified) {
      for (let t = 0; t < compiled.tiers.length; t++) {
        if (total >= (compiled.tiers[t] as { minMilli: number }).minMilli) {
          cols.scoreTier[i] = t;
          break;
        }
      }
    }
    // Reviewers' totals, over those who rated every rating criterion, each rounded once.
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (let t = 0; t < cards.length; t++) {
      if (this.totalCounts[t] !== this.ratingCount) continue;
      const sum = this.reviewerTotal(t);
      if (sum < low) low = sum;
      if (sum > high) high = sum;
    }
    cols.totalSpreadMilli[i] = high >= low ? high - low : 0;
    if (hasSelf) return this.scoreSelf(i, subject, months);
    return null;
  }

  /** Keeps a rating criterion's per-reviewer detail, band and aggregate (full breakdown). */
  private keepRatingDetail(sc: CompiledScoredCriterion, at: number, n: number, cards: readonly Scorecard[]): void {
    const cols = this.columns;
    const num = this.rateNumerator;
    const den = this.rateDenominator;
    cols.aggregateNumerator[at] = num;
    cols.aggregateDenominator[at] = den;
    let band = -1;
    const bands = (sc.scale as CompiledScale).bands;
    for (let b = 0; b < bands.length; b++) {
      const range = bands[b] as { minMilli: number; maxMilli: number };
      if (num >= den * range.minMilli && num <= den * range.maxMilli) {
        band = b;
        break;
      }
    }
    cols.band[at] = band;
    cols.reviewerStart[at] = this.rows.length;
    cols.reviewerCount[at] = n;
    for (let r = 0; r < n; r++) {
      const q = this.rateCard[r] as number;
      let number = this.cardReviewer[q] as number;
      if (number === -1) {
        const id = (cards[q] as Scorecard).reviewerId;
        number = this.reviewerNumber.get(id) ?? this.reviewerIds.length;
        if (number === this.reviewerIds.length) {
          this.reviewerIds.push(id);
          this.reviewerNumber.set(id, number);
        }
        this.cardReviewer[q] = number;
      }
      this.rows.push(
        number,
        this.rateRaw[r] as number,
        this.rateUsed[r] as number,
        this.ratePoints[r] as number,
        this.rateCalibration[r] as number,
      );
    }
  }

  /** The self-assessment of model i: self ratings, computed criteria as verified, rounded once. */
  private scoreSelf(i: number, subject: ScoringSubject, months: number): DomainError | null {
    const cols = this.columns;
    const compiled = this.c;
    const k = this.k;
    const parts = this.selfParts;
    let complete = true;
    for (let o = 0; o < compiled.order.length; o++) {
      const index = compiled.order[o] as number;
      const sc = compiled.scored[index] as CompiledScoredCriterion;
      this.selfMissing[index] = 0;
      switch (sc.criterion.kind) {
        case "rating": {
          const count = this.rate(sc, this.ratingOrdinal[index] as number, subject.scorecards, true);
          if (typeof count !== "number") return count;
          if (count === 0) {
            parts.setWhole(index, 0);
            this.selfMissing[index] = 1;
            this.selfRating[index] = Number.NaN;
            complete = false;
          } else {
            this.setRated(parts, sc, index);
            this.selfRating[index] = this.rateNumerator / this.rateDenominator / MILLI;
          }
          break;
        }
        case "indicator":
          parts.copyFrom(index, this.parts, index);
          break;
        case "formula": {
          // Stryker disable next-line OptionalChaining,BlockStatement: a formula reading no other criterion gives the self-assessment what it gave the model; evaluating it again (what these mutants do) gives the same points
          if (sc.formula?.references.length === 0) {
            parts.copyFrom(index, this.parts, index);
            break;
          }
          const value = this.setFormula(parts, sc, index, subject, months, true);
          if (typeof value !== "number") {
            parts.setWhole(index, 0);
            this.selfMissing[index] = 1;
            complete = false;
          }
          break;
        }
        // Stryker disable next-line all: unreachable, the criterion kinds are exhausted above (the type checker says so)
        default: {
          const never: never = sc.criterion;
          // Stryker disable next-line all: unreachable, as above
          throw new Error(`unknown criterion ${JSON.stringify(never)}`);
        }
      }
      this.selfExact[index] = this.selfMissing[index] === 1 ? Number.NaN : parts.exact(index);
    }
    const base = i * k;
    cols.selfTotalMilli[i] = parts.roundOnce(k, cols.selfPoints, base);
    for (let c = 0; c < k; c++) if (this.selfMissing[c] === 1) cols.selfPoints[base + c] = NO_POINTS;
    cols.hasSelf[i] = 1;
    cols.selfComplete[i] = complete ? 1 : 0;
    return null;
  }
}

/**
 * Scores a round into {@link RoundColumns}: gates (with group allowances), every
 * criterion exactly, the total rounded once, tiers before quotas, disagreement and the
 * self-assessment. `relative-to-best` rules take the best among the models that are
 * qualified and can be scored without it (a first pass finds them), so a disqualified
 * or unscorable model never sets the bar for the others.
 *
 * @example
 * const columns = scoreColumns(compiled, subjects, { referenceDate: "2025-06-30", full: false });
 * columns.totalMilli[0]
 */
export function scoreColumns(
  compiled: CompiledCriteriaSet,
  subjects: readonly ScoringSubject[],
  options: {
    readonly referenceDate: string;
    readonly full: boolean;
    readonly best?: ReadonlyMap<string, number>;
    readonly calibration?: ReadonlyMap<string, ReadonlyMap<string, ReviewerCalibration>>;
  },
): RoundColumns {
  const calibration = options.calibration ?? calibrateReviewers(compiled, subjects);
  const best = options.best ?? bestValues(compiled, subjects, options.referenceDate, calibration);
  return new ColumnScorer(compiled, subjects, options.referenceDate, options.full, best, calibration).run();
}

/**
 * The best value of each input read by a `relative-to-best` rule, among the models that
 * are qualified and can be scored without those rules (0 when there is none).
 *
 * @example
 * bestValues(compiled, subjects, "2025-06-30", calibration).get("votes") // 900
 */
export function bestValues(
  compiled: CompiledCriteriaSet,
  subjects: readonly ScoringSubject[],
  referenceDate: string,
  calibration: ReadonlyMap<string, ReadonlyMap<string, ReviewerCalibration>>,
): Map<string, number> {
  const best = new Map<string, number>();
  // Each input once, though several criteria may read it.
  const inputs = new Set(
    compiled.scored.flatMap((sc) =>
      sc.criterion.kind === "indicator" && sc.criterion.rule.kind === "relative-to-best"
        ? [sc.criterion.rule.input]
        : [],
    ),
  );
  if (inputs.size === 0) return best;
  // Stryker disable next-line BooleanLiteral: only the probe's states are read, and the full breakdown changes none of them
  const probe = new ColumnScorer(compiled, subjects, referenceDate, false, undefined, calibration).run();
  for (const code of inputs) {
    // Stryker disable next-line OptionalChaining: the compiler refuses a rule reading an undeclared input
    const missingAs = compiled.inputs.get(code)?.missingAs;
    let top = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < subjects.length; i++) {
      if (probe.state[i] !== QUALIFIED) continue;
      const facts = (subjects[i] as ScoringSubject).facts;
      const v = Object.hasOwn(facts.indicators, code) ? facts.indicators[code] : missingAs;
      if (v !== undefined && Number.isFinite(v) && v > top) top = v;
    }
    best.set(code, top === Number.NEGATIVE_INFINITY ? 0 : top);
  }
  return best;
}
