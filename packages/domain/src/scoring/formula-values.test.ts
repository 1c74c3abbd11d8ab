import { describe, expect, it } from "vitest";
import { type CriteriaSetInput, compileCriteriaSet } from "../criteria/index.js";
import { evaluateSubjectFormula } from "./evaluate-subject-formula.js";
import { formulaValues } from "./formula-values.js";

const t = (vi: string, en: string) => ({ vi, en });
const compiled = (expression: string) => {
  const set: CriteriaSetInput = {
    status: "draft",
    id: "f",
    name: t("F", "F"),
    totalPoints: 100,
    inputs: [
      { code: "votes", label: t("Phiếu", "Votes"), missingAs: 7 },
      { code: "budget", label: t("Kinh phí", "Budget") },
    ],
    criteria: [{ kind: "formula", id: "f", label: t("F", "F"), points: 100, expression }],
    tiers: [{ id: "t", label: t("T", "T"), min: 0 }],
  };
  const c = compileCriteriaSet(set);
  if (!c.ok) throw new Error(c.error.message.en);
  const formula = c.value.scored[0]?.formula;
  if (formula === undefined) throw new Error("formula");
  return { compiled: c.value, formula };
};
const facts = (indicators: Record<string, number> = {}) => ({
  startDate: "2020-01-01",
  evidenceCount: 3,
  disciplined: true,
  indicators,
});

describe("a formula's values for one model", () => {
  it("reads the facts, never fewer than 0 months, and an input's default when missing", () => {
    const { compiled: c, formula } = compiled(
      "if(disciplined, 1000, 0) + months_running * 10 + evidence_count + votes",
    );
    expect(formulaValues(c, formula, facts(), -4)).toEqual({
      ok: true,
      value: { disciplined: true, months_running: 0, evidence_count: 3, votes: 7 },
    });
    expect(evaluateSubjectFormula(c, formula, facts(), -4)).toBe(1010);
    expect(evaluateSubjectFormula(c, formula, facts({ votes: 2 }), 5)).toBe(1055);
  });

  it("says which indicator has no value and no default", () => {
    const { compiled: c, formula } = compiled("budget * 2");
    expect(formulaValues(c, formula, facts(), 1)).toEqual({
      ok: false,
      error: {
        code: "SCORING.MISSING_INDICATOR",
        message: { vi: "Thiếu giá trị chỉ tiêu 'budget'", en: "The indicator 'budget' has no value" },
        details: { input: "budget" },
      },
    });
    expect(evaluateSubjectFormula(c, formula, facts(), 1)).toMatchObject({ code: "SCORING.MISSING_INDICATOR" });
    expect(evaluateSubjectFormula(c, formula, facts({ budget: 4 }), 1)).toBe(8);
  });

  it("gives the evaluator's error when the fast path cannot answer", () => {
    const { compiled: c, formula } = compiled("votes / (budget - budget)");
    expect(evaluateSubjectFormula(c, formula, facts({ budget: 1 }), 1)).toMatchObject({
      code: "FORMULA.DIVISION_BY_ZERO",
    });
  });
});

describe("formulas one after another, and formulas that read criteria", () => {
  // A rated criterion q on 0–10 worth 50 points, and a formula worth 50 that may read it.
  const withRating = (expression: string) => {
    const c = compileCriteriaSet({
      status: "draft",
      id: "r",
      name: t("R", "R"),
      totalPoints: 100,
      inputs: [{ code: "budget", label: t("Kinh phí", "Budget") }],
      scales: [{ id: "s10", label: t("0–10", "0–10"), min: 0, max: 10, step: 1 }],
      criteria: [
        { kind: "rating", id: "q", label: t("Q", "Q"), points: 50, scaleId: "s10" },
        { kind: "formula", id: "f", label: t("F", "F"), points: 50, expression },
      ],
      tiers: [{ id: "t", label: t("T", "T"), min: 0 }],
    });
    if (!c.ok) throw new Error(c.error.message.en);
    const formula = c.value.scored[1]?.formula;
    if (formula === undefined) throw new Error("formula");
    return { compiled: c.value, formula };
  };
  // The values of the formula's references, in its order: rating("q") = 6, points("q") = 30.
  const refs = (formula: { references: ReadonlyArray<{ key: string }> }, rating = 6, points = 30) =>
    formula.references.map((r) => (r.key.startsWith("rating") ? rating : points));

  it("evaluates one formula after another without mixing their inputs", () => {
    const first = compiled("months_running");
    const second = compiled("budget * 2");
    expect(evaluateSubjectFormula(first.compiled, first.formula, facts(), 27)).toBe(27);
    expect(evaluateSubjectFormula(second.compiled, second.formula, facts({ budget: 5 }), 27)).toBe(10);
  });

  it("reads an input's own value, not a reference left in its place by the formula before", () => {
    // The first formula puts points("q") = 30 where the second reads budget.
    const first = withRating('points("q") * 2');
    expect(evaluateSubjectFormula(first.compiled, first.formula, facts(), 1, refs(first.formula))).toBe(60);
    const second = compiled("budget * 2");
    expect(evaluateSubjectFormula(second.compiled, second.formula, facts({ budget: 5 }), 1)).toBe(10);
  });

  it("reads an input and two references each in its own place", () => {
    // 1000 + 30 × 10 + 6 = 1306: no mix-up of the three (or stale value) can give it. A formula
    // with more inputs runs first, so a misplaced reference reads its leftovers, not a gap.
    const wide = compiled("months_running + evidence_count + votes");
    expect(evaluateSubjectFormula(wide.compiled, wide.formula, facts(), 2)).toBe(12);
    const { compiled: c, formula } = withRating('budget + points("q") * 10 + rating("q")');
    expect(evaluateSubjectFormula(c, formula, facts({ budget: 1000 }), 1, refs(formula))).toBe(1306);
  });

  it("says which indicator is missing in a formula that also reads a criterion", () => {
    const { compiled: c, formula } = withRating('points("q") + budget');
    expect(evaluateSubjectFormula(c, formula, facts(), 1, refs(formula))).toMatchObject({
      code: "SCORING.MISSING_INDICATOR",
      details: { input: "budget" },
    });
  });

  it("leaves out a reference with no value rather than computing with NaN", () => {
    const { compiled: c, formula } = withRating('points("q") * 2');
    expect(evaluateSubjectFormula(c, formula, facts(), 1, [Number.NaN])).toEqual({
      code: "FORMULA.MISSING_INPUT",
      message: { vi: "Thiếu giá trị đầu vào 'points(\"q\")'", en: "Input 'points(\"q\")' has no value" },
      details: { input: 'points("q")' },
    });
  });

  it("gives the evaluator's answer with the references when the fast path cannot answer", () => {
    // The division fails only after points("q") is read: the slow path must know it too.
    const { compiled: c, formula } = withRating('points("q") / (budget - budget)');
    expect(evaluateSubjectFormula(c, formula, facts({ budget: 1 }), 1, refs(formula))).toMatchObject({
      code: "FORMULA.DIVISION_BY_ZERO",
    });
  });
});
