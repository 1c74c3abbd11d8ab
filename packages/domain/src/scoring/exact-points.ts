import { decimalOf } from "../criteria/index.js";

// Fractions closer than this to a tie (a sum at .5, two equal remainders) are decided on
// exact integers instead of doubles. Doubles carry ~1e-16 relative error per operation,
// so anything farther from a tie than 1e-9 is decided the same either way.
const TIE = 1e-9;

const NUMBER = 0;
const BIG = 1;
const DOUBLE = 2;

/**
 * The exact points of a model's criteria, as whole milli-points plus a fraction in
 * [0, 1), and the one rounding rule of Lan Tỏa: **the exact total is rounded once**, half
 * up, to milli-points, and each criterion is shown rounded down or up so that the shown
 * points add up to that total — the criteria with the largest remainders (then the
 * earlier ones) are rounded up (the largest-remainder method). A criterion whose points
 * are exact is shown as it is.
 *
 * One instance is reused for every model of a round (slots 0..capacity−1): scoring
 * allocates per round, not per criterion. Doubles decide everything but near-ties,
 * which are decided on bigints.
 *
 * @example
 * const parts = new ExactPoints(7);
 * for (let i = 0; i < 7; i++) parts.setRatio(i, 50_000, 9); // 5.5555… points each
 * parts.roundOnce(7, shown, 0); // 38889; shown: [5556, 5556, 5556, 5556, 5555, 5555, 5555]
 */
export class ExactPoints {
  /** Whole milli-points of each slot. */
  readonly whole: Float64Array;
  /** The fraction of a milli-point, as a double (exact for NUMBER slots up to rounding). */
  readonly frac: Float64Array;
  private readonly kind: Uint8Array;
  private readonly num: Float64Array;
  private readonly den: Float64Array;
  private readonly big: Array<readonly [bigint, bigint] | undefined>;
  private readonly picked: Uint8Array;

  constructor(readonly capacity: number) {
    this.whole = new Float64Array(capacity);
    this.frac = new Float64Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.num = new Float64Array(capacity);
    this.den = new Float64Array(capacity);
    // Stryker disable next-line ArrayDeclaration: a slot's pair is written before it is read; filling only keeps the array's shape packed
    this.big = new Array(capacity).fill(undefined);
    this.picked = new Uint8Array(capacity);
  }

  /** Slot i holds an integer number of milli-points. */
  setWhole(i: number, milli: number): void {
    this.whole[i] = milli;
    this.frac[i] = 0;
    this.kind[i] = NUMBER;
    this.num[i] = 0;
    this.den[i] = 1;
  }

  /** Slot i holds `num ÷ den` milli-points (integers, num ≥ 0, den > 0). */
  setRatio(i: number, num: number, den: number): void {
    if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den)) {
      this.setBigRatio(i, BigInt(num), BigInt(den));
      return;
    }
    // Exact: below 2^53, num ÷ den is never within half a double's spacing of the next
    // integer (it is at least 1/den below it), so the double quotient floors to the integer one.
    const q = Math.floor(num / den);
    const r = num - q * den;
    this.whole[i] = q;
    this.frac[i] = r / den;
    this.kind[i] = NUMBER;
    this.num[i] = r;
    this.den[i] = den;
  }

  /** Slot i holds `num ÷ den` milli-points (bigints, num ≥ 0, den > 0). */
  setBigRatio(i: number, num: bigint, den: bigint): void {
    const q = num / den;
    const r = num - q * den;
    // Stryker disable next-line BlockStatement: falling through stores the same whole with a zero remainder, which no sum or comparison can tell from a whole slot
    if (r === 0n) {
      this.setWhole(i, Number(q));
      return;
    }
    // r < den ≤ 2^53, so r is a safe integer too.
    if (q <= BigInt(Number.MAX_SAFE_INTEGER) && den <= 2n ** 53n) {
      this.whole[i] = Number(q);
      this.frac[i] = Number(r) / Number(den);
      this.kind[i] = NUMBER;
      this.num[i] = Number(r);
      this.den[i] = Number(den);
      return;
    }
    this.whole[i] = Number(q);
    this.frac[i] = Number((r * 2n ** 53n) / den) / 2 ** 53;
    this.kind[i] = BIG;
    this.big[i] = [r, den];
  }

  /**
   * Slot i holds `points` (a double, ≥ 0, in points) taken as the decimal it prints as,
   * e.g. a formula's result: 2.0833333333333335 is that decimal exactly, not 25/12.
   */
  setDecimal(i: number, points: number): void {
    const scaled = points * 1000;
    // A value printed with at most three decimals is a whole number of milli-points.
    const milli = Math.round(scaled);
    if (milli / 1000 === points && Math.abs(milli) < 2 ** 52) {
      this.setWhole(i, milli);
      return;
    }
    const whole = Math.floor(scaled);
    const frac = scaled - whole;
    // (From 2^52 on every double is an integer: frac is 0 there.)
    if (frac > TIE && frac < 1 - TIE) {
      this.whole[i] = whole;
      this.frac[i] = frac;
      this.kind[i] = DOUBLE;
      this.num[i] = points;
      return;
    }
    const { mantissa, scale } = decimalOf(points);
    this.setBigRatio(i, mantissa * 1000n, 10n ** BigInt(scale));
  }

  /** Slot i takes slot j of `other`. */
  copyFrom(i: number, other: ExactPoints, j: number): void {
    this.whole[i] = other.whole[j] as number;
    this.frac[i] = other.frac[j] as number;
    this.kind[i] = other.kind[j] as number;
    this.num[i] = other.num[j] as number;
    this.den[i] = other.den[j] as number;
    this.big[i] = other.big[j];
  }

  /** Slot i's exact milli-points as a double. */
  exact(i: number): number {
    return (this.whole[i] as number) + (this.frac[i] as number);
  }

  /** The fraction of slot i as exact integers. */
  private fraction(i: number): readonly [bigint, bigint] {
    switch (this.kind[i]) {
      case NUMBER:
        return [BigInt(this.num[i] as number), BigInt(this.den[i] as number)];
      case BIG:
        return this.big[i] as readonly [bigint, bigint];
      default: {
        const { mantissa, scale } = decimalOf(this.num[i] as number);
        const den = 10n ** BigInt(scale);
        const milli = mantissa * 1000n;
        return [milli % den, den];
      }
    }
  }

  /** Whether slot a's fraction is larger than slot b's (exactly). */
  private larger(a: number, b: number): boolean {
    const fa = this.frac[a] as number;
    const fb = this.frac[b] as number;
    if (Math.abs(fa - fb) > TIE) return fa > fb;
    // Stryker disable next-line BlockStatement: the bigint comparison below gives the same answer; this only skips it
    if (this.kind[a] === NUMBER && this.kind[b] === NUMBER) {
      // Equal fractions (1/3 and 1/3) are common: compared on safe integers when the products are.
      const left = (this.num[a] as number) * (this.den[b] as number);
      const right = (this.num[b] as number) * (this.den[a] as number);
      // Stryker disable next-line LogicalOperator: a product below 2^53 and one at or above it (rounded, still ≥ 2^53) compare the same as doubles and as integers
      if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left > right;
    }
    const [na, da] = this.fraction(a);
    const [nb, db] = this.fraction(b);
    return na * db > nb * da;
  }

  /** How many milli-points the fractions of slots 0..count−1 add up to, rounded half up. */
  private units(count: number): number {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += this.frac[i] as number;
    const below = Math.floor(sum);
    if (Math.abs(sum - below - 0.5) > TIE) return Math.floor(sum + 0.5);
    let n = 0n;
    let d = 1n;
    for (let i = 0; i < count; i++) {
      if (this.frac[i] === 0 && this.kind[i] === NUMBER) continue;
      const [fn, fd] = this.fraction(i);
      n = n * fd + fn * d;
      d *= fd;
    }
    return Number((2n * n + d) / (2n * d));
  }

  /** The exact total of slots 0..count−1 rounded once (half up) to milli-points. */
  total(count: number): number {
    let total = 0;
    for (let i = 0; i < count; i++) total += this.whole[i] as number;
    return total + this.units(count);
  }

  /**
   * The exact total of slots 0..count−1 rounded once (half up) to milli-points; writes
   * each slot's shown points to `shown[offset + i]`, adding up to the total.
   */
  roundOnce(count: number, shown: Int32Array, offset: number): number {
    let total = 0;
    let nonzero = 0;
    for (let i = 0; i < count; i++) {
      const w = this.whole[i] as number;
      total += w;
      shown[offset + i] = w;
      // Stryker disable next-line UpdateOperator: a count of 0 or below only ever equals units at 0, when there is nothing to round up either way
      if ((this.frac[i] as number) > 0 || this.kind[i] !== NUMBER) nonzero++;
      this.picked[i] = 0;
    }
    let units = this.units(count);
    total += units;
    // Stryker disable next-line BlockStatement: when every fractional slot gets a unit the loop below picks them all too; this only skips it
    if (units === nonzero) {
      for (let i = 0; i < count; i++) {
        if ((this.frac[i] as number) > 0 || this.kind[i] !== NUMBER) shown[offset + i] = (this.whole[i] as number) + 1;
      }
      return total;
    }
    while (units > 0) {
      let best = -1;
      for (let i = 0; i < count; i++) {
        if (this.picked[i] === 1 || ((this.frac[i] as number) === 0 && this.kind[i] === NUMBER)) continue;
        if (best === -1 || this.larger(i, best)) best = i;
      }
      this.picked[best] = 1;
      shown[offset + best] = (this.whole[best] as number) + 1;
      units--;
    }
    return total;
  }
}
