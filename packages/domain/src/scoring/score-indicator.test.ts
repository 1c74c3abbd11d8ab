import { describe, expect, it } from "vitest";
import { type CompiledScoredCriterion, compileCriteriaSet } from "../criteria/index.js";
import type { RoundContext } from "./build-round-context.js";
import { ExactPoints } from "./exact-points.js";
import { indicatorRule, scoreIndicator, setIndicatorPoints } from "./score-indicator.js";
import type { SubjectFacts } from "./scoring-subject.js";

// Votes are relative to the round's best (20 points, missing counts 0); 'lower' falls
// linearly from 40 points at x = 0 to none at x = 10; 'q' is rated.
const t = (vi: string, en: string) => ({ vi, en });
const compiled = (() => {
  const c = compileCriteriaSet({
    status: "draft",
    id: "ind",
    name: t("Chỉ tiêu", "Indicators"),
    totalPoints: 100,
    inputs: [
      { code: "votes", label: t("Phiếu", "Votes"), missingAs: 0 },
      { code: "x", label: t("X", "X") },
    ],
    scales: [{ id: "s10", label: t("0–10", "0–10"), min: 0, max: 10, step: 1 }],
    criteria: [
      {
        kind: "indicator",
        id: "share",
        label: t("Bình chọn", "Votes"),
        points: 20,
        rule: { kind: "relative-to-best", input: "votes" },
      },
      {
        kind: "indicator",
        id: "lower",
        label: t("Càng ít càng tốt", "Lower is better"),
        points: 40,
        rule: { kind: "linear", input: "x", from: 10, to: 0 },
      },
      { kind: "rating", id: "q", label: t("Chất lượng", "Quality"), points: 40, scaleId: "s10" },
    ],
    tiers: [{ id: "any", label: t("Mọi", "Any"), min: 0 }],
  } as never);
  if (!c.ok) throw new Error(c.error.message.en);
  return c.value;
})();
const criterion = (id: string) => compiled.scored.find((s) => s.criterion.id === id) as CompiledScoredCriterion;
const facts = (indicators: Record<string, number>): SubjectFacts => ({
  startDate: "2020-01-01",
  evidenceCount: 1,
  disciplined: false,
  indicators,
});
const context = (best: Record<string, number>): RoundContext => ({
  best: new Map(Object.entries(best)),
  calibration: new Map(),
});

describe("scoreIndicator", () => {
  it("scores a value against the round's best: 30 of best 40 votes is 20 × 30 ÷ 40 = 15 points", () => {
    expect(scoreIndicator(compiled, criterion("share"), facts({ votes: 30 }), context({ votes: 40 }))).toEqual({
      ok: true,
      value: {
        pointsMilli: 15_000,
        detail: { kind: "indicator", rule: "relative-to-best", input: "votes", value: 30, defaulted: false, best: 40 },
      },
    });
  });

  it("takes the input's default for a missing value, and says so", () => {
    expect(scoreIndicator(compiled, criterion("share"), facts({}), context({ votes: 40 }))).toEqual({
      ok: true,
      value: {
        pointsMilli: 0,
        detail: { kind: "indicator", rule: "relative-to-best", input: "votes", value: 0, defaulted: true, best: 40 },
      },
    });
  });

  it("gives no points against a best of 0, whatever the value", () => {
    const r = scoreIndicator(compiled, criterion("share"), facts({ votes: 3 }), context({ votes: 0 }));
    expect(r.ok ? r.value.pointsMilli : r.error.code).toBe(0);
  });

  it("needs the round context for a rule relative to the round's best", () => {
    const r = scoreIndicator(compiled, criterion("share"), facts({ votes: 30 }), undefined);
    expect(r.ok ? null : [r.error.code, r.error.message, r.error.details]).toEqual([
      "SCORING.ROUND_CONTEXT_REQUIRED",
      {
        vi: "Tiêu chí 'share' so với giá trị cao nhất của đợt: cần dữ liệu cả đợt",
        en: "Criterion 'share' is relative to the round's best: the round context is required",
      },
      { criterionId: "share" },
    ]);
  });

  it("scores a falling line exactly: x = 4 on 10 → 0 is 40 × 6 ÷ 10 = 24 points, with no best shown", () => {
    expect(scoreIndicator(compiled, criterion("lower"), facts({ x: 4 }), context({ votes: 40, x: 9 }))).toStrictEqual({
      ok: true,
      value: {
        pointsMilli: 24_000,
        detail: { kind: "indicator", rule: "linear", input: "x", value: 4, defaulted: false },
      },
    });
  });

  it("scores a falling line on a decimal: x = 2.5 is 40 × 7.5 ÷ 10 = 30 points", () => {
    const r = scoreIndicator(compiled, criterion("lower"), facts({ x: 2.5 }), undefined);
    expect(r.ok ? r.value.pointsMilli : r.error.code).toBe(30_000);
  });

  it.each([
    ["missing", {}],
    ["not a finite number", { x: Number.NaN }],
  ])("refuses a value with no default that is %s", (_, indicators) => {
    const r = scoreIndicator(compiled, criterion("lower"), facts(indicators), undefined);
    expect(r.ok ? null : [r.error.code, r.error.message, r.error.details]).toEqual([
      "SCORING.MISSING_INDICATOR",
      {
        vi: "Tiêu chí 'lower' thiếu giá trị chỉ tiêu 'x'",
        en: "Criterion 'lower' needs a value for the indicator 'x'",
      },
      { criterionId: "lower", input: "x" },
    ]);
  });
});

describe("indicator rules that cannot be", () => {
  it("refuses to read the rule of a criterion that is not an indicator", () => {
    expect(() => indicatorRule(criterion("q"))).toThrow(new Error("not an indicator criterion"));
  });

  it("refuses a rule of an unknown kind, naming it", () => {
    // Types rule it out; a set that bypassed validation must fail loudly.
    const c = criterion("lower");
    const odd = { ...c, criterion: { ...c.criterion, rule: { kind: "log", input: "x" } } } as never;
    expect(() => setIndicatorPoints(new ExactPoints(1), 0, odd, 1, undefined)).toThrow(
      new Error('unknown rule {"kind":"log","input":"x"}'),
    );
  });
});
