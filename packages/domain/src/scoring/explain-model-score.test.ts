import { describe, expect, it } from "vitest";
import { scoreRound } from "./score-round.js";

// One set with every kind of line an explanation has: a soft and an eliminatory gate, a
// rating with a band (median of two), a relative-to-best indicator with a default, a
// clamped formula, disagreement beyond the gap and self-assessments. Hand-checked: A's
// quality is the median of 9 and 10 = 9.5 → 60 × 9.5 ÷ 10 = 57; votes 20 × 10 ÷ 10 = 20
// (best among qualified models: C is disqualified); bonus 2 × 15 = 30, clamped to 20;
// total 97. Reviewer totals 54 and 60 differ by 6 > 5.
const t = (vi: string, en: string) => ({ vi, en });
const set: Record<string, unknown> = {
  status: "draft",
  id: "x",
  name: t("X", "X"),
  totalPoints: 100,
  inputs: [{ code: "votes", label: t("Phiếu", "Votes"), missingAs: 0 }],
  scales: [
    {
      id: "s10",
      label: t("0-10", "0-10"),
      min: 0,
      max: 10,
      step: 1,
      bands: [{ id: "hi", label: t("Cao", "High"), min: 8, max: 10 }],
    },
  ],
  criteria: [
    {
      kind: "gate",
      id: "ev",
      label: t("Minh chứng", "Evidence"),
      condition: { kind: "evidence", atLeast: 1 },
      eliminatory: false,
    },
    { kind: "gate", id: "disc", label: t("Không kỷ luật", "Not disciplined"), condition: { kind: "not-disciplined" } },
    { kind: "rating", id: "q", label: t("Chất lượng", "Quality"), points: 60, scaleId: "s10" },
    {
      kind: "indicator",
      id: "v",
      label: t("Bình chọn", "Votes"),
      points: 20,
      rule: { kind: "relative-to-best", input: "votes" },
    },
    { kind: "formula", id: "f", label: t("Thưởng", "Bonus"), points: 20, expression: "evidence_count * 15" },
  ],
  tiers: [
    { id: "a", label: t("Giỏi", "Top"), min: 80 },
    { id: "b", label: t("Khá", "Fair"), min: 0 },
  ],
  aggregation: { method: { kind: "median" }, disagreement: { totalGap: 5 } },
  quotas: [{ kind: "share-of-qualified", tierId: "a", percent: 50 }],
};

type Card = { q?: number };
const subj = (id: string, qs: number[], votes: number | undefined, ev: number, self?: Card) => ({
  modelId: id,
  unitId: "u",
  registeredAt: "2024-01-01T00:00:00Z",
  facts: {
    startDate: "2020-01-01",
    evidenceCount: ev,
    disciplined: false,
    indicators: (votes === undefined ? {} : { votes }) as Record<string, number>,
  },
  scorecards: [
    ...qs.map((q, i) => ({ reviewerId: `r${i}`, role: "verifier" as const, scores: { q } })),
    ...(self === undefined
      ? []
      : [{ reviewerId: "unit", role: "self" as const, scores: self as Record<string, number> }]),
  ],
});
const round = scoreRound(
  set as never,
  [subj("A", [9, 10], 10, 2, { q: 10 }), subj("B", [9, 9], undefined, 1), subj("C", [2, 9], 5, 0, {})],
  {
    referenceDate: "2025-06-30",
    explain: true,
  },
);
if (!round.ok) throw new Error(round.error.message.en);
const explanation = (id: string) => round.value.models.find((m) => m.modelId === id)?.explanation;

describe("explanations, line by line", () => {
  it("explains a qualified model in English", () => {
    expect(explanation("A")?.en.split("\n")).toEqual([
      "Total: 97/100 points — Top.",
      "- Gate 'Evidence': passed — 2 pieces of evidence (≥ 1 required).",
      "- Eliminatory gate 'Not disciplined': passed — the unit was not disciplined.",
      "- Quality: 57/60 (median of 2 rating(s) (r0: 9, r1: 10) = 9.5 on the scale, band 'High').",
      "- Votes: 20/20 (indicator 'Votes' = 10, best of the round's qualified models 10).",
      "- Bonus: 20/20 (formula evidence_count * 15 = 30 (clamped to the points)).",
      "Reviewers disagree beyond the allowed gap (totals 6 points apart): another reviewer is required.",
      "Self-assessment: 100 points, not part of the verified score.",
    ]);
  });

  it("explains a qualified model in Vietnamese", () => {
    expect(explanation("A")?.vi.split("\n")).toEqual([
      "Tổng: 97/100 điểm — Giỏi.",
      "- Điều kiện 'Minh chứng': đạt — có 2 minh chứng (yêu cầu ≥ 1).",
      "- Điều kiện loại trừ 'Không kỷ luật': đạt — đơn vị không bị kỷ luật.",
      "- Chất lượng: 57/60 (trung vị của 2 điểm chấm (r0: 9; r1: 10) = 9,5 trên thang, mức 'Cao').",
      "- Bình chọn: 20/20 (chỉ tiêu 'Phiếu' = 10, cao nhất trong các mô hình đủ điều kiện của đợt 10).",
      "- Thưởng: 20/20 (công thức evidence_count * 15 = 30 (giới hạn trong thang điểm)).",
      "Các người chấm lệch nhau quá mức cho phép (tổng lệch 6 điểm): cần thêm người chấm thứ ba.",
      "Tự đánh giá: 100 điểm, không tính vào điểm thẩm định.",
    ]);
  });

  it("says a missing indicator took its default", () => {
    expect(explanation("B")?.en.split("\n")).toContain(
      "- Votes: 0/20 (indicator 'Votes' = 0 (default for missing), best of the round's qualified models 10).",
    );
    expect(explanation("B")?.vi.split("\n")).toContain(
      "- Bình chọn: 0/20 (chỉ tiêu 'Phiếu' = 0 (mặc định khi thiếu), cao nhất trong các mô hình đủ điều kiện của đợt 10).",
    );
  });

  it("explains a disqualified model, in both languages", () => {
    expect(explanation("C")?.en.split("\n")).toEqual([
      "Total: 43/100 points — disqualified by its gates.",
      "Disqualified: 1 gate(s) failed ('ev'), more than the 0 allowed.",
      "- Gate 'Evidence': failed — 0 pieces of evidence (≥ 1 required).",
      "- Eliminatory gate 'Not disciplined': passed — the unit was not disciplined.",
      "- Quality: 33/60 (median of 2 rating(s) (r0: 2, r1: 9) = 5.5 on the scale).",
      "- Votes: 10/20 (indicator 'Votes' = 5, best of the round's qualified models 10).",
      "- Bonus: 0/20 (formula evidence_count * 15 = 0).",
      "Reviewers disagree beyond the allowed gap (totals 42 points apart): another reviewer is required.",
      "Self-assessment: 10 points (incomplete), not part of the verified score.",
    ]);
    expect(explanation("C")?.vi.split("\n")).toEqual([
      "Tổng: 43/100 điểm — bị loại do không đạt điều kiện.",
      "Bị loại: 1 điều kiện không đạt ('ev'), vượt mức cho phép 0.",
      "- Điều kiện 'Minh chứng': không đạt — có 0 minh chứng (yêu cầu ≥ 1).",
      "- Điều kiện loại trừ 'Không kỷ luật': đạt — đơn vị không bị kỷ luật.",
      "- Chất lượng: 33/60 (trung vị của 2 điểm chấm (r0: 2; r1: 9) = 5,5 trên thang).",
      "- Bình chọn: 10/20 (chỉ tiêu 'Phiếu' = 5, cao nhất trong các mô hình đủ điều kiện của đợt 10).",
      "- Thưởng: 0/20 (công thức evidence_count * 15 = 0).",
      "Các người chấm lệch nhau quá mức cho phép (tổng lệch 42 điểm): cần thêm người chấm thứ ba.",
      "Tự đánh giá: 10 điểm (chưa đủ tiêu chí), không tính vào điểm thẩm định.",
    ]);
  });
});
