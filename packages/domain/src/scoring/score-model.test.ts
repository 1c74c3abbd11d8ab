import { describe, expect, it } from "vitest";
import { compileCriteriaSet, defaultCriteriaSet } from "../criteria/index.js";
import { scoreCompiledModel, scoreModel } from "./score-model.js";
import { defaultSubject } from "./test-support/subjects.js";

const referenceDate = "2025-06-30";
const subject = () => defaultSubject("m", { novelty: 27, effectiveness: 9, reach: 9, theme: 5 }, { adopters: 5 });

describe("scoreModel", () => {
  it("refuses a reference date that is not YYYY-MM-DD", () => {
    expect(scoreModel(defaultCriteriaSet, subject(), { referenceDate: "2025-6-30" })).toEqual({
      ok: false,
      error: {
        code: "SCORING.INVALID_DATE",
        message: { vi: "Ngày phải có dạng YYYY-MM-DD", en: "Dates must look like YYYY-MM-DD" },
        details: { referenceDate: "2025-6-30" },
      },
    });
  });

  it("refuses malformed round subjects as an error value", () => {
    const r = scoreModel(defaultCriteriaSet, subject(), { referenceDate, subjects: [{ modelId: "" }] as never });
    expect(r.ok ? null : r.error.code).toBe("SCORING.INVALID_INPUT");
  });

  it("explains the score (scoreModel asks for it)", () => {
    const r = scoreModel(defaultCriteriaSet, subject(), { referenceDate });
    expect(r.ok ? r.value.explanation?.en : null).toContain("Total: 93.5/100 points");
  });
});

describe("scoreCompiledModel", () => {
  it("leaves the explanation out unless asked for it", () => {
    const compiled = compileCriteriaSet(defaultCriteriaSet);
    if (!compiled.ok) throw new Error(compiled.error.message.en);
    const r = scoreCompiledModel(compiled.value, subject(), referenceDate, undefined);
    expect(r.ok ? [r.value.totalMilli, "explanation" in r.value] : r.error.code).toEqual([93_500, false]);
  });
});
