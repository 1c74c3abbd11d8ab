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
