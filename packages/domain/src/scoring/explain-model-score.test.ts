import { describe, expect, it } from "vitest";
import { explainModelScore } from "./explain-model-score.js";
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
// Scored inside each test (not once at load): Stryker's per-test coverage only sees work
// done while a test runs, and would not run these tests against the mutants they kill.
const explanation = (id: string) => {
  const round = scoreRound(
    set as never,
    [subj("A", [9, 10], 10, 2, { q: 10 }), subj("B", [9, 9], undefined, 1), subj("C", [2, 9], 5, 0, {})],
    {
      referenceDate: "2025-06-30",
      explain: true,
    },
  );
  if (!round.ok) throw new Error(round.error.message.en);
  return round.value.models.find((m) => m.modelId === id)?.explanation;
};

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

describe("explanations of quota demotions and eliminatory gates", () => {
  // Quality alone makes the total: mean rating × 10. 'Top' may hold at most 50 % of the
  // models scored 'Fair' (D 60 and E 70: 2, so 1). A, B and C score 90 and tie at rank 1;
  // A registered first and keeps 'Top'. F is disciplined: out by an eliminatory gate.
  const quotaSet = {
    status: "draft",
    id: "qx",
    name: t("Hạn mức", "Quota"),
    totalPoints: 100,
    scales: [{ id: "s10", label: t("0-10", "0-10"), min: 0, max: 10, step: 1 }],
    criteria: [
      {
        kind: "gate",
        id: "disc",
        label: t("Không kỷ luật", "Not disciplined"),
        condition: { kind: "not-disciplined" },
      },
      { kind: "rating", id: "q", label: t("Chất lượng", "Quality"), points: 100, scaleId: "s10" },
    ],
    tiers: [
      { id: "a", label: t("Giỏi", "Top"), min: 80 },
      { id: "b", label: t("Khá", "Fair"), min: 50 },
      { id: "c", label: t("Đạt", "Pass"), min: 0 },
    ],
    aggregation: { method: { kind: "mean" } },
    quotas: [{ kind: "share-of-tier", tierId: "a", ofTierId: "b", percent: 50 }],
  };
  const model = (id: string, q: number, registeredAt: string, disciplined = false) => ({
    modelId: id,
    unitId: `u-${id}`,
    registeredAt,
    facts: { startDate: "2020-01-01", evidenceCount: 1, disciplined, indicators: {} },
    scorecards: ["r1", "r2"].map((reviewerId) => ({ reviewerId, role: "verifier" as const, scores: { q } })),
  });
  const explain = (models: ReturnType<typeof model>[], id: string) => {
    const r = scoreRound(quotaSet as never, models, { referenceDate: "2025-06-30", explain: true });
    if (!r.ok) throw new Error(r.error.message.en);
    const e = r.value.models.find((m) => m.modelId === id)?.explanation;
    return { en: e?.en.split("\n"), vi: e?.vi.split("\n") };
  };
  const jan = "2024-01-01T00:00:00Z";
  const feb = "2024-02-01T00:00:00Z";
  const round = [
    model("A", 9, jan),
    model("B", 9, feb),
    model("D", 6, jan),
    model("E", 7, jan),
    model("F", 8, jan, true),
  ];

  it("says which quota demoted a model and that registration time broke its tie", () => {
    expect(explain(round, "B")).toEqual({
      en: [
        "Total: 90/100 points — Fair.",
        "- Eliminatory gate 'Not disciplined': passed — the unit was not disciplined.",
        "- Quality: 90/100 (mean of 2 rating(s) (r1: 9, r2: 9) = 9 on the scale).",
        "Scored as 'Top', demoted to 'Fair' by a quota (at most 50% of 2 models scored 'Fair' = 1).",
        "Tied at rank 1 with 'A' at the quota's boundary; the tie is broken by registration time, then model id: 'A' registered earlier and keeps 'Top'.",
      ],
      vi: [
        "Tổng: 90/100 điểm — Khá.",
        "- Điều kiện loại trừ 'Không kỷ luật': đạt — đơn vị không bị kỷ luật.",
        "- Chất lượng: 90/100 (trung bình của 2 điểm chấm (r1: 9; r2: 9) = 9 trên thang).",
        "Theo điểm thuộc loại 'Giỏi', hạ xuống 'Khá' do vượt hạn mức (tối đa 50% của 2 mô hình loại 'Khá' = 1).",
        "Đồng hạng 1 với 'A' ở ranh giới hạn mức; hòa được phân định theo thời điểm đăng ký rồi mã mô hình: 'A' đăng ký sớm hơn nên giữ loại 'Giỏi'.",
      ],
    });
  });

  it("says when the model id broke a tie of models registered together", () => {
    const together = [model("A", 9, feb), model("B", 9, feb), model("D", 6, jan), model("E", 7, jan)];
    const lines = explain(together, "B");
    expect(lines.en?.at(-1)).toBe(
      "Tied at rank 1 with 'A' at the quota's boundary; the tie is broken by registration time, then model id: 'A' has the smaller id (registered at the same time) and keeps 'Top'.",
    );
    expect(lines.vi?.at(-1)).toBe(
      "Đồng hạng 1 với 'A' ở ranh giới hạn mức; hòa được phân định theo thời điểm đăng ký rồi mã mô hình: 'A' có mã nhỏ hơn (đăng ký cùng lúc) nên giữ loại 'Giỏi'.",
    );
  });

  it("adds no quota line for a model that kept its tier", () => {
    expect(explain(round, "A").en).toEqual([
      "Total: 90/100 points — Top.",
      "- Eliminatory gate 'Not disciplined': passed — the unit was not disciplined.",
      "- Quality: 90/100 (mean of 2 rating(s) (r1: 9, r2: 9) = 9 on the scale).",
    ]);
  });

  it("says a model was demoted by a quota, without a rule, when told a lower tier but no demotion", () => {
    // explainModelScore with the tier to explain given by the caller: D kept 'Fair' in the round.
    const r = scoreRound(quotaSet as never, round, { referenceDate: "2025-06-30" });
    if (!r.ok) throw new Error(r.error.message.en);
    const d = r.value.models.find((m) => m.modelId === "D");
    if (d === undefined) throw new Error("D");
    const e = explainModelScore(d, quotaSet as never, "c");
    expect([e.en.split("\n")[0], e.en.split("\n").at(-1)]).toEqual([
      "Total: 60/100 points — Pass.",
      "Scored as 'Fair', demoted to 'Pass' by a quota.",
    ]);
    expect(e.vi.split("\n").at(-1)).toBe("Theo điểm thuộc loại 'Khá', hạ xuống 'Đạt' do vượt hạn mức.");
  });

  it("refuses a criterion detail of an unknown kind, naming it", () => {
    // Types rule it out; a score built by hand must fail loudly rather than explain nonsense.
    const r = scoreRound(quotaSet as never, round, { referenceDate: "2025-06-30" });
    if (!r.ok) throw new Error(r.error.message.en);
    const a = r.value.models.find((m) => m.modelId === "A");
    if (a === undefined) throw new Error("A");
    const plain = JSON.parse(JSON.stringify(a));
    const odd = { ...plain, criteria: a.criteria.map((c) => ({ ...c, detail: { kind: "vote" } })) } as never;
    expect(() => explainModelScore(odd, quotaSet as never)).toThrow(new Error('unknown detail {"kind":"vote"}'));
  });

  it("names the eliminatory gate that disqualified a model", () => {
    expect(explain(round, "F")).toEqual({
      en: [
        "Total: 80/100 points — disqualified by its gates.",
        "Disqualified: failed the eliminatory gate(s) 'disc'.",
        "- Eliminatory gate 'Not disciplined': failed — the unit was disciplined in the period.",
        "- Quality: 80/100 (mean of 2 rating(s) (r1: 8, r2: 8) = 8 on the scale).",
      ],
      vi: [
        "Tổng: 80/100 điểm — bị loại do không đạt điều kiện.",
        "Bị loại: không đạt điều kiện loại trừ 'disc'.",
        "- Điều kiện loại trừ 'Không kỷ luật': không đạt — đơn vị bị kỷ luật trong kỳ.",
        "- Chất lượng: 80/100 (trung bình của 2 điểm chấm (r1: 8; r2: 8) = 8 trên thang).",
      ],
    });
  });
});

describe("explaining a total that had to be rounded", () => {
  // One point on a 0–16 scale, both reviewers rate 1: exactly 1 ÷ 16 = 0.0625 points, shown
  // as 0.063 (half up). The exact total ends after four decimals: no "…".
  const tiny = {
    status: "draft",
    id: "tiny",
    name: t("Nhỏ", "Tiny"),
    totalPoints: 1,
    scales: [{ id: "s16", label: t("0-16", "0-16"), min: 0, max: 16, step: 1 }],
    criteria: [{ kind: "rating", id: "q", label: t("Chất lượng", "Quality"), points: 1, scaleId: "s16" }],
    tiers: [{ id: "any", label: t("Mọi", "Any"), min: 0 }],
    aggregation: { method: { kind: "trimmed-mean", trimFraction: 0.1 } },
  };
  // Scored inside each test: Stryker's per-test coverage does not see work done while collecting.
  const explained = () => {
    const r = scoreRound(tiny as never, [subj("A", [1, 1], undefined, 1)], {
      referenceDate: "2025-06-30",
      explain: true,
    });
    if (!r.ok) throw new Error(r.error.message.en);
    return r.value.models[0]?.explanation;
  };

  it("shows the exact total in full, in English", () => {
    expect(explained()?.en.split("\n")).toEqual([
      "Total: 0.063/1 points — Any.",
      "Rounding: the exact total 0.0625 is rounded once to 0.001; each criterion's points are rounded down or up so that they add up to it.",
      "- Quality: 0.063/1 (trimmed mean of 2 rating(s) (r0: 1, r1: 1) = 1 on the scale).",
    ]);
  });

  it("shows the exact total in full, in Vietnamese", () => {
    expect(explained()?.vi.split("\n")).toEqual([
      "Tổng: 0,063/1 điểm — Mọi.",
      "Làm tròn: tổng chính xác 0,0625 được làm tròn một lần đến 0,001; điểm từng tiêu chí được làm tròn lên hoặc xuống để cộng lại đúng bằng tổng.",
      "- Chất lượng: 0,063/1 (trung bình cắt của 2 điểm chấm (r0: 1; r1: 1) = 1 trên thang).",
    ]);
  });
});
