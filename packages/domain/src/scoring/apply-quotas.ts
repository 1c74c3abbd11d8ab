import { type CompiledCriteriaSet, toMilli } from "../criteria/index.js";
import type { Placement } from "./rank-models.js";

/** What one quota did in one scope. */
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
 * Applies a set's quotas to placements (in position order) and returns each model's
 * final tier. Rule: allowance = ⌊base × percent ÷ 100⌋ (exact), base = qualified models
 * whose score tier is `ofTierId`; models of `tierId` past the allowance, in ranking
 * order, move to the tier just below `tierId`. Quotas run from the highest tier down,
 * so a model demoted into a capped tier is counted by that tier's quota.
 *
 * @example
 * // 2 scored "excellent", 6 scored "good", 20 % → allowance ⌊1.2⌋ = 1: the second is demoted.
 * applyQuotas(compiled, placements).outcomes[0] // { base: 6, allowance: 1, before: 2, demoted: ["m2"], ... }
 */
export function applyQuotas(
  compiled: CompiledCriteriaSet,
  placements: readonly Placement[],
): { tiers: Map<string, string | null>; demotedFrom: Map<string, string>; outcomes: QuotaOutcome[] } {
  const tiers = new Map<string, string | null>(placements.map((p) => [p.score.modelId, p.score.scoreTierId]));
  const demotedFrom = new Map<string, string>();
  const outcomes: QuotaOutcome[] = [];
  const order = compiled.set.tiers.map((t) => t.id);
  const quotas = compiled.quotas
    .map((quota, quotaIndex) => ({ quota, quotaIndex }))
    .sort((a, b) => order.indexOf(a.quota.tierId) - order.indexOf(b.quota.tierId) || a.quotaIndex - b.quotaIndex);
  for (const { quota, quotaIndex } of quotas) {
    const below = order[order.indexOf(quota.tierId) + 1];
    if (below === undefined) continue;
    const groups = new Map<string | null, Placement[]>();
    for (const p of placements) {
      if (p.score.status !== "qualified") continue;
      const key = quota.scope === "unit-group" ? (p.score.unitGroup ?? "") : null;
      const list = groups.get(key);
      if (list === undefined) groups.set(key, [p]);
      else list.push(p);
    }
    const percentMilli = toMilli(quota.percent) ?? 0;
    const keys = [...groups.keys()].sort((a, b) => String(a).localeCompare(String(b)));
    for (const group of keys) {
      const members = groups.get(group) as Placement[];
      const base = members.filter((p) => p.score.scoreTierId === quota.ofTierId).length;
      const allowance = Math.floor((base * percentMilli) / (100 * 1000));
      const inTier = members.filter((p) => tiers.get(p.score.modelId) === quota.tierId);
      const demoted: string[] = [];
      for (const p of inTier.slice(allowance)) {
        tiers.set(p.score.modelId, below);
        if (!demotedFrom.has(p.score.modelId)) demotedFrom.set(p.score.modelId, quota.tierId);
        demoted.push(p.score.modelId);
      }
      outcomes.push({
        quotaIndex,
        tierId: quota.tierId,
        ofTierId: quota.ofTierId,
        group,
        base,
        allowance,
        before: inTier.length,
        demoted,
      });
    }
  }
  return { tiers, demotedFrom, outcomes };
}
