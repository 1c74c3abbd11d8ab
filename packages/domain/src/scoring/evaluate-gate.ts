import type { CompiledCriteriaSet, CompiledGate, GateCondition } from "../criteria/index.js";
import { type DomainError, domainError, err, type LocalizedText, ok, type Result } from "../errors/index.js";
import { evaluateSubjectFormula } from "./evaluate-subject-formula.js";
import type { GateOutcome } from "./model-score.js";
import type { SubjectFacts } from "./scoring-subject.js";

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  ">=": (a, b) => a >= b,
  ">": (a, b) => a > b,
  "<=": (a, b) => a <= b,
  "<": (a, b) => a < b,
  "==": (a, b) => a === b,
  "!=": (a, b) => a !== b,
};

/**
 * Decides one gate for one model. `monthsRunning` is measured at the round's reference
 * date. An indicator comparison on a missing value (with no `missingAs`) fails the gate;
 * a formula gate that cannot be evaluated is an error (`SCORING.GATE_UNDECIDABLE`).
 * The outcome records what was observed; {@link explainGate} puts it into words.
 *
 * @example
 * evaluateGate(compiled, gate, facts, 14) // ok({ criterionId: "running-12-months", passed: true, observed: 14, ... })
 */
export function evaluateGate(
  compiled: CompiledCriteriaSet,
  gate: CompiledGate,
  facts: SubjectFacts,
  monthsRunning: number,
): Result<GateOutcome, DomainError> {
  const outcome = decideGate(compiled, gate, facts, monthsRunning);
  return "passed" in outcome ? ok(outcome) : err(outcome);
}

/**
 * {@link evaluateGate} without the Result wrapper.
 *
 * @example
 * const o = decideGate(compiled, gate, facts, 10); if ("passed" in o) o.passed // false for ≥ 12 months
 */
export function decideGate(
  compiled: CompiledCriteriaSet,
  gate: CompiledGate,
  facts: SubjectFacts,
  monthsRunning: number,
): GateOutcome | DomainError {
  const observed = observeGate(compiled, gate, facts, monthsRunning);
  if (typeof observed === "object" && observed !== null) return observed;
  const { criterion } = gate;
  return {
    criterionId: criterion.id,
    label: criterion.label,
    passed: gatePasses(criterion.condition, observed),
    eliminatory: criterion.eliminatory,
    condition: criterion.condition,
    observed,
  };
}

/**
 * What a gate looks at for one model: months running, evidence count, the disciplined
 * flag, an indicator value (null when missing) or a formula's result; a DomainError
 * when a formula gate cannot be evaluated. Allocation-free for the round hot path.
 *
 * @example
 * observeGate(compiled, gate, facts, 14) // 14 for a running-months gate
 */
export function observeGate(
  compiled: CompiledCriteriaSet,
  gate: CompiledGate,
  facts: SubjectFacts,
  monthsRunning: number,
): number | boolean | null | DomainError {
  const { criterion } = gate;
  const condition = criterion.condition;
  switch (condition.kind) {
    case "running-months":
      return monthsRunning;
    case "evidence":
      return facts.evidenceCount;
    case "not-disciplined":
      return facts.disciplined;
    case "indicator": {
      const v = Object.hasOwn(facts.indicators, condition.input)
        ? facts.indicators[condition.input]
        : compiled.inputs.get(condition.input)?.missingAs;
      return v === undefined ? null : v;
    }
    case "formula": {
      const formula = gate.formula;
      if (formula === undefined) throw new Error("uncompiled gate formula");
      const value = evaluateSubjectFormula(compiled, formula, facts, monthsRunning);
      if (typeof value === "object") {
        return domainError(
          "SCORING.GATE_UNDECIDABLE",
          {
            vi: `Không xác định được điều kiện '${criterion.id}': ${value.message.vi}`,
            en: `Gate '${criterion.id}' cannot be decided: ${value.message.en}`,
          },
          { criterionId: criterion.id, cause: value },
        );
      }
      return value;
    }
    default: {
      const never: never = condition;
      throw new Error(`unknown gate ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Whether an observation satisfies a gate's condition.
 *
 * @example
 * gatePasses({ kind: "running-months", months: 12 }, 10) // false
 */
export function gatePasses(condition: GateCondition, observed: number | boolean | null): boolean {
  switch (condition.kind) {
    case "running-months":
      return typeof observed === "number" && observed >= condition.months;
    case "evidence":
      return typeof observed === "number" && observed >= condition.atLeast;
    case "not-disciplined":
      return observed === false;
    case "indicator":
      return (
        typeof observed === "number" &&
        (COMPARE[condition.op] as (a: number, b: number) => boolean)(observed, condition.value)
      );
    case "formula":
      return observed === true;
    default: {
      const never: never = condition;
      throw new Error(`unknown gate ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Says what a gate checked and found, in Vietnamese and English.
 *
 * @example
 * explainGate(outcome).en // "running 10 months (≥ 12 required)"
 */
export function explainGate(outcome: GateOutcome): LocalizedText {
  const c = outcome.condition;
  const o = outcome.observed;
  switch (c.kind) {
    case "running-months":
      return {
        vi: `đã triển khai ${o} tháng (yêu cầu ≥ ${c.months})`,
        en: `running ${o} months (≥ ${c.months} required)`,
      };
    case "evidence":
      return {
        vi: `có ${o} minh chứng (yêu cầu ≥ ${c.atLeast})`,
        en: `${o} pieces of evidence (≥ ${c.atLeast} required)`,
      };
    case "not-disciplined":
      return o === true
        ? { vi: "đơn vị bị kỷ luật trong kỳ", en: "the unit was disciplined in the period" }
        : { vi: "đơn vị không bị kỷ luật", en: "the unit was not disciplined" };
    case "indicator":
      return o === null
        ? { vi: `thiếu chỉ tiêu '${c.input}'`, en: `the indicator '${c.input}' is missing` }
        : {
            vi: `${c.input} = ${o} (yêu cầu ${c.op} ${c.value})`,
            en: `${c.input} = ${o} (${c.op} ${c.value} required)`,
          };
    case "formula":
      return { vi: `công thức ${c.expression} = ${o}`, en: `formula ${c.expression} = ${o}` };
    default: {
      const never: never = c;
      throw new Error(`unknown gate ${JSON.stringify(never)}`);
    }
  }
}
