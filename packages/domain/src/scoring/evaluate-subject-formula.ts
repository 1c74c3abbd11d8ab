import {
  type CompiledCriteriaSet,
  type CompiledFormula,
  compileFormulaFunction,
  evaluateFormula,
  type FormulaFunction,
  type FormulaValue,
} from "../criteria/index.js";
import type { DomainError } from "../errors/index.js";
import { formulaValues } from "./formula-values.js";
import type { SubjectFacts } from "./scoring-subject.js";

// Compiled once per formula of a compiled set, on first use.
const functions = new WeakMap<CompiledFormula, FormulaFunction>();
// The input values of the formula being evaluated; scoring is synchronous and never re-entered.
const scratchValues: Array<FormulaValue | undefined> = [];

const NO_REFERENCES: readonly number[] = [];

/**
 * A set's formula evaluated for one model, as {@link formulaValues} then
 * {@link evaluateFormula} would give it, without their per-call records and Results:
 * a compiled function reads the facts directly. Whenever that fast path cannot answer
 * (a missing input, a failure) the slow path runs and returns its error, so the outcome
 * is the same either way. `references` holds the values of the formula's
 * `rating(…)`/`points(…)`/`group_total(…)`, aligned with `formula.references` (NaN when
 * there is none).
 *
 * @example
 * evaluateSubjectFormula(compiled, formula, facts, 27) // 5.625 for min(10, 2.5 × months_running ÷ 12)
 */
export function evaluateSubjectFormula(
  compiled: CompiledCriteriaSet,
  formula: CompiledFormula,
  facts: SubjectFacts,
  monthsRunning: number,
  references: readonly number[] = NO_REFERENCES,
): FormulaValue | DomainError {
  let run = functions.get(formula);
  if (run === undefined) {
    run = compileFormulaFunction(formula.ast, [...formula.inputs, ...formula.references.map((r) => r.key)]);
    functions.set(formula, run);
  }
  const names = formula.inputs;
  // Only the first names.length entries are read: no truncation (a runtime call) needed.
  const values = scratchValues;
  let complete = true;
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    if (name === "months_running") values[i] = Math.max(0, monthsRunning);
    else if (name === "evidence_count") values[i] = facts.evidenceCount;
    else if (name === "disciplined") values[i] = facts.disciplined;
    // formulaValues' record cannot hold an own "__proto__": leave that oddity to it.
    else if (name === "__proto__") complete = false;
    else {
      const v = Object.hasOwn(facts.indicators, name) ? facts.indicators[name] : compiled.inputs.get(name)?.missingAs;
      if (v === undefined) complete = false;
      values[i] = v;
    }
  }
  for (let j = 0; j < formula.references.length; j++) values[names.length + j] = references[j];
  if (complete) {
    const value = run(values);
    if (value !== undefined) return value;
  }
  const record = formulaValues(compiled, formula, facts, monthsRunning);
  if (record.ok) {
    for (let j = 0; j < formula.references.length; j++) {
      const v = references[j];
      if (v !== undefined && Number.isFinite(v)) record.value[(formula.references[j] as { key: string }).key] = v;
    }
  }
  const result = record.ok ? evaluateFormula(formula.ast, record.value) : record;
  return result.ok ? result.value : result.error;
}
