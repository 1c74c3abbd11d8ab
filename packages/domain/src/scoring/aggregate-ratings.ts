import type { AggregationMethod } from "../criteria/index.js";

/**
 * An exact ratio of integers, `numerator / denominator`, with `denominator > 0`.
 *
 * @example
 * { numerator: 78000, denominator: 3 } // 26 on the scale
 */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * Combines reviewers' ratings (integer milli-units, **sorted ascending**, at least one)
 * exactly: `mean` = sum ÷ n; `median` = the middle one, or the two middle ones ÷ 2;
 * `trimmed-mean` drops ⌊n × trimFraction⌋ at each end and averages the rest.
 * Sorting first is what makes the result independent of reviewer order.
 *
 * @example
 * aggregateRatings([24_000, 25_000, 29_000], { kind: "mean" }) // { numerator: 78000, denominator: 3 }
 * aggregateRatings([24_000, 25_000, 29_000], { kind: "trimmed-mean", trimFraction: 0.34 }) // { numerator: 25000, denominator: 1 }
 */
export function aggregateRatings(sorted: readonly number[], method: AggregationMethod): Ratio {
  const n = sorted.length;
  return { numerator: aggregateNumerator(sorted, n, method), denominator: aggregateDenominator(n, method) };
}

/**
 * The numerator of {@link aggregateRatings} over the first `n` of `sorted`, without
 * allocating the ratio (the round hot path reuses one buffer for every criterion).
 *
 * @example
 * aggregateNumerator([24_000, 25_000, 29_000], 3, { kind: "median" }) // 25000
 */
export function aggregateNumerator(sorted: readonly number[], n: number, method: AggregationMethod): number {
  switch (method.kind) {
    case "mean": {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += sorted[i] as number;
      return sum;
    }
    case "median": {
      const mid = n >> 1;
      return n % 2 === 1 ? (sorted[mid] as number) : (sorted[mid - 1] as number) + (sorted[mid] as number);
    }
    case "trimmed-mean": {
      const k = Math.floor(n * method.trimFraction);
      let sum = 0;
      for (let i = k; i < n - k; i++) sum += sorted[i] as number;
      return sum;
    }
    default: {
      const never: never = method;
      throw new Error(`unknown aggregation ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The denominator of {@link aggregateRatings} for `n` ratings: it depends on their number only.
 *
 * @example
 * aggregateDenominator(4, { kind: "median" }) // 2
 */
export function aggregateDenominator(n: number, method: AggregationMethod): number {
  switch (method.kind) {
    case "mean":
      return n;
    case "median":
      return n % 2 === 1 ? 1 : 2;
    case "trimmed-mean":
      return n - 2 * Math.floor(n * method.trimFraction);
    default: {
      const never: never = method;
      throw new Error(`unknown aggregation ${JSON.stringify(never)}`);
    }
  }
}
