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
  // Mutation testing: the compiled function answers undefined wherever evaluateFormula would
  // fail, and the slow path then answers; so a mutant that only makes the fast path give up more
  // often (or always) changes no result. Those are disabled below, each saying why; mutants that
  // could make the fast path answer wrongly stay measured.
  let run = functions.get(formula);
  // Stryker disable next-line ConditionalExpression: compiling again gives the same function
  if (run === undefined) {
    // Stryker disable next-line ArrayDeclaration,ArrowFunction: without its input names the compiled function reads nothing and answers undefined
    run = compileFormulaFunction(formula.ast, [...formula.inputs, ...formula.references.map((r) => r.key)]);
    functions.set(formula, run);
  }
  const names = formula.inputs;
  // Only the first names.length entries are read: no truncation (a runtime call) needed.
  const values = scratchValues;
  // Stryker disable next-line BooleanLiteral: incomplete only sends every model to the slow path
  let complete = true;
  // Stryker disable next-line EqualityOperator: one more name is undefined, an input no set declares, so complete turns false
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    if (name === "months_running") {
      values[i] = Math.max(0, monthsRunning);
      continue;
    }
    if (name === "evidence_count") {
      values[i] = facts.evidenceCount;
      continue;
    }
    // Stryker disable next-line ConditionalExpression,StringLiteral,BlockStatement: an indicator named `disciplined` holds a number, which a formula cannot use where it reads this boolean, so the fast path gives up
    if (name === "disciplined") {
      values[i] = facts.disciplined;
      continue;
    }
    // Stryker disable next-line OptionalChaining: every name a compiled formula reads is a declared input
    const v = Object.hasOwn(facts.indicators, name) ? facts.indicators[name] : compiled.inputs.get(name)?.missingAs;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BooleanLiteral: the compiled function answers undefined for an undefined value
    if (v === undefined) complete = false;
    values[i] = v;
  }
  // Stryker disable next-line EqualityOperator: one more slot, past every name the function reads
  for (let j = 0; j < formula.references.length; j++) values[names.length + j] = references[j];
  // Stryker disable next-line ConditionalExpression,BlockStatement: with a value missing the function answers undefined; skipping it sends the model to the slow path
  if (complete) {
    const value = run(values);
    // Stryker disable next-line ConditionalExpression: sends the model to the slow path
    if (value !== undefined) return value;
  }
  const record = formulaValues(compiled, formula, facts, monthsRunning);
  if (record.ok) {
    // Stryker disable next-line EqualityOperator: references[length] is undefined, skipped below
    for (let j = 0; j < formula.references.length; j++) {
      const v = references[j];
      // Stryker disable next-line ConditionalExpression,LogicalOperator: evaluateFormula treats a value that is not finite as missing, the same as one left out
      if (v !== undefined && Number.isFinite(v)) record.value[(formula.references[j] as { key: string }).key] = v;
    }
  }
  const result = record.ok ? evaluateFormula(formula.ast, record.value) : record;
  return result.ok ? result.value : result.error;
}
