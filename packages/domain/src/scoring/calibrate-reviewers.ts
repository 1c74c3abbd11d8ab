import { type CompiledCriteriaSet, toMilli } from "../criteria/index.js";
import type { ScoringSubject } from "./scoring-subject.js";

/**
 * How one reviewer's ratings of one criterion are calibrated in a round.
 *
 * @example
 * { mode: "z", count: 3, reviewerMean: 4, reviewerSd: 1.633, pooledMean: 6, pooledSd: 2.582 }
 */
export interface ReviewerCalibration {
  /** `z`: z-score mapped back with the pooled mean/sd; `shift`: mean shift only (an sd is 0); `none`: too few ratings. */
  readonly mode: "z" | "shift" | "none";
  readonly count: number;
  /** Means and standard deviations in scale units. */
  readonly reviewerMean: number;
  readonly reviewerSd: number;
  readonly pooledMean: number;
  readonly pooledSd: number;
}

// Exact sums of integers past 2^53: numbers while safe, then bigint.
class ExactSum {
  small = 0;
  big = 0n;
  add(x: number): void {
    const next = this.small + x;
    if (Number.isSafeInteger(next)) this.small = next;
    else {
      this.big += BigInt(this.small) + BigInt(x);
      this.small = 0;
    }
  }
  addBig(x: bigint): void {
    this.big += x;
  }
  get value(): bigint {
    return this.big + BigInt(this.small);
  }
}

class Moments {
  readonly s1 = new ExactSum();
  readonly s2 = new ExactSum();
  n = 0;
  add(k: number): void {
    this.n++;
    this.s1.add(k);
    // A scale of ±100,000 in steps of 0.001 has up to 2·10^8 steps: k² can pass 2^53.
    const square = k * k;
    if (Number.isSafeInteger(square)) this.s2.add(square);
    else this.s2.addBig(BigInt(k) * BigInt(k));
  }
  // Computed from exact integer sums, so the result does not depend on the order of ratings.
  stats(): { mean: number; sd: number } {
    const n = BigInt(this.n);
    const s1 = this.s1.value;
    const varianceNumerator = n * this.s2.value - s1 * s1;
    return { mean: Number(s1) / this.n, sd: Math.sqrt(Number(varianceNumerator)) / this.n };
  }
}

/**
 * Per rating criterion and verifier, how calibration treats the verifier's ratings in a
 * round (empty when the set does not enable it). Statistics are taken over verifiers'
 * valid ratings only, in step units, from exact integer sums, so they do not depend on
 * the order of ratings; a reviewer with fewer than `minRatingsPerReviewer` ratings of a
 * criterion is not calibrated on it (`mode: "none"`).
 *
 * @example
 * calibrateReviewers(compiled, subjects).get("novelty")?.get("r1")?.mode // "z"
 */
export function calibrateReviewers(
  compiled: CompiledCriteriaSet,
  subjects: readonly ScoringSubject[],
): Map<string, Map<string, ReviewerCalibration>> {
  const calibration = new Map<string, Map<string, ReviewerCalibration>>();
  const config = compiled.set.aggregation.calibration;
  if (config.enabled) {
    for (const c of compiled.scored) {
      const scale = c.scale;
      if (c.criterion.kind !== "rating" || scale === undefined) continue;
      const id = c.criterion.id;
      const pooled = new Moments();
      const byReviewer = new Map<string, Moments>();
      for (const s of subjects) {
        for (const card of s.scorecards) {
          if (card.role === "self" || !Object.hasOwn(card.scores, id)) continue;
          const milli = toMilli(card.scores[id] as number);
          if (milli === null) continue;
          const offset = milli - scale.minMilli;
          if (milli > scale.maxMilli || offset < 0 || offset % scale.stepMilli !== 0) continue;
          const k = offset / scale.stepMilli;
          pooled.add(k);
          let m = byReviewer.get(card.reviewerId);
          if (m === undefined) {
            m = new Moments();
            byReviewer.set(card.reviewerId, m);
          }
          m.add(k);
        }
      }
      if (pooled.n === 0) continue;
      const p = pooled.stats();
      const step = scale.stepMilli / 1000;
      const min = scale.minMilli / 1000;
      const perReviewer = new Map<string, ReviewerCalibration>();
      for (const [reviewerId, m] of byReviewer) {
        const r = m.stats();
        const mode = m.n < config.minRatingsPerReviewer ? "none" : r.sd === 0 || p.sd === 0 ? "shift" : "z";
        perReviewer.set(reviewerId, {
          mode,
          count: m.n,
          reviewerMean: min + r.mean * step,
          reviewerSd: r.sd * step,
          pooledMean: min + p.mean * step,
          pooledSd: p.sd * step,
        });
      }
      calibration.set(id, perReviewer);
    }
  }
  return calibration;
}
