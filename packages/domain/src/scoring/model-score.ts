import type { AggregationMethod, GateCondition, IndicatorRule } from "../criteria/index.js";
import type { DomainError, LocalizedText } from "../errors/index.js";
import type { Ratio } from "./aggregate-ratings.js";

/**
 * One reviewer's rating of a criterion as scoring used it. Ratings are in milli-units
 * of the scale (25 on the scale is 25000), like points: integers, exact.
 *
 * @example
 * { reviewerId: "h", rawMilli: 2000, usedMilli: 2838, shiftMilli: 838, pointsMilli: 2838 }
 */
export interface ReviewerRatingUse {
  readonly reviewerId: string;
  /** The rating as given. */
  readonly rawMilli: number;
  /** The rating used after calibration (equal to `rawMilli` without it). */
  readonly usedMilli: number;
  /** The calibration shift, `usedMilli − rawMilli`. */
  readonly shiftMilli: number;
  /**
   * How calibration treated this reviewer on this criterion: `z` or `shift` when applied,
   * `none` when the reviewer had too few ratings of it in the round (see the round's
   * `calibration` notices), null when the set does not calibrate.
   */
  readonly calibration: "z" | "shift" | "none" | null;
  /** This reviewer's rating alone, as points of the criterion (milli-points). */
  readonly pointsMilli: number;
}

/**
 * How a criterion's points came about, by kind.
 *
 * @example
 * if (c.detail.kind === "rating") c.detail.band?.label.vi // "Hoàn toàn mới"
 */
export type CriterionDetail =
  | {
      readonly kind: "rating";
      readonly method: AggregationMethod["kind"];
      readonly reviewers: readonly ReviewerRatingUse[];
      /** The aggregated rating, exactly: numerator ÷ denominator milli-units of the scale. */
      readonly aggregate: Ratio;
      /** The scale's bounds in milli-units: normalized = (aggregate − min) ÷ (max − min). */
      readonly scaleMinMilli: number;
      readonly scaleMaxMilli: number;
      readonly band: { readonly id: string; readonly label: LocalizedText } | null;
      /** max − min of reviewers' points on this criterion, milli-points. */
      readonly spreadMilli: number;
      readonly exceedsGap: boolean;
    }
  | {
      readonly kind: "indicator";
      readonly rule: IndicatorRule["kind"];
      readonly input: string;
      readonly value: number;
      /** True when the value was missing and the input's `missingAs` was used. */
      readonly defaulted: boolean;
      /** The best value among the round's qualified, scored models, for `relative-to-best`. */
      readonly best?: number;
    }
  | {
      readonly kind: "formula";
      readonly expression: string;
      /** What the formula returned, before clamping to [0, points]. */
      readonly value: number;
      readonly clamped: boolean;
    };

/**
 * One scored criterion of one model: raw (in `detail`) → normalized → points.
 * `exactMilli` is its exact points (a double of the exact fraction); `pointsMilli` is
 * what is shown: the exact points rounded down or up so that the criteria of a model add
 * up to its total, which is its exact total rounded once (see `ExactPoints`).
 *
 * @example
 * { criterionId: "novelty", maxMilli: 20000, pointsMilli: 18667, exactMilli: 18666.666666666668, detail: { kind: "rating", ... } }
 */
export interface CriterionScore {
  readonly criterionId: string;
  readonly label: LocalizedText;
  readonly maxMilli: number;
  readonly pointsMilli: number;
  readonly exactMilli: number;
  readonly detail: CriterionDetail;
}

/**
 * Why a model is disqualified: the eliminatory gates it failed, and each allowance of
 * non-eliminatory failures it exceeded (the set's `gatePolicy`, group null, or a group's own).
 *
 * @example
 * { eliminatoryGates: [], exceededAllowances: [{ groupId: "records", allowed: 1, failedGates: ["evidence", "voted"] }] }
 */
export interface Disqualification {
  readonly eliminatoryGates: readonly string[];
  readonly exceededAllowances: ReadonlyArray<{
    readonly groupId: string | null;
    readonly allowed: number;
    readonly failedGates: readonly string[];
  }>;
}

/**
 * A criterion's points as a fraction of its maximum, in [0, 1].
 *
 * @example
 * normalizedScore({ pointsMilli: 15_000, maxMilli: 20_000 }) // 0.75
 */
export function normalizedScore(score: { readonly pointsMilli: number; readonly maxMilli: number }): number {
  return score.maxMilli === 0 ? 0 : score.pointsMilli / score.maxMilli;
}

/**
 * A gate's outcome.
 *
 * @example
 * { criterionId: "running-12-months", passed: false, eliminatory: true, observed: 10, ... }
 */
export interface GateOutcome {
  readonly criterionId: string;
  readonly label: LocalizedText;
  readonly passed: boolean;
  readonly eliminatory: boolean;
  /** What was required (the gate's condition, shared with the set). */
  readonly condition: GateCondition;
  /**
   * What was found: months running, evidence count, the disciplined flag, the
   * indicator value (null when missing) or the formula's result. Put into words by
   * {@link explainGate}.
   */
  readonly observed: number | boolean | null;
}

/**
 * The unit's self-assessment, computed like the verified score (rounded once the same
 * way) but never mixed into it. Computed criteria (indicators, formulas that read no
 * rating) count as verified.
 *
 * @example
 * { totalMilli: 100000, complete: true, criteria: [...], differenceMilli: -4416 }
 */
export interface SelfAssessment {
  readonly totalMilli: number;
  /** False when some rating criterion has no self score (its points then count as 0). */
  readonly complete: boolean;
  /** Every scored criterion, in the set's order; null when the self score has no value for it. */
  readonly criteria: ReadonlyArray<{ readonly criterionId: string; readonly pointsMilli: number | null }>;
  /** verified total − self total, milli-points. */
  readonly differenceMilli: number;
}

/**
 * The score of one model.
 *
 * @example
 * score.totalMilli / 1000 // 95.584; score.scoreTierId // "excellent"
 */
export interface ModelScore {
  readonly modelId: string;
  readonly unitId: string;
  readonly unitGroup: string | undefined;
  readonly registeredAt: string;
  /** `disqualified` when an eliminatory gate failed or too many other gates failed. */
  readonly status: "qualified" | "disqualified";
  /** Why it is disqualified; null when qualified. */
  readonly disqualification: Disqualification | null;
  /** The exact total rounded once, half up, to milli-points; the shown `points` add up to it. */
  readonly totalMilli: number;
  /** The exact total, as a double (for explanations). */
  readonly exactTotalMilli: number;
  readonly maxMilli: number;
  /** The tier the total falls in (null when disqualified), before quotas. */
  readonly scoreTierId: string | null;
  /** Shown points of each scored criterion, milli-points, in the set's order; they add up to `totalMilli`. */
  readonly points: readonly number[];
  /** Exact points of each scored criterion (doubles of the exact fractions), in the set's order; tie-breaks compare these. */
  readonly exactPointsMilli: readonly number[];
  /** The per-criterion breakdown, in the set's order; empty when scored with `breakdown: "points"`. */
  readonly criteria: readonly CriterionScore[];
  /** Every gate's outcome, in the set's order. */
  readonly gates: readonly GateOutcome[];
  /** Ids of the gates the model failed, in the set's order. */
  readonly failedGates: readonly string[];
  readonly disagreement: {
    /** Rating criteria whose reviewer spread exceeds the configured gap. */
    readonly criteria: readonly string[];
    /** max − min of reviewers' rating totals (reviewers who rated every rating criterion). */
    readonly totalSpreadMilli: number;
    readonly totalExceedsGap: boolean;
    /** Another reviewer is required (the chair decides after). */
    readonly needsAnotherReviewer: boolean;
  };
  /** Non-blocking findings (e.g. fewer verifiers than the set asks for). */
  readonly warnings: readonly DomainError[];
  readonly selfAssessment: SelfAssessment | null;
  readonly explanation?: LocalizedText;
}
