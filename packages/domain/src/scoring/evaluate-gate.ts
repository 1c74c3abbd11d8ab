import { type CompiledCriteriaSet, type CompiledGate, evaluateFormula } from "../criteria/index.js";
import { type DomainError, domainError, err, type LocalizedText, ok, type Result } from "../errors/index.js";
import { formulaValues } from "./formula-values.js";
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
  const { criterion } = gate;
  const outcome = (passed: boolean, observed: number | boolean | null): GateOutcome => ({
    criterionId: criterion.id,
    label: criterion.label,
    passed,
    eliminatory: criterion.eliminatory,
    condition: criterion.condition,
    observed,
  });
  const condition = criterion.condition;
  switch (condition.kind) {
    case "running-months":
      return ok(outcome(monthsRunning >= condition.months, monthsRunning));
    case "evidence":
      return ok(outcome(facts.evidenceCount >= condition.atLeast, facts.evidenceCount));
    case "not-disciplined":
      return ok(outcome(!facts.disciplined, facts.disciplined));
    case "indicator": {
      const v = Object.hasOwn(facts.indicators, condition.input)
        ? facts.indicators[condition.input]
        : compiled.inputs.get(condition.input)?.missingAs;
      if (v === undefined) return ok(outcome(false, null));
      return ok(outcome((COMPARE[condition.op] as (a: number, b: number) => boolean)(v, condition.value), v));
    }
    case "formula": {
      const formula = gate.formula;
      if (formula === undefined) throw new Error("uncompiled gate formula");
      const values = formulaValues(compiled, formula, facts, monthsRunning);
      const result = values.ok ? evaluateFormula(formula.ast, values.value) : values;
      if (!result.ok) {
        return err(
          domainError(
            "SCORING.GATE_UNDECIDABLE",
            {
              vi: `Không xác định được điều kiện '${criterion.id}': ${result.error.message.vi}`,
              en: `Gate '${criterion.id}' cannot be decided: ${result.error.message.en}`,
            },
            { criterionId: criterion.id, cause: result.error },
          ),
        );
      }
      return ok(outcome(result.value === true, result.value));
    }
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
