import type { AggregationMethod, IndicatorRule } from "../criteria/index.js";
import type { DomainError, LocalizedText } from "../errors/index.js";

/** One reviewer's rating of a criterion as scoring used it. */
export interface ReviewerRatingUse {
  readonly reviewerId: string;
  /** The rating as given, on the scale. */
  readonly raw: number;
  /** The rating used after calibration (equal to `raw` without it). */
  readonly used: number;
  /** `used − raw`, in scale units. */
  readonly calibrationShift: number;
  /** This reviewer's rating alone, as points of the criterion (milli-points). */
  readonly pointsMilli: number;
}

/** How a criterion's points came about, by kind. */
export type CriterionDetail =
  | {
      readonly kind: "rating";
      readonly method: AggregationMethod["kind"];
      readonly reviewers: readonly ReviewerRatingUse[];
      /** The aggregated rating on the scale (display value; the exact ratio is used for points). */
      readonly aggregate: number;
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
      /** The best value in the round, for `relative-to-best`. */
      readonly best?: number;
    }
  | {
      readonly kind: "formula";
      readonly expression: string;
      /** What the formula returned, before clamping to [0, points]. */
      readonly value: number;
      readonly clamped: boolean;
    };

/** One scored criterion of one model: raw → normalized → points. */
export interface CriterionScore {
  readonly criterionId: string;
  readonly label: LocalizedText;
  readonly maxMilli: number;
  readonly pointsMilli: number;
  /** points ÷ max, in [0, 1]. */
  readonly normalized: number;
  readonly detail: CriterionDetail;
}

/** A gate's outcome. */
export interface GateOutcome {
  readonly criterionId: string;
  readonly label: LocalizedText;
  readonly passed: boolean;
  readonly eliminatory: boolean;
  /** What was checked against what, in words. */
  readonly reason: LocalizedText;
}

/** The unit's self-assessment, computed like the verified score but never mixed into it. */
export interface SelfAssessment {
  readonly totalMilli: number;
  /** False when some rating criterion has no self score (its points then count as 0). */
  readonly complete: boolean;
  readonly criteria: ReadonlyArray<{ readonly criterionId: string; readonly pointsMilli: number | null }>;
  /** verified total − self total, milli-points. */
  readonly differenceMilli: number;
}

/** The score of one model. */
export interface ModelScore {
  readonly modelId: string;
  readonly unitId: string;
  readonly unitGroup: string | undefined;
  readonly registeredAt: string;
  /** `disqualified` when an eliminatory gate failed or too many other gates failed. */
  readonly status: "qualified" | "disqualified";
  readonly totalMilli: number;
  readonly maxMilli: number;
  /** The tier the total falls in (null when disqualified), before quotas. */
  readonly scoreTierId: string | null;
  readonly criteria: readonly CriterionScore[];
  readonly gates: readonly GateOutcome[];
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
