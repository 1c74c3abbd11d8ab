/**
 * An exact decimal `coefficient × 10^exponent`. Outcome arithmetic (conversions between
 * units, roll-up sums) runs on these so "0.1 + 0.2 tỷ đồng" is exactly 300,000,000 đồng
 * and totals of money never drift, whatever the number of values summed.
 *
 * @example const tenth: ExactDecimal = { coefficient: 1n, exponent: -1 }; // 0.1
 */
export interface ExactDecimal {
  readonly coefficient: bigint;
  readonly exponent: number;
}

/** Significant digits kept when a division does not terminate (e.g. m² → sào of 360 m²). */
const DIVISION_DIGITS = 24;

const DECIMAL_PATTERN = /^(-?)(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * The exact decimal a finite JS number denotes as written (its shortest round-trip
 * representation, `String(n)`), so `0.1` is 1 × 10^-1, not the binary approximation.
 *
 * @example decimalFromNumber(2.1) // { coefficient: 21n, exponent: -1 }
 */
export function decimalFromNumber(n: number): ExactDecimal {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  return decimalFromString(String(n));
}

/**
 * Parses `-12.345`, `1e21`, `1.5e-7`. Throws on anything else (internal use only).
 *
 * @example decimalFromString("120.50") // { coefficient: 1205n, exponent: -1 }
 */
export function decimalFromString(s: string): ExactDecimal {
  const match = DECIMAL_PATTERN.exec(s.trim());
  if (match === null) throw new RangeError(`not a decimal: ${s}`);
  const [, sign = "", whole = "0", fraction = "", exp = "0"] = match;
  const coefficient = BigInt(`${sign}${whole}${fraction}`);
  return normalize({ coefficient, exponent: Number(exp) - fraction.length });
}

/** Strips trailing zeros so equal values have one representation. */
function normalize(d: ExactDecimal): ExactDecimal {
  if (d.coefficient === 0n) return { coefficient: 0n, exponent: 0 };
  let { coefficient, exponent } = d;
  while (coefficient % 10n === 0n) {
    coefficient /= 10n;
    exponent += 1;
  }
  return { coefficient, exponent };
}

/** @example addDecimals(decimalFromNumber(0.1), decimalFromNumber(0.2)) // 0.3 exactly */
export function addDecimals(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const exponent = Math.min(a.exponent, b.exponent);
  return normalize({
    coefficient:
      a.coefficient * 10n ** BigInt(a.exponent - exponent) + b.coefficient * 10n ** BigInt(b.exponent - exponent),
    exponent,
  });
}

/** @example multiplyDecimals(decimalFromNumber(2.5), decimalFromNumber(4)) // 10 */
export function multiplyDecimals(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return normalize({ coefficient: a.coefficient * b.coefficient, exponent: a.exponent + b.exponent });
}

/**
 * Divides by a positive integer: exact when the quotient terminates (always for powers
 * of ten), otherwise rounded half away from zero to {@link DIVISION_DIGITS} significant digits.
 *
 * @example divideDecimal(decimalFromNumber(3), 1000n) // 0.003
 */
export function divideDecimal(a: ExactDecimal, divisor: bigint): ExactDecimal {
  if (divisor <= 0n) throw new RangeError("divisor must be positive");
  const shift = DIVISION_DIGITS + divisor.toString().length;
  const scaled = a.coefficient * 10n ** BigInt(shift);
  let quotient = scaled / divisor;
  const remainder = scaled % divisor;
  if (remainder !== 0n && 2n * (remainder < 0n ? -remainder : remainder) >= divisor) {
    quotient += scaled < 0n ? -1n : 1n;
  }
  return normalize({ coefficient: quotient, exponent: a.exponent - shift });
}

/**
 * The nearest JS number (correctly rounded by the engine's decimal parser).
 *
 * @example decimalToNumber({ coefficient: 21n, exponent: -1 }) // 2.1
 */
export function decimalToNumber(d: ExactDecimal): number {
  return Number(`${d.coefficient}e${d.exponent}`);
}

/**
 * Plain decimal notation without exponent, e.g. `"2100000000"`, `"0.003"`, `"-1.5"`.
 *
 * @example decimalToString(decimalFromNumber(2.1e9)) // "2100000000"
 */
export function decimalToString(d: ExactDecimal): string {
  const negative = d.coefficient < 0n;
  const digits = (negative ? -d.coefficient : d.coefficient).toString();
  let out: string;
  if (d.exponent >= 0) {
    out = digits + "0".repeat(d.exponent);
  } else {
    const point = digits.length + d.exponent;
    out = point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${"0".repeat(-point)}${digits}`;
  }
  return negative ? `-${out}` : out;
}

/**
 * Whether the value has no fractional part.
 *
 * @example isWholeDecimal(decimalFromNumber(1200)) // true
 */
export function isWholeDecimal(d: ExactDecimal): boolean {
  return d.exponent >= 0;
}

/**
 * Zero.
 *
 * @example values.reduce((acc, v) => addDecimals(acc, decimalFromNumber(v)), ZERO_DECIMAL)
 */
export const ZERO_DECIMAL: ExactDecimal = { coefficient: 0n, exponent: 0 };
