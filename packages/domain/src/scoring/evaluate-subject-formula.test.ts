import { describe, expect, it } from "vitest";
import { compileCriteriaSet } from "../criteria/index.js";
import { evaluateSubjectFormula } from "./evaluate-subject-formula.js";

const t = (s: string) => ({ vi: s, en: s });

/** A set with one formula criterion reading `expression`, and an input `votes`. */
function formulaSet(expression: string) {
  const c = compileCriteriaSet({
    status: "draft",
    id: "f",
    name: t("F"),
    totalPoints: 100,
    inputs: [{ code: "votes", label: t("Votes") }],
    criteria: [{ kind: "formula", id: "f", label: t("F"), points: 100, expression }],
    tiers: [{ id: "t", label: t("T"), min: 0 }],
  });
  if (!c.ok) throw new Error(c.error.message.en);
  const formula = c.value.scored[0]?.formula;
  if (formula === undefined) throw new Error("no formula");
  return { compiled: c.value, formula };
}

// A model's indicators may carry any key (they come from imported rows); a key spelled like a
// fact must not take the fact's place, in the fast path as in the slow one. (An indicator
// spelled `disciplined` holds a number, which a formula cannot use where it reads the fact, a
// boolean: the fast path gives up and the slow path reads the fact, so no test can tell.)
const shadowing = {
  startDate: "2020-01-01",
  evidenceCount: 4,
  disciplined: false,
  indicators: { votes: 1, months_running: 500, evidence_count: 500, disciplined: 1 },
};

describe("a formula reads the model's facts, not indicators named like them", () => {
  it("months_running comes from the months given", () => {
    const { compiled, formula } = formulaSet("months_running + votes");
    expect(evaluateSubjectFormula(compiled, formula, shadowing, 7)).toBe(8);
  });

  it("evidence_count comes from the facts", () => {
    const { compiled, formula } = formulaSet("evidence_count + votes");
    expect(evaluateSubjectFormula(compiled, formula, shadowing, 7)).toBe(5);
  });
});
