import { type CompiledCriteriaSet, toMilli } from "../criteria/index.js";
import type { ModelScore } from "./model-score.js";
import { rankOrder } from "./rank-models.js";

/**
 * Models tied on merit (same rank) across a quota's boundary: some keep the tier, the
 * others are demoted. Ranking order broke the tie — earlier registration, or the model
 * id when registered at the same time — and the result says so.
 *
 * @example
 * { rank: 1, kept: ["A"], demoted: ["B"], brokenBy: "registration" }
 */
export interface QuotaTie {
  readonly rank: number;
  readonly kept: readonly string[];
  readonly demoted: readonly string[];
  readonly brokenBy: "registration" | "model-id";
}

/**
 * What one quota did in one scope.
 *
 * @example
 * { quotaIndex: 0, kind: "share-of-tier", tierId: "excellent", ofTierId: "good", group: null, base: 5, allowance: 1, before: 2, demoted: ["B"], ties: [] }
 */
export interface QuotaOutcome {
  readonly quotaIndex: number;
  readonly kind: "share-of-tier" | "share-of-qualified";
  readonly tierId: string;
  /** The tier counted as the base; null for `share-of-qualified`. */
  readonly ofTierId: string | null;
  /** The unit group, or null for the whole round. */
  readonly group: string | null;
  /** Qualified models whose score falls in `ofTierId` (`share-of-tier`), or all qualified models. */
  readonly base: number;
  /** ⌊base × percent ÷ 100⌋. */
  readonly allowance: number;
  /** Models in `tierId` before this quota. */
  readonly before: number;
  /** Model ids moved one tier down, in ranking order. */
  readonly demoted: readonly string[];
  /** Ties on merit across the boundary, and how ranking order broke them. */
  readonly ties: readonly QuotaTie[];
}

/**
 * Why one model was demoted: the quota, its base and allowance, and the tie it lost, if any.
 *
 * @example
 * { quotaIndex: 0, base: 5, allowance: 1, tie: { rank: 1, kept: ["A"], demoted: ["B"], brokenBy: "registration" } }
 */
export interface QuotaDemotion {
  readonly quotaIndex: number;
  readonly base: number;
  readonly allowance: number;
  readonly tie: QuotaTie | null;
}

/** What applying quotas needs to know of the model at each position. */
export interface QuotaSubjects {
  readonly count: number;
  qualified(p: number): boolean;
  /** Index in the set's tiers (highest first) of the tier the score falls in; −1 for none. */
  scoreTier(p: number): number;
  unitGroup(p: number): string | undefined;
  /** Competition rank (ties share it); 0 when disqualified. */
  rank(p: number): number;
  registered(p: number): number;
  modelId(p: number): string;
}

/**
 * Applies a set's quotas to models given in position order. Rule: allowance =
 * ⌊base × percent ÷ 100⌋ (exact); base = qualified models whose score tier is `ofTierId`
 * (`share-of-tier`) or all qualified models (`share-of-qualified`), in the scope; models of
 * `tierId` past the allowance, in ranking order, move to the tier just below `tierId`.
 * Quotas run from the highest tier down, so a model demoted into a capped tier is
 * counted by that tier's quota. Unit groups are visited in code-unit order of their names.
 * Tiers are indices in the set's tiers; −1 for none. Allocates per round, not per model.
 *
 * @example
 * placeQuotas(compiled, subjects).outcomes[0] // { base: 6, allowance: 1, before: 2, demoted: ["m2"], ... }
 */
export function placeQuotas(
  compiled: CompiledCriteriaSet,
  at: QuotaSubjects,
): {
  tiers: Int16Array;
  demotedFrom: Int16Array;
  demotions: Map<number, QuotaDemotion>;
  outcomes: QuotaOutcome[];
} {
  const n = at.count;
  const tiers = new Int16Array(n);
  for (let p = 0; p < n; p++) tiers[p] = at.scoreTier(p);
  const demotedFrom = new Int16Array(n).fill(-1);
  const demotions = new Map<number, QuotaDemotion>();
  const outcomes: QuotaOutcome[] = [];
  if (compiled.quotas.length === 0) return { tiers, demotedFrom, demotions, outcomes };
  const order = compiled.set.tiers.map((t) => t.id);
  const quotas = compiled.quotas
    .map((quota, quotaIndex) => ({ quota, quotaIndex }))
    .sort((a, b) => order.indexOf(a.quota.tierId) - order.indexOf(b.quota.tierId) || a.quotaIndex - b.quotaIndex);
  for (const { quota, quotaIndex } of quotas) {
    const capped = order.indexOf(quota.tierId);
    if (capped + 1 >= order.length) continue;
    const of = quota.kind === "share-of-tier" ? order.indexOf(quota.ofTierId) : -1;
    // Positions, per scope, in position order.
    const groups = new Map<string | null, number[]>();
    for (let p = 0; p < n; p++) {
      if (!at.qualified(p)) continue;
      const key = quota.scope === "unit-group" ? (at.unitGroup(p) ?? "") : null;
      const list = groups.get(key);
      if (list === undefined) groups.set(key, [p]);
      else list.push(p);
    }
    const percentMilli = toMilli(quota.percent) ?? 0;
    const keys = [...groups.keys()].sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
    for (const group of keys) {
      const members = groups.get(group) as number[];
      let base = 0;
      // Indexed loops: this runs once per round over up to every model, mostly before it is optimized.
      if (quota.kind === "share-of-qualified") base = members.length;
      else for (let m = 0; m < members.length; m++) if (at.scoreTier(members[m] as number) === of) base++;
      const allowance = Math.floor((base * percentMilli) / (100 * 1000));
      let before = 0;
      const demoted: number[] = [];
      const kept: number[] = [];
      for (let m = 0; m < members.length; m++) {
        const p = members[m] as number;
        if (tiers[p] !== capped) continue;
        before++;
        if (before <= allowance) {
          kept.push(p);
          continue;
        }
        tiers[p] = capped + 1;
        if (demotedFrom[p] === -1) demotedFrom[p] = capped;
        demoted.push(p);
      }
      const ties = tiesAcross(at, kept, demoted);
      for (const p of demoted) {
        if (demotions.has(p)) continue;
        demotions.set(p, { quotaIndex, base, allowance, tie: ties.find((t) => t.rank === at.rank(p)) ?? null });
      }
      outcomes.push({
        quotaIndex,
        kind: quota.kind,
        tierId: quota.tierId,
        ofTierId: quota.kind === "share-of-tier" ? quota.ofTierId : null,
        group,
        base,
        allowance,
        before,
        demoted: demoted.map((p) => at.modelId(p)),
        ties,
      });
    }
  }
  return { tiers, demotedFrom, demotions, outcomes };
}

/** The ranks shared by a kept and a demoted model, and what broke each tie. */
function tiesAcross(at: QuotaSubjects, kept: readonly number[], demoted: readonly number[]): QuotaTie[] {
  const ties: QuotaTie[] = [];
  if (kept.length === 0 || demoted.length === 0) return ties;
  // Kept and demoted are in position order, so a tie spans the end of one and the start of the other.
  const last = kept[kept.length - 1] as number;
  const first = demoted[0] as number;
  const rank = at.rank(first);
  if (rank === 0 || at.rank(last) !== rank) return ties;
  ties.push({
    rank,
    kept: kept.filter((p) => at.rank(p) === rank).map((p) => at.modelId(p)),
    demoted: demoted.filter((p) => at.rank(p) === rank).map((p) => at.modelId(p)),
    brokenBy: at.registered(last) < at.registered(first) ? "registration" : "model-id",
  });
  return ties;
}

/**
 * {@link placeQuotas} for scores given as objects in position order (see {@link rankModels}).
 *
 * @example
 * // 2 scored "excellent", 6 scored "good", 20 % → allowance ⌊1.2⌋ = 1: the second is demoted.
 * applyQuotas(compiled, rankModels(scores, compiled.tieBreaks).map((p) => p.score)).outcomes[0] // { base: 6, allowance: 1, before: 2, demoted: ["m2"], ... }
 */
export function applyQuotas(
  compiled: CompiledCriteriaSet,
  ranked: readonly ModelScore[],
): { tiers: Array<string | null>; demotedFrom: Array<string | null>; outcomes: QuotaOutcome[] } {
  const { order, ranks } = rankOrder(ranked, compiled.tieBreaks);
  const rankAt = new Uint32Array(ranked.length);
  for (let p = 0; p < order.length; p++) rankAt[order[p] as number] = ranks[p] as number;
  const score = (p: number) => ranked[p] as ModelScore;
  const ids = compiled.set.tiers.map((t) => t.id);
  const { tiers, demotedFrom, outcomes } = placeQuotas(compiled, {
    count: ranked.length,
    qualified: (p) => score(p).status === "qualified",
    scoreTier: (p) => ids.indexOf(score(p).scoreTierId ?? ""),
    unitGroup: (p) => score(p).unitGroup,
    rank: (p) => rankAt[p] as number,
    registered: (p) => Date.parse(score(p).registeredAt),
    modelId: (p) => score(p).modelId,
  });
  const id = (t: number) => ids[t] ?? null;
  return { tiers: Array.from(tiers, id), demotedFrom: Array.from(demotedFrom, id), outcomes };
}
