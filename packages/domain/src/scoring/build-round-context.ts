import type { CompiledCriteriaSet } from "../criteria/index.js";
import { calibrateReviewers, type ReviewerCalibration } from "./calibrate-reviewers.js";
import { bestValues } from "./score-columns.js";
import type { ScoringSubject } from "./scoring-subject.js";

export type { ReviewerCalibration } from "./calibrate-reviewers.js";

/**
 * What scoring one model needs to know about the whole round: the best value of each
 * input read by a `relative-to-best` rule (among the round's qualified, scored models),
 * and per-criterion, per-reviewer calibration when the set enables it.
 *
 * @example
 * buildRoundContext(compiled, subjects, "2025-06-30").calibration.get("novelty")?.get("r1")?.mode // "z"
 */
export interface RoundContext {
  readonly best: ReadonlyMap<string, number>;
  /** Keyed by criterion id, then reviewer id. */
  readonly calibration: ReadonlyMap<string, ReadonlyMap<string, ReviewerCalibration>>;
}

/**
 * Computes the {@link RoundContext} of a round from all its subjects at its reference
 * date (gates decide who is qualified, and only qualified models that can be scored set
 * a best). Calibration statistics are taken over verifiers' valid ratings only, from
 * exact integer sums; a reviewer with fewer than `minRatingsPerReviewer` ratings of a
 * criterion is not calibrated on it.
 *
 * @example
 * const context = buildRoundContext(compiled, subjects, "2025-06-30");
 * context.best.get("votes") // the highest number of votes among qualified models
 */
export function buildRoundContext(
  compiled: CompiledCriteriaSet,
  subjects: readonly ScoringSubject[],
  referenceDate: string,
): RoundContext {
  const calibration = calibrateReviewers(compiled, subjects);
  return { best: bestValues(compiled, subjects, referenceDate, calibration), calibration };
}
