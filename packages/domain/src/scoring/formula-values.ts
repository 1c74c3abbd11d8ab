import type { CompiledCriteriaSet, CompiledFormula, FormulaValue } from "../criteria/index.js";
import { type DomainError, domainError, err, ok, type Result } from "../errors/index.js";
import type { SubjectFacts } from "./scoring-subject.js";

/**
 * The values a formula reads for one model: the facts `months_running` (never below 0),
 * `evidence_count`, `disciplined`, and declared indicators (a missing one takes its
 * `missingAs`, else `SCORING.MISSING_INDICATOR`).
 *
 * @example
 * formulaValues(compiled, formula, facts, 27) // ok({ months_running: 27 })
 */
export function formulaValues(
  compiled: CompiledCriteriaSet,
  formula: CompiledFormula,
  facts: SubjectFacts,
  monthsRunning: number,
): Result<Record<string, FormulaValue>, DomainError> {
  const values: Record<string, FormulaValue> = {};
  for (const name of formula.inputs) {
    if (name === "months_running") values[name] = Math.max(0, monthsRunning);
    else if (name === "evidence_count") values[name] = facts.evidenceCount;
    else if (name === "disciplined") values[name] = facts.disciplined;
    else {
      // Stryker disable next-line OptionalChaining: a formula compiles only against declared inputs (FORMULA.UNKNOWN_INPUT), so every other name is in compiled.inputs
      const v = Object.hasOwn(facts.indicators, name) ? facts.indicators[name] : compiled.inputs.get(name)?.missingAs;
      if (v === undefined) {
        return err(
          domainError(
            "SCORING.MISSING_INDICATOR",
            { vi: `Thiếu giá trị chỉ tiêu '${name}'`, en: `The indicator '${name}' has no value` },
            { input: name },
          ),
        );
      }
      values[name] = v;
    }
  }
  return ok(values);
}
