import { type CriteriaSetDraft, CriteriaSetDraftSchema } from "./criteria-set.js";
import { deepFreeze } from "./deep-freeze.js";

const text = (vi: string, en: string) => ({ vi, en });

/**
 * The default criteria set of GLOSSARY.md, shipped as data for admins to adopt, adapt and
 * publish. Gates (eliminatory): running ≥ 12 months, evidence attached, owner unit not
 * disciplined. Criteria (100 points): novelty 20 (rating on 0–30 with the bands
 * 27–30 / 21–26 / 16–20 / 1–15), effectiveness 30 and reach 15 (ratings on 0–10 in
 * half points), replicability 20 (adopting units: ≥1 → 8, ≥3 → 14, ≥5 → 20),
 * sustainability 10 (formula `min(10, 2.5 × months_running ÷ 12)`: 2.5 points a year
 * of running), link to the annual theme 5 (rating 0–5). Tiers 90 / 70 / 50; at most
 * 20 % as many "Tiêu biểu xuất sắc" as "Tiêu biểu"; ties go to effectiveness, then
 * novelty; a third reviewer is required when two totals differ by more than 10 points.
 * Deeply frozen: copy it to edit.
 *
 * @example
 * defaultCriteriaSet.tiers.map((t) => t.label.vi) // ["Tiêu biểu xuất sắc", "Tiêu biểu", "Đạt", "Chưa đạt"]
 */
export const defaultCriteriaSet: CriteriaSetDraft = deepFreeze(
  CriteriaSetDraftSchema.parse({
    status: "draft",
    id: "default",
    name: text("Bộ tiêu chí mặc định đánh giá mô hình", "Default criteria for exemplary models"),
    totalPoints: 100,
    inputs: [{ code: "adopters", label: text("Số đơn vị nhân rộng", "Adopting units"), unit: "đơn vị", missingAs: 0 }],
    scales: [
      {
        id: "novelty-30",
        label: text("Thang tính mới 0–30", "Novelty scale 0–30"),
        min: 0,
        max: 30,
        step: 1,
        bands: [
          { id: "none", label: text("Không có tính mới", "Nothing new"), min: 0, max: 0 },
          { id: "minor", label: text("Cải tiến nhỏ", "Minor improvement"), min: 1, max: 15 },
          { id: "medium", label: text("Cải tiến trung bình", "Medium improvement"), min: 16, max: 20 },
          { id: "substantial", label: text("Cải tiến đáng kể", "Substantial improvement"), min: 21, max: 26 },
          { id: "entirely-new", label: text("Hoàn toàn mới", "Entirely new"), min: 27, max: 30 },
        ],
      },
      {
        id: "quality-10",
        label: text("Thang 0–10", "Scale 0–10"),
        min: 0,
        max: 10,
        step: 0.5,
        bands: [
          { id: "weak", label: text("Yếu", "Weak"), min: 0, max: 4.5 },
          { id: "fair", label: text("Trung bình", "Fair"), min: 5, max: 6.5 },
          { id: "good", label: text("Khá", "Good"), min: 7, max: 8.5 },
          { id: "outstanding", label: text("Xuất sắc", "Outstanding"), min: 9, max: 10 },
        ],
      },
      {
        id: "theme-5",
        label: text("Thang 0–5", "Scale 0–5"),
        min: 0,
        max: 5,
        step: 1,
        bands: [
          { id: "loose", label: text("Ít gắn kết", "Loosely linked"), min: 0, max: 1 },
          { id: "partial", label: text("Gắn một phần", "Partly linked"), min: 2, max: 3 },
          { id: "close", label: text("Gắn chặt chẽ", "Closely linked"), min: 4, max: 5 },
        ],
      },
    ],
    criteria: [
      {
        kind: "gate",
        id: "running-12-months",
        label: text("Đã triển khai từ 12 tháng trở lên", "Running for at least 12 months"),
        condition: { kind: "running-months", months: 12 },
        eliminatory: true,
      },
      {
        kind: "gate",
        id: "evidence-attached",
        label: text("Có minh chứng kèm theo", "Evidence attached"),
        condition: { kind: "evidence", atLeast: 1 },
        eliminatory: true,
      },
      {
        kind: "gate",
        id: "not-disciplined",
        label: text("Đơn vị chủ trì không bị kỷ luật trong kỳ", "Owner unit not disciplined in the period"),
        condition: { kind: "not-disciplined" },
        eliminatory: true,
      },
      {
        kind: "rating",
        id: "novelty",
        label: text("Tính mới, sáng tạo", "Novelty and creativity"),
        points: 20,
        scaleId: "novelty-30",
      },
      {
        kind: "rating",
        id: "effectiveness",
        label: text("Hiệu quả thiết thực", "Practical effectiveness"),
        description: text("Kết quả định lượng được", "Quantified outcomes"),
        points: 30,
        scaleId: "quality-10",
      },
      {
        kind: "indicator",
        id: "replicability",
        label: text("Khả năng nhân rộng", "Replicability"),
        points: 20,
        rule: {
          kind: "thresholds",
          input: "adopters",
          steps: [
            { atLeast: 1, points: 8 },
            { atLeast: 3, points: 14 },
            { atLeast: 5, points: 20 },
          ],
        },
      },
      { kind: "rating", id: "reach", label: text("Sức lan tỏa", "Reach"), points: 15, scaleId: "quality-10" },
      {
        kind: "formula",
        id: "sustainability",
        label: text("Tính bền vững", "Sustainability"),
        description: text("2,5 điểm cho mỗi năm duy trì, tối đa 10", "2.5 points per year running, at most 10"),
        points: 10,
        expression: "min(10, 2.5 × months_running ÷ 12)",
      },
      {
        kind: "rating",
        id: "theme",
        label: text("Gắn chuyên đề, nhiệm vụ", "Link to the annual theme and unit duties"),
        points: 5,
        scaleId: "theme-5",
      },
    ],
    tiers: [
      { id: "excellent", label: text("Tiêu biểu xuất sắc", "Outstanding exemplary"), min: 90 },
      { id: "good", label: text("Tiêu biểu", "Exemplary"), min: 70 },
      { id: "pass", label: text("Đạt", "Satisfactory"), min: 50 },
      { id: "fail", label: text("Chưa đạt", "Not yet satisfactory"), min: 0 },
    ],
    gatePolicy: { maxNonEliminatoryFailures: 0 },
    aggregation: { method: { kind: "mean" }, minReviewers: 2, disagreement: { totalGap: 10 } },
    tieBreaks: [{ criterionId: "effectiveness" }, { criterionId: "novelty" }],
    quotas: [{ kind: "share-of-tier", tierId: "excellent", ofTierId: "good", percent: 20 }],
  }),
);
