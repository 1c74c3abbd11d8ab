import { describe, expect, it } from "vitest";
import { type CriteriaSetDraft, CriteriaSetDraftSchema, defaultCriteriaSet } from "../criteria/index.js";
import { explainGate } from "./evaluate-gate.js";
import { scoreModel } from "./score-model.js";
import { scoreRound } from "./score-round.js";
import { defaultSubject } from "./test-support/subjects.js";

// Reference date 2025-06-30. Default set, per GLOSSARY.md:
//   novelty n on 0–30 → 20·n/30 · effectiveness e on 0–10 → 30·e/10 · replicability from adopters
//   (≥1 → 8, ≥3 → 14, ≥5 → 20) · reach r on 0–10 → 15·r/10 · sustainability min(10, 2.5·months/12)
//   · theme t on 0–5 → 5·t/5. Start 2021-06-30 → 48 months → sustainability 10.
const referenceDate = "2025-06-30";

describe("scoreModel on the default set (hand-computed)", () => {
  // The "military flower road": started 2019-01-15 → 77 full months at 2025-06-30; 5 adopters.
  //   novelty 27, 28, 29 → mean 28 → 20·28/30 = 18.6666… → 18.667 (half up, once)
  //   effectiveness 9, 9.5, 10 → 9.5 → 28.5 · replicability 5 adopters → 20
  //   reach 9, 9, 9.5 → 27.5/3 → 15·27.5/30 = 13.75 · sustainability min(10, 2.5·77/12 = 16.04) → 10
  //   theme 5, 5, 4 → 14/3 → 4.6666…
  //   exact total 18.6666… + 28.5 + 20 + 13.75 + 10 + 4.6666… = 95.58333… → 95.583, rounded once
  //   (→ Tiêu biểu xuất sắc). Shown points add up to it: the two remainders (.667 each) make one
  //   unit, which goes to the earlier criterion: novelty 18.667, theme 4.666.
  //   reviewer totals (rating criteria only): r1 18 + 27 + 13.5 + 5 = 63.5; r2 18.667 + 28.5 + 13.5 + 5 = 65.667;
  //   r3 19.333 + 30 + 14.25 + 4 = 67.583 → spread 4.083 ≤ 10: no third reviewer.
  const flowerRoad = defaultSubject(
    "m-flower-road",
    [
      { novelty: 27, effectiveness: 9, reach: 9, theme: 5 },
      { novelty: 28, effectiveness: 9.5, reach: 9, theme: 5 },
      { novelty: 29, effectiveness: 10, reach: 9.5, theme: 4 },
    ],
    { startDate: "2019-01-15", evidenceCount: 6, adopters: 5 },
  );

  it("computes every criterion and the total exactly", () => {
    const r = scoreModel(defaultCriteriaSet, flowerRoad, { referenceDate });
    if (!r.ok) throw new Error(r.error.message.en);
    const s = r.value;
    expect(Object.fromEntries(s.criteria.map((c) => [c.criterionId, c.pointsMilli]))).toEqual({
      novelty: 18_667,
      effectiveness: 28_500,
      replicability: 20_000,
      reach: 13_750,
      sustainability: 10_000,
      theme: 4_666,
    });
    expect(s.totalMilli).toBe(95_583);
    expect(s.points.reduce((a, b) => a + b, 0)).toBe(s.totalMilli);
    expect(s.scoreTierId).toBe("excellent");
    expect(s.disagreement).toEqual({
      criteria: [],
      totalSpreadMilli: 4_083,
      totalExceedsGap: false,
      needsAnotherReviewer: false,
    });
    const novelty = s.criteria[0]?.detail;
    expect(novelty?.kind === "rating" && novelty.band?.id).toBe("entirely-new");
    expect(s.gates.map((g) => g.passed)).toEqual([true, true, true]);
    expect(s.explanation?.vi).toContain("Tính mới, sáng tạo: 18,667/20");
    expect(s.explanation?.en).toContain("Total: 95.583/100 points — Outstanding exemplary.");
    expect(s.explanation?.en).toContain(
      "Rounding: the exact total 95.583333… is rounded once to 0.001; each criterion's points are rounded down or up so that they add up to it.",
    );
  });

  it("keeps the self-assessment beside the verified score", () => {
    // Self: novelty 30 → 20, effectiveness 10 → 30, reach 10 → 15, theme 5 → 5; computed criteria shared
    // (20 + 10) → 100; verified stays 95.583; difference −4.417.
    const withSelf = {
      ...flowerRoad,
      scorecards: [
        ...flowerRoad.scorecards,
        { reviewerId: "unit", role: "self" as const, scores: { novelty: 30, effectiveness: 10, reach: 10, theme: 5 } },
      ],
    };
    const r = scoreModel(defaultCriteriaSet, withSelf, { referenceDate });
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value.totalMilli).toBe(95_583);
    expect(r.value.selfAssessment).toMatchObject({ totalMilli: 100_000, complete: true, differenceMilli: -4_417 });
  });

  it("flags a disagreement beyond the 10-point gap", () => {
    // r1 all max: 20 + 30 + 15 + 5 = 70; r2 novelty 15, effectiveness 6, reach 6, theme 3: 10 + 18 + 9 + 3 = 40 → spread 30 > 10.
    const s = defaultSubject("m-split", [
      { novelty: 30, effectiveness: 10, reach: 10, theme: 5 },
      { novelty: 15, effectiveness: 6, reach: 6, theme: 3 },
    ]);
    const r = scoreModel(defaultCriteriaSet, s, { referenceDate });
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value.disagreement).toMatchObject({
      totalSpreadMilli: 30_000,
      totalExceedsGap: true,
      needsAnotherReviewer: true,
    });
  });

  it.each([
    [{ novelty: 31, effectiveness: 9, reach: 9, theme: 5 }, "SCORING.RATING_OFF_SCALE"],
    [{ novelty: 20, effectiveness: 9.25, reach: 9, theme: 5 }, "SCORING.RATING_OFF_STEP"],
    [{ novelty: 20, effectiveness: 9, reach: 9, theme: 5, replicability: 3 }, "SCORING.UNKNOWN_CRITERION"],
  ])("rejects %j with %s", (ratings, code) => {
    const r = scoreModel(defaultCriteriaSet, defaultSubject("m", ratings as never, { adopters: 1 }), { referenceDate });
    expect(r.ok ? "ok" : r.error.code).toBe(code);
  });

  it("reports a missing rating", () => {
    const s = defaultSubject("m", { novelty: 20, effectiveness: 9, reach: 9 } as never, { adopters: 1 });
    const r = scoreModel(defaultCriteriaSet, s, { referenceDate });
    expect(r.ok ? "ok" : [r.error.code, r.error.details?.criterionId]).toEqual(["SCORING.MISSING_RATING", "theme"]);
  });
});

describe("scoreRound on the default set (hand-computed)", () => {
  const at = (iso: string) => ({ registeredAt: iso });
  const subjects = [
    // A: 20 + 30 + 20 + 15 + 10 + 5 = 100 → excellent by score.
    defaultSubject("A", { novelty: 30, effectiveness: 10, reach: 10, theme: 5 }, { adopters: 5 }),
    // B: 18 + 27 + 20 + 13.5 + 10 + 5 = 93.5 → excellent by score.
    defaultSubject("B", { novelty: 27, effectiveness: 9, reach: 9, theme: 5 }, { adopters: 5 }),
    // C: 16 + 27 + 14 + 12 + 10 + 4 = 83 → good. E: the same ratings, registered a month earlier.
    defaultSubject(
      "C",
      { novelty: 24, effectiveness: 9, reach: 8, theme: 4 },
      { adopters: 3 },
      at("2022-01-01T00:00:00Z"),
    ),
    defaultSubject(
      "E",
      { novelty: 24, effectiveness: 9, reach: 8, theme: 4 },
      { adopters: 3 },
      at("2021-12-01T00:00:00Z"),
    ),
    // D: 18 + 24 + 14 + 12 + 10 + 5 = 83, a tie with C and E on the total, broken by effectiveness (24 < 27).
    defaultSubject("D", { novelty: 27, effectiveness: 8, reach: 8, theme: 5 }, { adopters: 3 }),
    // H: 14 + 24 + 8 + 12 + 10 + 4 = 72 → good.
    defaultSubject("H", { novelty: 21, effectiveness: 8, reach: 8, theme: 4 }, { adopters: 1 }),
    // I: 10 + 21 + 14 + 15 + 10 + 3 = 73 → good.
    defaultSubject("I", { novelty: 15, effectiveness: 7, reach: 10, theme: 3 }, { adopters: 3 }),
    // K: started 2023-06-30 → 24 months → sustainability 2.5·24/12 = 5: 10 + 18 + 8 + 9 + 5 + 3 = 53 → pass.
    defaultSubject(
      "K",
      { novelty: 15, effectiveness: 6, reach: 6, theme: 3 },
      { adopters: 1, startDate: "2023-06-30" },
    ),
    // J: 8 + 18 + 0 (no adopters: missingAs 0) + 9 + 10 + 2 = 47 → fail.
    defaultSubject("J", { novelty: 12, effectiveness: 6, reach: 6, theme: 2 }),
    // F: perfect ratings but the owner unit was disciplined → eliminatory gate fails → disqualified.
    defaultSubject("F", { novelty: 30, effectiveness: 10, reach: 10, theme: 5 }, { adopters: 5, disciplined: true }),
    // G: started 2024-08-15 → 10 months < 12 → disqualified; sustainability 2.5·10/12 = 2.0833… → 2.083:
    //    16 + 27 + 14 + 12 + 2.083 + 4 = 75.083 (reported, not ranked).
    defaultSubject(
      "G",
      { novelty: 24, effectiveness: 9, reach: 8, theme: 4 },
      { adopters: 3, startDate: "2024-08-15" },
    ),
  ];

  // Scored inside each test: Stryker credits a test only with the code it runs itself.
  const scoreTheRound = () => {
    const round = scoreRound(defaultCriteriaSet, subjects, { referenceDate });
    if (!round.ok) throw new Error(round.error.message.en);
    return { round, byId: Object.fromEntries(round.value.models.map((m) => [m.modelId, m])) };
  };

  it("totals, ranks with a shared rank, and orders ties totally", () => {
    const { round } = scoreTheRound();
    // Order: A 100 · B 93.5 · E = C 83 (effectiveness 27, novelty 16 equal; E registered earlier) ·
    // D 83 (effectiveness 24) · I 73 · H 72 · K 53 · J 47 · then disqualified F 100, G 75.083.
    expect(round.value.models.map((m) => [m.modelId, m.totalMilli, m.rank, m.position])).toEqual([
      ["A", 100_000, 1, 1],
      ["B", 93_500, 2, 2],
      ["E", 83_000, 3, 3],
      ["C", 83_000, 3, 4],
      ["D", 83_000, 5, 5],
      ["I", 73_000, 6, 6],
      ["H", 72_000, 7, 7],
      ["K", 53_000, 8, 8],
      ["J", 47_000, 9, 9],
      ["F", 100_000, null, 10],
      ["G", 75_083, null, 11],
    ]);
  });

  it("disqualifies on a failed gate", () => {
    const { byId } = scoreTheRound();
    expect(byId.F).toMatchObject({ status: "disqualified", scoreTierId: null, tierId: null });
    expect(byId.F?.gates.find((g) => !g.passed)?.criterionId).toBe("not-disciplined");
    const failed = byId.G?.gates.find((g) => !g.passed);
    expect(failed).toMatchObject({ criterionId: "running-12-months", observed: 10 });
    expect(failed && explainGate(failed).en).toBe("running 10 months (≥ 12 required)");
  });

  it("applies the quota: excellent ≤ 20 % of good, overflow demoted in ranking order", () => {
    const { round, byId } = scoreTheRound();
    // Scored good: C, D, E, H, I = 5 → allowance ⌊5 × 20 / 100⌋ = 1. Scored excellent: A, B (F is
    // disqualified and not counted) → A keeps it, B (next in ranking order) is demoted to good.
    expect(round.value.quotas).toEqual([
      {
        quotaIndex: 0,
        kind: "share-of-tier",
        tierId: "excellent",
        ofTierId: "good",
        group: null,
        base: 5,
        allowance: 1,
        before: 2,
        demoted: ["B"],
        ties: [],
      },
    ]);
    expect(byId.A).toMatchObject({ scoreTierId: "excellent", tierId: "excellent", demotedFrom: null });
    expect(byId.B).toMatchObject({ scoreTierId: "excellent", tierId: "good", demotedFrom: "excellent", rank: 2 });
    expect(round.value.tierCounts).toEqual({ excellent: 1, good: 6, pass: 1, fail: 1 });
  });

  it("counts only qualified models in a share-of-qualified quota", () => {
    // Qualified: A, B, C → allowance ⌊3 × 50 / 100⌋ = 1; F and G are disqualified and not counted
    // (with them ⌊5 × 50 / 100⌋ = 2 would keep B excellent).
    const set = {
      ...defaultCriteriaSet,
      quotas: [{ kind: "share-of-qualified" as const, tierId: "excellent", percent: 50 }],
    };
    const some = subjects.filter((s) => ["A", "B", "C", "F", "G"].includes(s.modelId));
    const r = scoreRound(set as never, some, { referenceDate });
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value.quotas.map((q) => [q.base, q.allowance, q.demoted])).toEqual([[3, 1, ["B"]]]);
    expect([...r.value.columns.demotions.keys()].map((i) => r.value.columns.subjects[i]?.modelId)).toEqual(["B"]);
  });

  it("scores the same whatever the order of subjects", () => {
    const { round } = scoreTheRound();
    const reversed = scoreRound(defaultCriteriaSet, [...subjects].reverse(), { referenceDate });
    expect(reversed).toEqual(round);
  });
});

describe("calibration (hand-computed)", () => {
  // One rating criterion q on 0–10 (10 points). Harsh reviewer h rates m1, m2, m3: 2, 4, 6 (mean 4,
  // sd √(8/3)); lenient reviewer l rates them 6, 8, 10 (mean 8, sd √(8/3)). Pooled: 2, 4, 6, 6, 8, 10 →
  // mean 6, sd √(40/6). Calibrated = 6 + (x − mean_r) / sd_r × sd_pooled:
  //   h: 2 → 6 − 2·√(40/6 ÷ 8/3) = 6 − 2·√2.5 = 2.83772… → 2.838 (half up to 0.001); 4 → 6; 6 → 9.162
  //   l: 6 → 2.838; 8 → 6; 10 → 9.162
  // Both reviewers now agree; m1 = 2.838 points instead of the raw mean (2 + 6) / 2 = 4.
  const set: CriteriaSetDraft = CriteriaSetDraftSchema.parse({
    status: "draft",
    id: "calibrated",
    name: { vi: "Thử hiệu chỉnh", en: "Calibration check" },
    totalPoints: 10,
    scales: [{ id: "s10", label: { vi: "0–10", en: "0–10" }, min: 0, max: 10, step: 1 }],
    criteria: [{ kind: "rating", id: "q", label: { vi: "Chất lượng", en: "Quality" }, points: 10, scaleId: "s10" }],
    tiers: [
      { id: "pass", label: { vi: "Đạt", en: "Pass" }, min: 5 },
      { id: "fail", label: { vi: "Chưa đạt", en: "Fail" }, min: 0 },
    ],
    aggregation: { calibration: { enabled: true, minRatingsPerReviewer: 3 }, disagreement: { criterionGap: 1 } },
  });
  const subject = (id: string, h: number, l: number) => ({
    modelId: id,
    unitId: "u",
    registeredAt: "2024-01-01T00:00:00Z",
    facts: { startDate: "2020-01-01", evidenceCount: 1, disciplined: false, indicators: {} },
    scorecards: [
      { reviewerId: "h", role: "verifier" as const, scores: { q: h } },
      { reviewerId: "l", role: "verifier" as const, scores: { q: l } },
    ],
  });
  const subjects = [subject("m1", 2, 6), subject("m2", 4, 8), subject("m3", 6, 10)];

  it("maps each reviewer's z-scores back with the pooled mean and sd", () => {
    const r = scoreRound(set, subjects, { referenceDate });
    if (!r.ok) throw new Error(r.error.message.en);
    const m1 = r.value.models.find((m) => m.modelId === "m1");
    const detail = m1?.criteria[0]?.detail;
    if (detail?.kind !== "rating") throw new Error("rating expected");
    expect(detail.reviewers.map((x) => [x.reviewerId, x.rawMilli, x.usedMilli, x.shiftMilli])).toEqual([
      ["h", 2_000, 2_838, 838],
      ["l", 6_000, 2_838, -3_162],
    ]);
    expect(detail.spreadMilli).toBe(0);
    expect(r.value.models.map((m) => [m.modelId, m.totalMilli])).toEqual([
      ["m3", 9_162],
      ["m2", 6_000],
      ["m1", 2_838],
    ]);
  });

  it("calibrates one model scored alone when given the round's subjects", () => {
    const r = scoreModel(set, subjects[0] as (typeof subjects)[number], { referenceDate, subjects });
    expect(r.ok ? r.value.totalMilli : r.error.code).toBe(2_838);
  });

  it("without calibration the raw mean stands and the reviewers disagree", () => {
    const plain = {
      ...set,
      aggregation: { ...set.aggregation, calibration: { enabled: false, minRatingsPerReviewer: 3 } },
    };
    const r = scoreRound(plain, subjects, { referenceDate });
    if (!r.ok) throw new Error(r.error.message.en);
    const m1 = r.value.models.find((m) => m.modelId === "m1");
    expect(m1?.totalMilli).toBe(4_000);
    expect(m1?.disagreement.criteria).toEqual(["q"]);
  });
});

describe("scoreRound, the round's edges", () => {
  // Two rating criteria on 0–10, 10 points each: a rating is its points. Reviewers a and b.
  const t = (vi: string, en: string) => ({ vi, en });
  const edgeSet = (extra: Record<string, unknown> = {}) =>
    ({
      status: "draft",
      id: "edges",
      name: t("Biên", "Edges"),
      totalPoints: 20,
      scales: [{ id: "s", label: t("S", "S"), min: 0, max: 10, step: 1 }],
      criteria: [
        { kind: "rating", id: "q1", label: t("Q1", "Q1"), points: 10, scaleId: "s" },
        { kind: "rating", id: "q2", label: t("Q2", "Q2"), points: 10, scaleId: "s" },
      ],
      tiers: [
        { id: "pass", label: t("Đạt", "Pass"), min: 10 },
        { id: "fail", label: t("Chưa đạt", "Fail"), min: 0 },
      ],
      ...extra,
    }) as never;
  const subject = (
    modelId: string,
    a: [number, number],
    b: [number, number],
    registeredAt = "2024-01-01T00:00:00Z",
  ) => ({
    modelId,
    unitId: "u",
    registeredAt,
    facts: { startDate: "2020-01-01", evidenceCount: 1, disciplined: false, indicators: {} },
    scorecards: [
      { reviewerId: "a", role: "verifier" as const, scores: { q1: a[0], q2: a[1] } },
      { reviewerId: "b", role: "verifier" as const, scores: { q1: b[0], q2: b[1] } },
    ],
  });
  const code = (r: ReturnType<typeof scoreRound>) => (r.ok ? null : [r.error.code, r.error.details?.modelId]);

  it("asks for another reviewer only beyond a gap, on the total or on one criterion", () => {
    const set = edgeSet({ aggregation: { disagreement: { criterionGap: 3, totalGap: 3 } } });
    const r = scoreRound(
      set,
      [
        // Spreads q1 2, q2 2, total 4 > 3: the total alone is beyond its gap.
        subject("total-beyond", [7, 7], [5, 5]),
        // Spreads 2 and 1, total 3: at the total gap, not beyond it.
        subject("total-at", [7, 6], [5, 5]),
        // Spreads 3 and 0, total 3: at both gaps.
        subject("both-at", [8, 5], [5, 5]),
        // Spreads 4 and 1, total 3: one criterion alone is beyond its gap.
        subject("criterion-beyond", [9, 4], [5, 5]),
      ],
      { referenceDate },
    );
    if (!r.ok) throw new Error(r.error.message.en);
    expect([...r.value.needsAnotherReviewer].sort()).toEqual(["criterion-beyond", "total-beyond"]);
  });

  it("asks for another reviewer on the total gap when no criterion gap is set", () => {
    const r = scoreRound(
      edgeSet({ aggregation: { disagreement: { totalGap: 3 } } }),
      [subject("total-beyond", [7, 7], [5, 5]), subject("calm", [6, 6], [5, 5])],
      { referenceDate },
    );
    expect(r.ok && r.value.needsAnotherReviewer).toEqual(["total-beyond"]);
  });

  it("lists the models it could not score by model id, whatever their order", () => {
    const missing = (modelId: string) => ({
      ...subject(modelId, [5, 5], [5, 5]),
      scorecards: [{ reviewerId: "a", role: "verifier" as const, scores: { q1: 5 } }],
    });
    const r = scoreRound(edgeSet(), [missing("m-z"), subject("ok", [5, 5], [5, 5]), missing("m-a"), missing("m-k")], {
      referenceDate,
    });
    expect(r.ok && r.value.unscored.map((u) => [u.modelId, u.error.code])).toEqual([
      ["m-a", "SCORING.MISSING_RATING"],
      ["m-k", "SCORING.MISSING_RATING"],
      ["m-z", "SCORING.MISSING_RATING"],
    ]);
  });

  it("counts every tier of the set, in the set's order, and nothing else", () => {
    const r = scoreRound(edgeSet(), [subject("p", [6, 6], [6, 6]), subject("f", [2, 2], [2, 2])], { referenceDate });
    if (!r.ok) throw new Error(r.error.message.en);
    expect(Object.entries(r.value.tierCounts)).toEqual([
      ["pass", 1],
      ["fail", 1],
    ]);
  });

  it("breaks a tie on an ascending criterion with the lower points first", () => {
    // Both total 12; "low" has 4 on q1, "high" 8: ascending on q1 puts "low" first although it registered later.
    const set = edgeSet({ tieBreaks: [{ criterionId: "q1", direction: "asc" }] });
    const r = scoreRound(
      set,
      [subject("high", [8, 4], [8, 4], "2024-01-01T00:00:00Z"), subject("low", [4, 8], [4, 8], "2024-02-01T00:00:00Z")],
      { referenceDate },
    );
    expect(r.ok && r.value.models.map((m) => [m.modelId, m.rank])).toEqual([
      ["low", 1],
      ["high", 2],
    ]);
  });

  it("breaks a tie on a descending criterion with the higher points first", () => {
    const set = edgeSet({ tieBreaks: [{ criterionId: "q1", direction: "desc" }] });
    const r = scoreRound(
      set,
      [subject("low", [4, 8], [4, 8], "2024-01-01T00:00:00Z"), subject("high", [8, 4], [8, 4], "2024-02-01T00:00:00Z")],
      { referenceDate },
    );
    expect(r.ok && r.value.models.map((m) => [m.modelId, m.rank])).toEqual([
      ["high", 1],
      ["low", 2],
    ]);
  });

  it("reports a duplicate model given before a bad registration time", () => {
    const bad = "yesterday";
    const r = scoreRound(
      edgeSet(),
      [subject("m", [5, 5], [5, 5]), subject("m", [5, 5], [5, 5]), subject("x", [5, 5], [5, 5], bad)],
      { referenceDate },
    );
    expect(code(r)).toEqual(["SCORING.DUPLICATE_MODEL", "m"]);
  });

  it("reports a duplicate model whose second entry is the one with a bad registration time", () => {
    const r = scoreRound(edgeSet(), [subject("m", [5, 5], [5, 5]), subject("m", [5, 5], [5, 5], "yesterday")], {
      referenceDate,
    });
    expect(code(r)).toEqual(["SCORING.DUPLICATE_MODEL", "m"]);
  });

  it("reports a bad registration time given before a duplicate model", () => {
    const r = scoreRound(
      edgeSet(),
      [subject("x", [5, 5], [5, 5], "yesterday"), subject("m", [5, 5], [5, 5]), subject("m", [5, 5], [5, 5])],
      { referenceDate },
    );
    expect(code(r)).toEqual(["SCORING.INVALID_DATE", "x"]);
  });

  it("names the first of two bad registration times", () => {
    const r = scoreRound(
      edgeSet(),
      [subject("x", [5, 5], [5, 5], "yesterday"), subject("y", [5, 5], [5, 5], "2024-13-01T00:00:00Z")],
      { referenceDate },
    );
    expect(code(r)).toEqual(["SCORING.INVALID_DATE", "x"]);
  });
});
