import type { CompiledCriteriaSet } from "../criteria/index.js";
import { type DomainError, err, ok, type Result } from "../errors/index.js";
import { evaluateGate } from "../scoring/evaluate-gate.js";
import { judgeGates } from "../scoring/judge-gates.js";
import type { GateOutcome } from "../scoring/model-score.js";
import { fullMonthsBetween } from "../scoring/months-between.js";
import type { SubjectFacts } from "../scoring/scoring-subject.js";

/**
 * A model's eligibility for a round, decided by the set's gates at the round's
 * reference date before the round opens (the same gates scoring applies later):
 * ineligible when an eliminatory gate fails or more non-eliminatory gates fail than
 * their allowance (a group's own, else the set's gate policy) allows.
 *
 * @example
 * checkEligibility(compiled, { startDate: "2022-03-01", evidenceCount: 0, disciplined: false, indicators: {} }, "2022-12-15")
 * // ok({ eligible: false, gates: [{ criterionId: "running-12-months", passed: false, observed: 9, … }, …] })
 */
export function checkEligibility(
  compiled: CompiledCriteriaSet,
  facts: SubjectFacts,
  referenceDate: string,
): Result<{ eligible: boolean; gates: GateOutcome[] }, DomainError> {
  const months = fullMonthsBetween(facts.startDate, referenceDate);
  const gates: GateOutcome[] = [];
  for (const gate of compiled.gates) {
    const outcome = evaluateGate(compiled, gate, facts, months);
    if (!outcome.ok) return err(outcome.error);
    gates.push(outcome.value);
  }
  return ok({
    eligible:
      judgeGates(
        compiled,
        gates.map((g) => !g.passed),
      ) === null,
    gates,
  });
}
