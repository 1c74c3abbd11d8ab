import type { CompiledCriteriaSet } from "../criteria/index.js";
import type { Disqualification } from "./model-score.js";

/**
 * Whether failed gates disqualify a model, and why: any failed eliminatory gate does;
 * each failed non-eliminatory gate counts against its allowance (its nearest enclosing
 * group's `maxNonEliminatoryFailures`, else the set's `gatePolicy`), and an allowance
 * exceeded does. `failed[g]` says whether gate g of `compiled.gates` failed.
 *
 * @example
 * judgeGates(compiled, [false, true, true]) // { eliminatoryGates: [], exceededAllowances: [{ groupId: "records", allowed: 1, failedGates: ["evidence", "voted"] }] }
 */
export function judgeGates(compiled: CompiledCriteriaSet, failed: readonly boolean[]): Disqualification | null {
  const eliminatoryGates: string[] = [];
  const perAllowance = compiled.allowances.map((): string[] => []);
  compiled.gates.forEach((gate, g) => {
    if (!failed[g]) return;
    if (gate.criterion.eliminatory) eliminatoryGates.push(gate.criterion.id);
    else perAllowance[gate.allowance]?.push(gate.criterion.id);
  });
  const exceededAllowances = compiled.allowances.flatMap((a, i) => {
    const failedGates = perAllowance[i] as string[];
    return failedGates.length > a.max ? [{ groupId: a.groupId, allowed: a.max, failedGates }] : [];
  });
  return eliminatoryGates.length === 0 && exceededAllowances.length === 0
    ? null
    : { eliminatoryGates, exceededAllowances };
}
