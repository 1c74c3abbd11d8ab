import { type CompiledCriteriaSet, toMilli } from "../criteria/index.js";
import type { ModelScore } from "./model-score.js";

/**
 * What one quota did in one scope.
 *
 * @example
 * { quotaIndex: 0, tierId: "excellent", ofTierId: "good", group: null, base: 5, allowance: 1, before: 2, demoted: ["B"] }
 */
export interface QuotaOutcome {
  readonly quotaIndex: number;
  readonly tierId: string;
  readonly ofTierId: string;
  /** The unit group, or null for the whole round. */
  readonly group: string | null;
  /** Qualified models whose score falls in `ofTierId`. */
  readonly base: number;
  /** ⌊base × percent ÷ 100⌋. */
  readonly allowance: number;
  /** Models in `tierId` before this quota. */
  readonly before: number;
  /** Model ids moved one tier down, in ranking order. */
  readonly demoted: readonly string[];
}

/**
 * Applies a set's quotas to a round's scores, given in position order (see
 * {@link rankModels}), and returns each model's final tier, aligned with `ranked`. Rule: allowance = ⌊base × percent ÷ 100⌋
 * (exact), base = qualified models whose score tier is `ofTierId`; models of `tierId`
 * past the allowance, in ranking order, move to the tier just below `tierId`. Quotas run
 * from the highest tier down, so a model demoted into a capped tier is counted by that
 * tier's quota. Unit groups are visited in code-unit order of their names.
 *
 * @example
 * // 2 scored "excellent", 6 scored "good", 20 % → allowance ⌊1.2⌋ = 1: the second is demoted.
 * applyQuotas(compiled, rankModels(scores, compiled.tieBreaks).map((p) => p.score)).outcomes[0] // { base: 6, allowance: 1, before: 2, demoted: ["m2"], ... }
 */
export function applyQuotas(
  compiled: CompiledCriteriaSet,
  ranked: readonly ModelScore[],
): { tiers: Array<string | null>; demotedFrom: Array<string | null>; outcomes: QuotaOutcome[] } {
  const tiers = ranked.map((score) => score.scoreTierId);
  const demotedFrom: Array<string | null> = ranked.map(() => null);
  const outcomes: QuotaOutcome[] = [];
  const order = compiled.set.tiers.map((t) => t.id);
  const quotas = compiled.quotas
    .map((quota, quotaIndex) => ({ quota, quotaIndex }))
    .sort((a, b) => order.indexOf(a.quota.tierId) - order.indexOf(b.quota.tierId) || a.quotaIndex - b.quotaIndex);
  for (const { quota, quotaIndex } of quotas) {
    const below = order[order.indexOf(quota.tierId) + 1];
    if (below === undefined) continue;
    // Indices into `ranked`, per scope, in position order.
    const groups = new Map<string | null, number[]>();
    for (let i = 0; i < ranked.length; i++) {
      const score = ranked[i] as ModelScore;
      if (score.status !== "qualified") continue;
      const key = quota.scope === "unit-group" ? (score.unitGroup ?? "") : null;
      const list = groups.get(key);
      if (list === undefined) groups.set(key, [i]);
      else list.push(i);
    }
    const percentMilli = toMilli(quota.percent) ?? 0;
    const keys = [...groups.keys()].sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
    for (const group of keys) {
      const members = groups.get(group) as number[];
      let base = 0;
      let before = 0;
      const demoted: string[] = [];
      for (const i of members) if ((ranked[i] as ModelScore).scoreTierId === quota.ofTierId) base++;
      const allowance = Math.floor((base * percentMilli) / (100 * 1000));
      for (const i of members) {
        if (tiers[i] !== quota.tierId) continue;
        before++;
        if (before <= allowance) continue;
        tiers[i] = below;
        if (demotedFrom[i] === null) demotedFrom[i] = quota.tierId;
        demoted.push((ranked[i] as ModelScore).modelId);
      }
      outcomes.push({
        quotaIndex,
        tierId: quota.tierId,
        ofTierId: quota.ofTierId,
        group,
        base,
        allowance,
        before,
        demoted,
      });
    }
  }
  return { tiers, demotedFrom, outcomes };
}
