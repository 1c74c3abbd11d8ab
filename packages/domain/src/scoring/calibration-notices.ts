import type { CompiledCriteriaSet } from "../criteria/index.js";
import type { LocalizedText } from "../errors/index.js";
import type { ReviewerCalibration } from "./calibrate-reviewers.js";

/**
 * A reviewer whose ratings calibration left as they were, and why: on each listed
 * criterion they gave fewer ratings in the round than `minRatingsPerReviewer`. Only when
 * the set enables calibration; a reviewer calibrated on every criterion has no notice.
 *
 * @example
 * { code: "SCORING.CALIBRATION_NOT_APPLIED", reviewerId: "r1", criteria: [{ criterionId: "novelty", ratings: 3, required: 5 }],
 *   message: { en: "Calibration was not applied to reviewer 'r1' on 'Novelty and creativity' (3 ratings): each needs at least 5 ratings in the round", vi: "…" } }
 */
export interface CalibrationNotice {
  readonly code: "SCORING.CALIBRATION_NOT_APPLIED";
  readonly reviewerId: string;
  readonly criteria: ReadonlyArray<{
    readonly criterionId: string;
    readonly ratings: number;
    readonly required: number;
  }>;
  readonly message: LocalizedText;
}

/**
 * One {@link CalibrationNotice} per reviewer calibration did not apply to, in reviewer id order.
 *
 * @example
 * calibrationNotices(compiled, calibration).map((n) => n.reviewerId) // ["r1", "r7"]
 */
export function calibrationNotices(
  compiled: CompiledCriteriaSet,
  calibration: ReadonlyMap<string, ReadonlyMap<string, ReviewerCalibration>>,
): CalibrationNotice[] {
  const config = compiled.set.aggregation.calibration;
  if (!config.enabled) return [];
  const byReviewer = new Map<string, Array<{ criterionId: string; label: LocalizedText; ratings: number }>>();
  for (const sc of compiled.scored) {
    for (const [reviewerId, cal] of calibration.get(sc.criterion.id) ?? []) {
      if (cal.mode !== "none") continue;
      let list = byReviewer.get(reviewerId);
      if (list === undefined) {
        list = [];
        byReviewer.set(reviewerId, list);
      }
      list.push({ criterionId: sc.criterion.id, label: sc.criterion.label, ratings: cal.count });
    }
  }
  const required = config.minRatingsPerReviewer;
  return [...byReviewer.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((reviewerId) => {
      const list = byReviewer.get(reviewerId) as Array<{ criterionId: string; label: LocalizedText; ratings: number }>;
      const vi = list.map((c) => `'${c.label.vi}' (${c.ratings} điểm chấm)`).join(", ");
      const en = list.map((c) => `'${c.label.en}' (${c.ratings} rating${c.ratings === 1 ? "" : "s"})`).join(", ");
      return {
        code: "SCORING.CALIBRATION_NOT_APPLIED" as const,
        reviewerId,
        criteria: list.map((c) => ({ criterionId: c.criterionId, ratings: c.ratings, required })),
        message: {
          vi: `Không hiệu chỉnh người chấm '${reviewerId}' cho ${vi}: mỗi tiêu chí cần ít nhất ${required} điểm chấm trong đợt`,
          en: `Calibration was not applied to reviewer '${reviewerId}' on ${en}: each needs at least ${required} ratings in the round`,
        },
      };
    });
}
