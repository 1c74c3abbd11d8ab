/**
 * Exact arithmetic for scores. Every point value in a result is an integer count of
 * milli-points (1 point = 1000 milli-points), so totals are integer sums with no float
 * drift. Rounding rule: **half up** (ties away from zero), applied **once per
 * criterion**, when its exact value (a ratio of integers) becomes milli-points.
 */

/** Milli-units per unit. @example MILLI // 1000 */
export const MILLI = 1000;

/**
 * Converts a decimal with at most three fractional digits to integer milli-units;
 * `null` if it has more digits or is not a safe integer once scaled.
 *
 * @example
 * toMilli(16.5) // 16500
 * toMilli(0.0001) // null
 */
export function toMilli(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  const scaled = Math.round(value * MILLI);
  if (!Number.isSafeInteger(scaled)) return null;
  return Math.abs(value * MILLI - scaled) <= 1e-7 * Math.max(1, Math.abs(scaled)) ? scaled : null;
}

/**
 * Formats milli-units as a plain decimal with up to three fractional digits.
 *
 * @example
 * formatMilli(16667) // "16.667"
 * formatMilli(20000) // "20"
 */
export function formatMilli(milli: number): string {
  const sign = milli < 0 ? "-" : "";
  const abs = Math.abs(milli);
  const whole = Math.trunc(abs / MILLI);
  const frac = abs % MILLI;
  return frac === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(frac).padStart(3, "0").replace(/0+$/, "")}`;
}

/**
 * `numerator / denominator` rounded half up (ties away from zero); both integers,
 * `denominator > 0`. Uses numbers while exact, bigint beyond 2^53.
 *
 * @example
 * divideRoundHalfUp(50, 3) // 17
 * divideRoundHalfUp(5, 2) // 3
 * divideRoundHalfUp(-5, 2) // -3
 */
export function divideRoundHalfUp(numerator: number | bigint, denominator: number | bigint): number {
  if (typeof numerator === "number" && typeof denominator === "number") {
    const sign = numerator < 0 ? -1 : 1;
    const n = Math.abs(numerator);
    const r = n % denominator;
    const q = (n - r) / denominator;
    return sign * (2 * r >= denominator ? q + 1 : q);
  }
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = abs / d;
  const rounded = 2n * (abs % d) >= d ? q + 1n : q;
  return Number(negative ? -rounded : rounded);
}

/**
 * `a × b / c` on integers rounded half up, exact even when `a × b` exceeds 2^53.
 *
 * @example
 * mulDivRoundHalfUp(20_000, 25_000, 30_000) // 16667 (20 points × 25/30)
 */
export function mulDivRoundHalfUp(a: number, b: number, c: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product) && Number.isSafeInteger(c)) return divideRoundHalfUp(product, c);
  return divideRoundHalfUp(BigInt(a) * BigInt(b), BigInt(c));
}

/**
 * The exact decimal a JS number prints as, as `mantissa / 10^scale` (scale ≥ 0).
 * `0.1` is taken as one tenth — what the user typed — not the nearest binary double.
 *
 * @example
 * decimalOf(0.95) // { mantissa: 95n, scale: 2 }
 * decimalOf(2.1e9) // { mantissa: 2100000000n, scale: 0 }
 */
export function decimalOf(value: number): { mantissa: bigint; scale: number } {
  const text = String(value);
  const [digits = "0", exponentText] = text.toLowerCase().split("e");
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  const negative = digits.startsWith("-");
  const unsigned = negative ? digits.slice(1) : digits;
  const [whole = "0", fraction = ""] = unsigned.split(".");
  let mantissa = BigInt(whole + fraction);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    mantissa *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { mantissa: negative ? -mantissa : mantissa, scale };
}

/**
 * Rounds a number, taken as the decimal it prints as, to milli-units half up.
 * Used where a value is inherently real (formula results, calibrated ratings).
 *
 * @example
 * roundToMilli(16.6665) // 16667 (whereas Math.round(16.6665 * 1000) gives 16666)
 */
export function roundToMilli(value: number): number {
  if (Number.isInteger(value) && Number.isSafeInteger(value * MILLI)) return value * MILLI;
  // Fast path: below 10^6 the product is accurate to ~1e-7, so unless it sits within
  // 1e-6 of a tie, rounding the binary product agrees with rounding the printed decimal.
  if (Math.abs(value) < 1e6) {
    const scaled = value * MILLI;
    const floor = Math.floor(scaled);
    const fraction = scaled - floor;
    if (Math.abs(fraction - 0.5) > 1e-6) {
      const nearest = fraction > 0.5 ? floor + 1 : floor;
      return nearest === 0 ? 0 : nearest;
    }
  }
  const { mantissa, scale } = decimalOf(value);
  return divideRoundHalfUp(mantissa * BigInt(MILLI), 10n ** BigInt(scale));
}

/**
 * `points × (value − from) / (to − from)` on decimals, exactly, rounded half up to
 * milli-points. Callers clamp the ratio themselves.
 *
 * @example
 * scaleDecimalRatio(20_000, 0.95, 0, 1) // 19000
 */
export function scaleDecimalRatio(pointsMilli: number, value: number, from: number, to: number): number {
  const v = decimalOf(value);
  const f = decimalOf(from);
  const t = decimalOf(to);
  const scale = Math.max(v.scale, f.scale, t.scale);
  const lift = (d: { mantissa: bigint; scale: number }) => d.mantissa * 10n ** BigInt(scale - d.scale);
  const lv = lift(v);
  const lf = lift(f);
  const lt = lift(t);
  let numerator = BigInt(pointsMilli) * (lv - lf);
  let denominator = lt - lf;
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  return divideRoundHalfUp(numerator, denominator);
}
