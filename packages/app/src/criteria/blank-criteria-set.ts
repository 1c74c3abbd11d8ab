import type { CriteriaSetDraft } from "@lantoa/domain/criteria";

/** The smallest valid set: one rated criterion and two tiers, for a set started from scratch. */
export function blankCriteriaSet(code: string, name: { vi: string; en: string }): CriteriaSetDraft {
  return {
    status: "draft",
    id: code,
    name,
    basedOnVersion: null,
    totalPoints: 100,
    inputs: [],
    scales: [{ id: "scale-10", label: { vi: "Thang 0–10", en: "0–10 scale" }, min: 0, max: 10, step: 1, bands: [] }],
    criteria: [
      {
        kind: "rating",
        id: "quality",
        label: { vi: "Chất lượng", en: "Quality" },
        points: 100,
        scaleId: "scale-10",
      },
    ],
    tiers: [
      { id: "pass", label: { vi: "Đạt", en: "Pass" }, min: 50 },
      { id: "fail", label: { vi: "Không đạt", en: "Fail" }, min: 0 },
    ],
    gatePolicy: { maxNonEliminatoryFailures: 0 },
    aggregation: {
      method: { kind: "mean" },
      minReviewers: 2,
      calibration: { enabled: false, minRatingsPerReviewer: 5 },
    },
    tieBreaks: [],
    quotas: [],
  };
}
