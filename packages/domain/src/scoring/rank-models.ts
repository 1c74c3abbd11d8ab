import type { ModelScore } from "./model-score.js";

/**
 * A model's place in a round.
 *
 * @example
 * { score, rank: 3, position: 4 } // tied on merit with position 3, registered later
 */
export interface Placement {
  readonly score: ModelScore;
  /**
   * Competition rank ("1224") by total, then the configured tie-break criteria; models
   * still equal share a rank. Null for disqualified models.
   */
  readonly rank: number | null;
  /** 1-based position in the total order: qualified models first, then disqualified. */
  readonly position: number;
}

// scoreRound validates registration times; an unparseable one sorts after all others.
function epochOrLast(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/**
 * Orders a round's scores totally and ranks them. Order: total (higher first), each
 * configured tie-break criterion (by its direction), then earlier registration, then
 * model id (code-unit order) — the last key makes the order total and deterministic.
 * Registration time and id order the list but never split a shared `rank`: they are
 * not merit.
 *
 * @example
 * rankModels(scores, [{ index: 1, direction: "desc" }]).map((p) => p.rank) // [1, 2, 2, 4]
 */
export function rankModels(
  scores: readonly ModelScore[],
  tieBreaks: ReadonlyArray<{ readonly index: number; readonly direction: "asc" | "desc" }>,
): Placement[] {
  const { order, ranks } = rankOrder(scores, tieBreaks);
  const placements: Placement[] = new Array(order.length);
  for (let p = 0; p < order.length; p++) {
    const rank = ranks[p] as number;
    placements[p] = {
      score: scores[order[p] as number] as ModelScore,
      rank: rank === 0 ? null : rank,
      position: p + 1,
    };
  }
  return placements;
}

/**
 * {@link rankModels} as arrays: `order[p]` is the index in `scores` of the model at
 * position p + 1, `ranks[p]` its rank (0 when disqualified). No per-model objects.
 *
 * @example
 * rankOrder(scores, []).order // Uint32Array [2, 0, 1]
 */
export function rankOrder(
  scores: readonly ModelScore[],
  tieBreaks: ReadonlyArray<{ readonly index: number; readonly direction: "asc" | "desc" }>,
): { order: Uint32Array; ranks: Uint32Array } {
  // Keys in typed arrays and an index sort: no per-model objects while sorting.
  const n = scores.length;
  const k = tieBreaks.length;
  const disqualified = new Uint8Array(n);
  const total = new Float64Array(n);
  const breaks = new Float64Array(n * k);
  const registered = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const score = scores[i] as ModelScore;
    disqualified[i] = score.status === "qualified" ? 0 : 1;
    total[i] = score.totalMilli;
    for (let t = 0; t < k; t++) {
      const tb = tieBreaks[t] as { index: number; direction: "asc" | "desc" };
      const points = score.points[tb.index] ?? 0;
      breaks[i * k + t] = tb.direction === "desc" ? -points : points;
    }
    registered[i] = epochOrLast(score.registeredAt);
  }
  const merit = (a: number, b: number): number => {
    if (disqualified[a] !== disqualified[b]) return (disqualified[a] as number) - (disqualified[b] as number);
    if (total[a] !== total[b]) return (total[b] as number) - (total[a] as number);
    for (let t = 0; t < k; t++) {
      const d = (breaks[a * k + t] as number) - (breaks[b * k + t] as number);
      if (d !== 0) return d;
    }
    return 0;
  };
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    const m = merit(a, b);
    if (m !== 0) return m;
    if (registered[a] !== registered[b]) return (registered[a] as number) < (registered[b] as number) ? -1 : 1;
    const ia = (scores[a] as ModelScore).modelId;
    const ib = (scores[b] as ModelScore).modelId;
    return ia < ib ? -1 : ia > ib ? 1 : a - b;
  });
  const ranks = new Uint32Array(n);
  let rank = 0;
  for (let p = 0; p < n; p++) {
    const i = order[p] as number;
    if (p === 0 || merit(order[p - 1] as number, i) !== 0) rank = p + 1;
    ranks[p] = disqualified[i] === 0 ? rank : 0;
  }
  return { order, ranks };
}
