import { type CriteriaSetDraft, CriteriaSetDraftSchema } from "../../criteria/index.js";

const t = (vi: string, en: string) => ({ vi, en });

/** A set that exercises every rule kind, weights, trimmed means, non-eliminatory gates and per-group quotas. */
export function contestSet(calibrated: boolean): CriteriaSetDraft {
  return CriteriaSetDraftSchema.parse({
    status: "draft",
    id: "contest",
    name: t("Hội thi", "Contest"),
    totalPoints: 100,
    inputs: [
      { code: "votes", label: t("Bình chọn", "Votes"), missingAs: 0 },
      { code: "resolved_pct", label: t("Tỷ lệ giải quyết", "Resolved %"), unit: "%" },
      { code: "households", label: t("Số hộ", "Households"), missingAs: 0 },
    ],
    scales: [
      { id: "s5", label: t("0–5", "0–5"), min: 0, max: 5, step: 0.5 },
      { id: "s100", label: t("0–100", "0–100"), min: 0, max: 100, step: 5 },
    ],
    criteria: [
      {
        kind: "gate",
        id: "running",
        label: t("6 tháng", "6 months"),
        condition: { kind: "running-months", months: 6 },
      },
      {
        kind: "gate",
        id: "evidence",
        label: t("Minh chứng", "Evidence"),
        condition: { kind: "evidence", atLeast: 1 },
        eliminatory: false,
      },
      {
        kind: "gate",
        id: "voted",
        label: t("Có bình chọn", "Voted"),
        condition: { kind: "indicator", input: "votes", op: ">=", value: 1 },
        eliminatory: false,
      },
      {
        kind: "group",
        id: "judges",
        label: t("Giám khảo", "Judges"),
        children: [
          { kind: "rating", id: "idea", label: t("Ý tưởng", "Idea"), weight: 25, scaleId: "s5" },
          { kind: "rating", id: "impact", label: t("Tác động", "Impact"), weight: 25, scaleId: "s100" },
        ],
      },
      {
        kind: "indicator",
        id: "vote-share",
        label: t("Bình chọn", "Votes"),
        weight: 20,
        rule: { kind: "relative-to-best", input: "votes" },
      },
      {
        kind: "indicator",
        id: "resolution",
        label: t("Giải quyết", "Resolution"),
        weight: 10,
        rule: { kind: "ratio-to-target", input: "resolved_pct", target: 95, cap: 1 },
      },
      {
        kind: "indicator",
        id: "households",
        label: t("Hộ tham gia", "Households"),
        weight: 10,
        rule: { kind: "linear", input: "households", from: 0, to: 300 },
      },
      {
        kind: "formula",
        id: "bonus",
        label: t("Thưởng", "Bonus"),
        weight: 10,
        expression: "clamp(if(evidence_count >= 3, 12, evidence_count * 2.5) - if(disciplined, 5, 0), -5, 20)",
      },
    ],
    tiers: [
      { id: "gold", label: t("Vàng", "Gold"), min: 80 },
      { id: "silver", label: t("Bạc", "Silver"), min: 60 },
      { id: "bronze", label: t("Đồng", "Bronze"), min: 40 },
      { id: "none", label: t("Không", "None"), min: 0 },
    ],
    gatePolicy: { maxNonEliminatoryFailures: 1 },
    aggregation: {
      method: { kind: "trimmed-mean", trimFraction: 0.34 },
      minReviewers: 2,
      disagreement: { criterionGap: 10, totalGap: 20 },
      calibration: { enabled: calibrated, minRatingsPerReviewer: 2 },
    },
    tieBreaks: [{ criterionId: "impact" }, { criterionId: "idea", direction: "asc" }],
    quotas: [
      { kind: "share-of-tier", tierId: "gold", ofTierId: "silver", percent: 50, scope: "unit-group" },
      { kind: "share-of-tier", tierId: "silver", ofTierId: "bronze", percent: 150 },
    ],
  });
}
