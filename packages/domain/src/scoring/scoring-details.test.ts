import { describe, expect, it } from "vitest";
import { type CriteriaSetInput, compileCriteriaSet, defaultCriteriaSet } from "../criteria/index.js";
import { aggregateDenominator, aggregateNumerator, aggregateRatings } from "./aggregate-ratings.js";
import { decideGate, evaluateGate, explainGate, gatePasses, observeGate } from "./evaluate-gate.js";
import type { GateOutcome } from "./model-score.js";
import { normalizedScore } from "./model-score.js";
import { fullMonthsBetween } from "./months-between.js";
import { rankModels } from "./rank-models.js";
import { scoreModel } from "./score-model.js";
import { scoreRound } from "./score-round.js";
import type { ScoringSubject } from "./scoring-subject.js";
import { defaultSubject } from "./test-support/subjects.js";

const referenceDate = "2025-06-30";
const t = (vi: string, en: string) => ({ vi, en });
const good = { novelty: 24, effectiveness: 8, reach: 8, theme: 4 };
const compiled = (set: CriteriaSetInput) => {
  const c = compileCriteriaSet(set as never);
  if (!c.ok) throw new Error(c.error.message.en);
  return c.value;
};

describe("aggregating ratings", () => {
  it.each([
    [[10, 20, 40], { kind: "mean" as const }, { numerator: 70, denominator: 3 }],
    [[10, 20, 40], { kind: "median" as const }, { numerator: 20, denominator: 1 }],
    [[10, 20, 30, 40], { kind: "median" as const }, { numerator: 50, denominator: 2 }],
    [[10, 20, 30, 90], { kind: "trimmed-mean" as const, trimFraction: 0.25 }, { numerator: 50, denominator: 2 }],
    [[10, 20, 30, 90], { kind: "trimmed-mean" as const, trimFraction: 0.2 }, { numerator: 150, denominator: 4 }],
    [[10], { kind: "trimmed-mean" as const, trimFraction: 0.4 }, { numerator: 10, denominator: 1 }],
  ])("%j by %j is %j", (sorted, method, ratio) => {
    expect(aggregateRatings(sorted, method)).toEqual(ratio);
    expect(aggregateNumerator([...sorted, 999], sorted.length, method)).toBe(ratio.numerator);
    expect(aggregateDenominator(sorted.length, method)).toBe(ratio.denominator);
  });
});

describe("aggregating ratings by an unknown method", () => {
  // Types rule it out; a set that bypassed validation must fail loudly, naming the method.
  const bogus = { kind: "mode" } as never;

  it("refuses to compute the numerator", () => {
    expect(() => aggregateNumerator([1000], 1, bogus)).toThrow(new Error('unknown aggregation {"kind":"mode"}'));
  });

  it("refuses to compute the denominator", () => {
    expect(() => aggregateDenominator(1, bogus)).toThrow(new Error('unknown aggregation {"kind":"mode"}'));
  });
});

describe("full months between two dates", () => {
  it.each([
    ["2024-01-31", "2024-02-29", 1],
    ["2024-01-31", "2024-02-28", 0],
    ["2023-01-31", "2023-02-28", 1],
    ["2024-03-15", "2025-03-14", 11],
    ["2024-03-15", "2025-03-15", 12],
    ["2024-03-15", "2024-03-15", 0],
    ["2025-03-15", "2024-03-16", -11],
    ["2025-03-15", "2024-03-15", -12],
    ["2024-05-31", "2024-06-30", 1],
    ["2024-05-31", "2024-06-29", 0],
    ["2000-02-29", "2100-02-28", 1200],
    // 2000 is a leap year (divisible by 400): 28 February is not yet the end of its month.
    ["2000-01-31", "2000-02-28", 0],
    ["2000-01-31", "2000-02-29", 1],
    // A start on the 31st completes a month on the 30th of April, September and November only.
    ["2024-03-31", "2024-04-30", 1],
    ["2024-08-31", "2024-09-30", 1],
    ["2024-10-31", "2024-11-30", 1],
    ["2024-01-31", "2024-03-30", 1],
    ["2024-11-30", "2024-12-29", 0],
    // Within one month, either way, no full month has passed.
    ["2024-03-15", "2024-03-10", 0],
    ["2024-03-10", "2024-03-15", 0],
  ])("%s → %s: %i", (start, end, months) => {
    expect(fullMonthsBetween(start, end)).toBe(months);
  });
});

describe("gates", () => {
  const c = compiled({
    ...defaultCriteriaSet,
    inputs: [...defaultCriteriaSet.inputs, { code: "households", label: t("Hộ", "Households") }],
    criteria: [
      ...defaultCriteriaSet.criteria,
      ...(["==", "!=", "<", "<=", ">", ">="] as const).map((op, i) => ({
        kind: "gate" as const,
        id: `h${i}`,
        label: t(`Hộ ${op}`, `Households ${op}`),
        condition: { kind: "indicator" as const, input: "households", op, value: 10 },
        eliminatory: false,
      })),
      {
        kind: "gate",
        id: "g",
        label: t("Đủ hộ", "Enough households"),
        condition: { kind: "formula", expression: "households >= 10" },
        eliminatory: false,
      },
      {
        kind: "gate",
        id: "f",
        label: t("Công thức", "Formula"),
        condition: { kind: "formula", expression: "households / 0 > 1" },
      },
    ],
  });
  const facts = (households?: number) => ({
    startDate: "2020-01-01",
    evidenceCount: 1,
    disciplined: false,
    indicators: (households === undefined ? {} : { households }) as Record<string, number>,
  });
  const passes = (households?: number) =>
    c.gates.slice(3, 9).map((g) => {
      const o = decideGate(c, g, facts(households), 60);
      return "passed" in o ? o.passed : null;
    });

  it.each([
    [9, [false, true, true, true, false, false]],
    [10, [true, false, false, true, false, true]],
    [11, [false, true, false, false, true, true]],
    [undefined, [false, false, false, false, false, false]],
  ])("compares households = %s with 10 by ==, !=, <, <=, >, >=", (households, expected) => {
    expect(passes(households)).toEqual(expected);
  });

  it("says in words what each gate checked and found", () => {
    const outcome = (condition: GateOutcome["condition"], observed: GateOutcome["observed"]): GateOutcome => ({
      criterionId: "g",
      label: t("G", "G"),
      passed: false,
      eliminatory: true,
      condition,
      observed,
    });
    expect(
      [
        outcome({ kind: "running-months", months: 12 }, 10),
        outcome({ kind: "evidence", atLeast: 2 }, 1),
        outcome({ kind: "not-disciplined" }, true),
        outcome({ kind: "not-disciplined" }, false),
        outcome({ kind: "indicator", input: "votes", op: ">=", value: 5 }, null),
        outcome({ kind: "indicator", input: "votes", op: ">=", value: 5 }, 3),
        outcome({ kind: "formula", expression: "votes > 1" }, false),
      ].map(explainGate),
    ).toEqual([
      { vi: "đã triển khai 10 tháng (yêu cầu ≥ 12)", en: "running 10 months (≥ 12 required)" },
      { vi: "có 1 minh chứng (yêu cầu ≥ 2)", en: "1 pieces of evidence (≥ 2 required)" },
      { vi: "đơn vị bị kỷ luật trong kỳ", en: "the unit was disciplined in the period" },
      { vi: "đơn vị không bị kỷ luật", en: "the unit was not disciplined" },
      { vi: "thiếu chỉ tiêu 'votes'", en: "the indicator 'votes' is missing" },
      { vi: "votes = 3 (yêu cầu >= 5)", en: "votes = 3 (>= 5 required)" },
      { vi: "công thức votes > 1 = false", en: "formula votes > 1 = false" },
    ]);
  });

  it("reports a formula gate it cannot decide", () => {
    const gate = c.gates.at(-1);
    if (gate === undefined) throw new Error("gate");
    const r = evaluateGate(c, gate, facts(5), 60);
    expect(r.ok ? null : [r.error.code, r.error.message.en, r.error.details?.criterionId]).toEqual([
      "SCORING.GATE_UNDECIDABLE",
      "Gate 'f' cannot be decided: Division by zero",
      "f",
    ]);
    expect(gatePasses({ kind: "formula", expression: "x" }, 1)).toBe(false);
    expect(gatePasses({ kind: "running-months", months: 1 }, true)).toBe(false);
    expect(gatePasses({ kind: "evidence", atLeast: 1 }, null)).toBe(false);
    expect(gatePasses({ kind: "not-disciplined" }, null)).toBe(false);
  });

  it("words a formula gate it cannot decide in Vietnamese too", () => {
    const gate = c.gates.at(-1);
    if (gate === undefined) throw new Error("gate");
    const r = evaluateGate(c, gate, facts(5), 60);
    expect(r.ok ? null : r.error.message.vi).toBe("Không xác định được điều kiện 'f': Chia cho 0");
  });

  it("decides a formula gate on the value of its formula", () => {
    const gate = c.gates.find((g) => g.criterion.id === "g");
    if (gate === undefined) throw new Error("gate");
    expect([12, 9].map((h) => decideGate(c, gate, facts(h), 60))).toEqual([
      expect.objectContaining({ criterionId: "g", passed: true, observed: true }),
      expect.objectContaining({ criterionId: "g", passed: false, observed: false }),
    ]);
  });

  it("observes a missing indicator with no default as null", () => {
    const gate = c.gates.find((g) => g.criterion.id === "h5");
    if (gate === undefined) throw new Error("gate");
    expect(decideGate(c, gate, facts(), 60)).toMatchObject({ passed: false, observed: null });
  });

  it("fails an evidence gate on a missing observation even when it asks for none", () => {
    expect(gatePasses({ kind: "evidence", atLeast: 0 }, null)).toBe(false);
    expect(gatePasses({ kind: "evidence", atLeast: 0 }, 0)).toBe(true);
  });

  it("refuses a formula gate that was not compiled", () => {
    const gate = c.gates.find((g) => g.criterion.id === "g");
    if (gate === undefined) throw new Error("gate");
    expect(() => decideGate(c, { ...gate, formula: undefined }, facts(12), 60)).toThrow(
      new Error("uncompiled gate formula"),
    );
  });

  it("refuses a gate of an unknown kind, naming it", () => {
    // Types rule it out; a set that bypassed validation must fail loudly.
    const condition = { kind: "age", years: 2 } as never;
    const gate = c.gates[0];
    if (gate === undefined) throw new Error("gate");
    const odd = { ...gate, criterion: { ...gate.criterion, condition } };
    const message = 'unknown gate {"kind":"age","years":2}';
    expect(() => decideGate(c, odd, facts(), 60)).toThrow(new Error(message));
    expect(() => observeGate(c, odd, facts(), 60)).toThrow(new Error(message));
    expect(() => gatePasses(condition, 1)).toThrow(new Error(message));
    expect(() =>
      explainGate({ criterionId: "g", label: t("G", "G"), passed: false, eliminatory: true, condition, observed: 1 }),
    ).toThrow(new Error(message));
  });
});

describe("indicator rules, exactly", () => {
  const rule = (r: unknown, points = 20) =>
    ({
      status: "draft",
      id: "i",
      name: t("I", "I"),
      totalPoints: points,
      inputs: [{ code: "x", label: t("X", "X") }],
      criteria: [{ kind: "indicator", id: "c", label: t("C", "C"), points, rule: r }],
      tiers: [{ id: "any", label: t("Mọi", "Any"), min: 0 }],
    }) as CriteriaSetInput;
  const subject = (x: number | undefined): ScoringSubject => ({
    modelId: `m${x}`,
    unitId: "u",
    registeredAt: "2024-01-01T00:00:00Z",
    facts: {
      startDate: "2020-01-01",
      evidenceCount: 1,
      disciplined: false,
      indicators: (x === undefined ? {} : { x }) as Record<string, number>,
    },
    scorecards: [],
  });
  const points = (r: unknown, x: number | undefined) => {
    const s = scoreModel(rule(r) as never, subject(x), { referenceDate, subjects: [subject(x)] });
    return s.ok ? s.value.totalMilli : s.error.code;
  };

  it.each([
    [{ kind: "linear", input: "x", from: 0, to: 300 }, 100, 6_667],
    [{ kind: "linear", input: "x", from: 0, to: 300 }, -5, 0],
    [{ kind: "linear", input: "x", from: 0, to: 300 }, 400, 20_000],
    [{ kind: "linear", input: "x", from: 10, to: 0 }, 2.5, 15_000],
    [{ kind: "linear", input: "x", from: 0.1, to: 0.4 }, 0.2, 6_667],
    [{ kind: "ratio-to-target", input: "x", target: 95 }, 47.5, 10_000],
    [{ kind: "ratio-to-target", input: "x", target: 95, cap: 0.8 }, 90, 16_000],
    [{ kind: "ratio-to-target", input: "x", target: 95, cap: 0.8 }, 57, 12_000],
    [{ kind: "ratio-to-target", input: "x", target: 95, cap: 0.8 }, -1, 0],
    [
      {
        kind: "thresholds",
        input: "x",
        steps: [
          { atLeast: 1, points: 8 },
          { atLeast: 3, points: 14 },
        ],
      },
      2.999,
      8_000,
    ],
    [
      {
        kind: "thresholds",
        input: "x",
        steps: [
          { atLeast: 1, points: 8 },
          { atLeast: 3, points: 14 },
        ],
      },
      3,
      14_000,
    ],
    [
      {
        kind: "thresholds",
        input: "x",
        steps: [
          { atLeast: 1, points: 8 },
          { atLeast: 3, points: 14 },
        ],
      },
      0.5,
      0,
    ],
    [{ kind: "relative-to-best", input: "x" }, 0, 0],
    [{ kind: "relative-to-best", input: "x" }, -3, 0],
    [{ kind: "relative-to-best", input: "x" }, 7, 20_000],
  ])("%j with x = %d gives %i milli-points", (r, x, expected) => {
    expect(points(r, x)).toBe(expected);
  });

  it("says which indicator is missing", () => {
    const s = scoreModel(rule({ kind: "linear", input: "x", from: 0, to: 1 }) as never, subject(undefined), {
      referenceDate,
    });
    expect(s.ok ? null : s.error).toMatchObject({
      code: "SCORING.MISSING_INDICATOR",
      message: {
        vi: "Tiêu chí 'c' thiếu giá trị chỉ tiêu 'x'",
        en: "Criterion 'c' needs a value for the indicator 'x'",
      },
      details: { criterionId: "c", input: "x", modelId: "mundefined" },
    });
  });

  it("says relative-to-best needs the round", () => {
    const s = scoreModel(rule({ kind: "relative-to-best", input: "x" }) as never, subject(5), { referenceDate });
    expect(s.ok ? null : s.error).toMatchObject({
      code: "SCORING.ROUND_CONTEXT_REQUIRED",
      message: {
        vi: "Tiêu chí 'c' so với giá trị cao nhất của đợt: cần dữ liệu cả đợt",
        en: "Criterion 'c' is relative to the round's best: the round context is required",
      },
    });
  });
});

describe("why a model cannot be scored", () => {
  const unscored = (subject: ScoringSubject) => {
    const r = scoreRound(defaultCriteriaSet, [subject], { referenceDate });
    if (!r.ok) throw new Error(r.error.message.en);
    return r.value.unscored[0]?.error;
  };

  it("names a rating off the scale or off its step, and who gave it", () => {
    expect(unscored(defaultSubject("m", { ...good, novelty: 31 }, { adopters: 1 }))).toEqual({
      code: "SCORING.RATING_OFF_SCALE",
      message: {
        vi: "Điểm 31 của người chấm 'r1' cho 'novelty' nằm ngoài thang 0–30",
        en: "Reviewer 'r1' rated 'novelty' 31, outside the scale 0–30",
      },
      details: { criterionId: "novelty", reviewerId: "r1", value: 31, modelId: "m" },
    });
    expect(unscored(defaultSubject("m", { ...good, reach: 7.25 }, { adopters: 1 }))).toEqual({
      code: "SCORING.RATING_OFF_STEP",
      message: {
        vi: "Điểm 7.25 của người chấm 'r1' cho 'reach' không theo bước 0.5",
        en: "Reviewer 'r1' rated 'reach' 7.25, not on a step of 0.5",
      },
      details: { criterionId: "reach", reviewerId: "r1", value: 7.25, modelId: "m" },
    });
    expect(unscored(defaultSubject("m", { ...good, novelty: "9" as never }, { adopters: 1 }))?.code).toBe(
      "SCORING.RATING_OFF_SCALE",
    );
  });

  it("names a reviewer with two scorecards and a rating of something not rated", () => {
    const twice = defaultSubject("m", [good, good], { adopters: 1 });
    const duplicate = { ...twice, scorecards: twice.scorecards.map((c) => ({ ...c, reviewerId: "r1" })) };
    expect(unscored(duplicate)).toEqual({
      code: "SCORING.DUPLICATE_SCORECARD",
      message: {
        vi: "Người chấm 'r1' có hơn một phiếu cho mô hình 'm'",
        en: "Reviewer 'r1' has more than one scorecard for model 'm'",
      },
      details: { reviewerId: "r1", modelId: "m" },
    });
    expect(unscored(defaultSubject("m", { ...good, replicability: 3 } as never, { adopters: 1 }))).toEqual({
      code: "SCORING.UNKNOWN_CRITERION",
      message: {
        vi: "Phiếu của 'r1' chấm 'replicability', không phải tiêu chí chấm điểm của bộ",
        en: "The scorecard of 'r1' rates 'replicability', which is not a rating criterion of the set",
      },
      details: { reviewerId: "r1", criterionId: "replicability", modelId: "m" },
    });
  });

  it("lets the same reviewer rate as verifier and, separately, for the unit", () => {
    const s = defaultSubject("m", good, { adopters: 1 });
    const both = { ...s, scorecards: [...s.scorecards, { reviewerId: "r1", role: "self" as const, scores: good }] };
    expect(unscored(both)).toBeUndefined();
  });

  it("names a rating criterion no verifier rated", () => {
    const { theme: _theme, ...partial } = good;
    expect(unscored(defaultSubject("m", partial as never, { adopters: 1 }))).toEqual({
      code: "SCORING.MISSING_RATING",
      message: {
        vi: "Mô hình 'm' chưa có điểm thẩm định cho tiêu chí 'Gắn chuyên đề, nhiệm vụ'",
        en: "Model 'm' has no verifier rating for 'Link to the annual theme and unit duties'",
      },
      details: { criterionId: "theme", modelId: "m" },
    });
  });

  it("names a start date that is not a date", () => {
    expect(unscored(defaultSubject("m", good, { adopters: 1, startDate: "2021-02-30" }))).toEqual({
      code: "SCORING.INVALID_DATE",
      message: { vi: "Ngày phải có dạng YYYY-MM-DD", en: "Dates must look like YYYY-MM-DD" },
      details: { startDate: "2021-02-30", referenceDate, modelId: "m" },
    });
  });

  it("says why a formula could not be computed", () => {
    const set = {
      ...defaultCriteriaSet,
      criteria: defaultCriteriaSet.criteria.map((c) =>
        c.id === "sustainability" ? { ...c, expression: "10 / (months_running - months_running)" } : c,
      ),
    };
    const r = scoreRound(set as never, [defaultSubject("m", good, { adopters: 1 })], { referenceDate });
    expect(r.ok ? r.value.unscored[0]?.error : null).toMatchObject({
      code: "SCORING.FORMULA_FAILED",
      message: {
        vi: "Không tính được tiêu chí 'Tính bền vững': Chia cho 0",
        en: "'Sustainability' cannot be computed: Division by zero",
      },
      details: { criterionId: "sustainability", modelId: "m" },
    });
  });

  it("warns, without refusing, when a criterion has fewer reviewers than the set asks", () => {
    const r = scoreRound(defaultCriteriaSet, [defaultSubject("m", [good], { adopters: 1 })], { referenceDate });
    const warnings = r.ok ? r.value.models[0]?.warnings : [];
    expect(warnings?.map((w) => [w.code, w.message.en, w.details])).toEqual([
      [
        "SCORING.TOO_FEW_REVIEWERS",
        "'Novelty and creativity' has 1 reviewer(s), at least 2 required",
        { criterionId: "novelty", reviewers: 1 },
      ],
      [
        "SCORING.TOO_FEW_REVIEWERS",
        "'Practical effectiveness' has 1 reviewer(s), at least 2 required",
        { criterionId: "effectiveness", reviewers: 1 },
      ],
      [
        "SCORING.TOO_FEW_REVIEWERS",
        "'Reach' has 1 reviewer(s), at least 2 required",
        { criterionId: "reach", reviewers: 1 },
      ],
      [
        "SCORING.TOO_FEW_REVIEWERS",
        "'Link to the annual theme and unit duties' has 1 reviewer(s), at least 2 required",
        { criterionId: "theme", reviewers: 1 },
      ],
    ]);
    expect(warnings?.[0]?.message.vi).toBe("Tiêu chí 'Tính mới, sáng tạo' có 1 người chấm, cần ít nhất 2");
  });
});

describe("why a round cannot be scored", () => {
  it("names a model given twice", () => {
    const m = defaultSubject("m", good);
    expect(scoreRound(defaultCriteriaSet, [m, m], { referenceDate })).toEqual({
      ok: false,
      error: {
        code: "SCORING.DUPLICATE_MODEL",
        message: { vi: "Mô hình 'm' xuất hiện hai lần trong đợt", en: "Model 'm' appears twice in the round" },
        details: { modelId: "m" },
      },
    });
  });

  it.each(["2024-01-01", "2024-13-01T00:00:00Z", "yesterday"])("names the registration time %j", (registeredAt) => {
    expect(
      scoreRound(defaultCriteriaSet, [defaultSubject("m", good, {}, { registeredAt })], { referenceDate }),
    ).toEqual({
      ok: false,
      error: {
        code: "SCORING.INVALID_DATE",
        message: {
          vi: "Thời điểm đăng ký của 'm' không hợp lệ",
          en: "The registration time of 'm' is invalid",
        },
        details: { modelId: "m", registeredAt },
      },
    });
  });

  it("says the options are not valid, and how", () => {
    const r = scoreRound(defaultCriteriaSet, [], { referenceDate: "30/06/2025" });
    expect(
      r.ok
        ? null
        : [r.error.code, r.error.message.en, ((r.error.details?.issues ?? []) as Array<{ path: string }>)[0]?.path],
    ).toEqual(["SCORING.INVALID_OPTIONS", "Invalid round options (referenceDate YYYY-MM-DD)", "referenceDate"]);
    expect(r.ok ? null : r.error.message.vi).toBe("Tùy chọn đợt chấm không hợp lệ (ngày tham chiếu YYYY-MM-DD)");
  });

  it("sums up malformed input, naming the first problem and its path", () => {
    const r = scoreRound(defaultCriteriaSet, [{ modelId: "" }] as never, { referenceDate });
    expect(r.ok ? null : r.error.message.en).toMatch(
      /^The scoring input is malformed \(\d+ issue\(s\)\); first at subjects\.0\./,
    );
    expect(r.ok ? null : r.error.message.vi).toMatch(
      /^Dữ liệu chấm điểm không đúng cấu trúc \(\d+ lỗi\); đầu tiên tại subjects\.0\./,
    );
  });
});

describe("ranking and small helpers", () => {
  it("ranks by total, then a tie-break either way, registration and id", () => {
    const base = { unitId: "u", unitGroup: undefined, maxMilli: 100_000, scoreTierId: null, criteria: [], gates: [] };
    const score = (modelId: string, totalMilli: number, tb: number, registeredAt = "2024-01-01T00:00:00Z") =>
      ({
        ...base,
        modelId,
        registeredAt,
        status: "qualified" as const,
        totalMilli,
        points: [tb],
        exactPointsMilli: [tb],
      }) as never;
    const scores = [score("d", 50, 1), score("a", 80, 5), score("c", 80, 9), score("b", 80, 5, "2023-01-01T00:00:00Z")];
    expect(
      rankModels(scores, [{ index: 0, direction: "desc" }]).map((p) => [p.score.modelId, p.rank, p.position]),
    ).toEqual([
      ["c", 1, 1],
      ["b", 2, 2],
      ["a", 2, 3],
      ["d", 4, 4],
    ]);
    expect(rankModels(scores, [{ index: 0, direction: "asc" }]).map((p) => [p.score.modelId, p.rank])).toEqual([
      ["b", 1],
      ["a", 1],
      ["c", 3],
      ["d", 4],
    ]);
  });

  it("normalizes points to a share of the maximum, 0 for a criterion worth nothing", () => {
    expect(normalizedScore({ pointsMilli: 15_000, maxMilli: 20_000 })).toBe(0.75);
    expect(normalizedScore({ pointsMilli: 0, maxMilli: 0 })).toBe(0);
  });
});
