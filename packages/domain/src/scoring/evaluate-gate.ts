import { type CompiledCriteriaSet, type CompiledGate, evaluateFormula } from "../criteria/index.js";
import { type DomainError, domainError, err, ok, type Result } from "../errors/index.js";
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
 *
 * @example
 * evaluateGate(compiled, gate, facts, 14) // ok({ passed: true, reason: { en: "running 14 months (≥ 12 required)" }, ... })
 */
export function evaluateGate(
  compiled: CompiledCriteriaSet,
  gate: CompiledGate,
  facts: SubjectFacts,
  monthsRunning: number,
): Result<GateOutcome, DomainError> {
  const { criterion } = gate;
  const outcome = (passed: boolean, vi: string, en: string): GateOutcome => ({
    criterionId: criterion.id,
    label: criterion.label,
    passed,
    eliminatory: criterion.eliminatory,
    reason: { vi, en },
  });
  const condition = criterion.condition;
  switch (condition.kind) {
    case "running-months":
      return ok(
        outcome(
          monthsRunning >= condition.months,
          `đã triển khai ${monthsRunning} tháng (yêu cầu ≥ ${condition.months})`,
          `running ${monthsRunning} months (≥ ${condition.months} required)`,
        ),
      );
    case "evidence":
      return ok(
        outcome(
          facts.evidenceCount >= condition.atLeast,
          `có ${facts.evidenceCount} minh chứng (yêu cầu ≥ ${condition.atLeast})`,
          `${facts.evidenceCount} pieces of evidence (≥ ${condition.atLeast} required)`,
        ),
      );
    case "not-disciplined":
      return ok(
        facts.disciplined
          ? outcome(false, "đơn vị bị kỷ luật trong kỳ", "the unit was disciplined in the period")
          : outcome(true, "đơn vị không bị kỷ luật", "the unit was not disciplined"),
      );
    case "indicator": {
      const v = Object.hasOwn(facts.indicators, condition.input)
        ? facts.indicators[condition.input]
        : compiled.inputs.get(condition.input)?.missingAs;
      if (v === undefined) {
        return ok(
          outcome(false, `thiếu chỉ tiêu '${condition.input}'`, `the indicator '${condition.input}' is missing`),
        );
      }
      return ok(
        outcome(
          (COMPARE[condition.op] as (a: number, b: number) => boolean)(v, condition.value),
          `${condition.input} = ${v} (yêu cầu ${condition.op} ${condition.value})`,
          `${condition.input} = ${v} (${condition.op} ${condition.value} required)`,
        ),
      );
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
      return ok(outcome(result.value === true, `công thức ${formula.source}`, `formula ${formula.source}`));
    }
    default: {
      const never: never = condition;
      throw new Error(`unknown gate ${JSON.stringify(never)}`);
    }
  }
}
