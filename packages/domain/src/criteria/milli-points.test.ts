import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decimalOf,
  divideRoundHalfUp,
  formatMilli,
  mulDivRoundHalfUp,
  roundToMilli,
  scaleDecimalRatio,
  toMilli,
} from "./milli-points.js";

describe("milli-points", () => {
  it.each([
    [16.5, 16500],
    [0.1, 100],
    [0.001, 1],
    [0.0001, null],
    [1e300, null],
    [Number.NaN, null],
  ])("toMilli(%d) = %s", (x, expected) => expect(toMilli(x)).toBe(expected));

  it("rounds half up (ties away from zero), exactly", () => {
    expect([
      divideRoundHalfUp(5, 2),
      divideRoundHalfUp(7, 2),
      divideRoundHalfUp(-5, 2),
      divideRoundHalfUp(50, 3),
    ]).toEqual([3, 4, -3, 17]);
    expect(divideRoundHalfUp(10n ** 20n + 5n, 10n)).toBe(10 ** 19 + 1);
    expect(mulDivRoundHalfUp(20_000, 25_000, 30_000)).toBe(16_667);
    expect(mulDivRoundHalfUp(2 ** 40, 2 ** 20, 2 ** 30)).toBe(2 ** 30);
  });

  it("takes numbers as the decimals they print as", () => {
    expect(decimalOf(0.95)).toEqual({ mantissa: 95n, scale: 2 });
    expect(decimalOf(1.5e-7)).toEqual({ mantissa: 15n, scale: 8 });
    expect(decimalOf(2.1e21)).toEqual({ mantissa: 2_100_000_000_000_000_000_000n, scale: 0 });
    expect(roundToMilli(16.6665)).toBe(16_667);
    expect(roundToMilli(-0.0005)).toBe(-1);
    expect(scaleDecimalRatio(20_000, 0.95, 0, 1)).toBe(19_000);
    expect(scaleDecimalRatio(15_000, 2, 4, 0)).toBe(7_500);
    expect(formatMilli(16_667)).toBe("16.667");
    expect(formatMilli(-1_050)).toBe("-1.05");
  });

  it("agrees with exact rational rounding on random integers", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        (n, d) => {
          const twice = (2n * (n < 0n ? -n : n) + d) / (2n * d);
          expect(divideRoundHalfUp(n, d)).toBe(Number(n < 0n ? -twice : twice));
        },
      ),
    );
  });
});

describe("milli-points at their edges", () => {
  it("takes a value within rounding noise of a milli-unit, not one a hair beyond", () => {
    expect(toMilli(0.1 + 0.2)).toBe(300);
    expect(toMilli(1.0005)).toBeNull();
    expect(toMilli(-2.5)).toBe(-2500);
    expect(toMilli(Number.POSITIVE_INFINITY)).toBeNull();
    expect(toMilli(9_007_199_254_741)).toBeNull();
    expect(toMilli(9_007_199_254_740)).toBe(9_007_199_254_740_000);
  });

  it("formats whole, fractional and negative milli-units", () => {
    expect([
      formatMilli(0),
      formatMilli(5),
      formatMilli(50),
      formatMilli(1_000),
      formatMilli(-5),
      formatMilli(12_340),
    ]).toEqual(["0", "0.005", "0.05", "1", "-0.005", "12.34"]);
  });

  it("rounds exact halves away from zero, on numbers and on bigints", () => {
    expect([
      divideRoundHalfUp(1, 2),
      divideRoundHalfUp(-1, 2),
      divideRoundHalfUp(1, 3),
      divideRoundHalfUp(2, 3),
    ]).toEqual([1, -1, 0, 1]);
    expect([
      divideRoundHalfUp(-1n, 2n),
      divideRoundHalfUp(-5n, 3n),
      divideRoundHalfUp(5n, 3n),
      divideRoundHalfUp(4n, 3n),
    ]).toEqual([-1, -2, 2, 1]);
    expect(mulDivRoundHalfUp(3, 1, 2)).toBe(2);
    expect(mulDivRoundHalfUp(2 ** 52, 3, 2 ** 51)).toBe(6);
  });

  it("rounds a real number as the decimal it prints as, fast or exact", () => {
    expect([
      roundToMilli(2),
      roundToMilli(0.0004),
      roundToMilli(0.0005),
      roundToMilli(-0.0004),
      roundToMilli(1.2345),
    ]).toEqual([2_000, 0, 1, 0, 1_235]);
    expect(roundToMilli(-1.2345)).toBe(-1_235);
    expect(roundToMilli(123_456_789.0005)).toBe(123_456_789_001);
    expect(Object.is(roundToMilli(-0.0001), 0)).toBe(true);
  });

  it("scales exact decimal ratios whichever way the range runs", () => {
    expect(scaleDecimalRatio(10_000, 1, 0, 3)).toBe(3_333);
    expect(scaleDecimalRatio(10_000, 2, 0, 3)).toBe(6_667);
    expect(scaleDecimalRatio(10_000, 0.3, 0.1, 0.5)).toBe(5_000);
    expect(scaleDecimalRatio(10_000, 1, 3, 0)).toBe(6_667);
    expect(scaleDecimalRatio(10_000, 5, 0, 4)).toBe(12_500);
  });

  it("reads decimals written with exponents and signs", () => {
    expect(decimalOf(-0.5)).toEqual({ mantissa: -5n, scale: 1 });
    expect(decimalOf(1e-7)).toEqual({ mantissa: 1n, scale: 7 });
    expect(decimalOf(123)).toEqual({ mantissa: 123n, scale: 0 });
    expect(decimalOf(1.5e3)).toEqual({ mantissa: 1500n, scale: 0 });
  });
});

describe("milli-points where floating point drifts", () => {
  it("takes a large value whose product by 1000 misses the integer by a rounding error", () => {
    // 1048578.86 × 1000 is 1048578860.0000001 in binary: the tolerance grows with the value.
    expect(1_048_578.86 * 1000 === 1_048_578_860).toBe(false);
    expect(toMilli(1_048_578.86)).toBe(1_048_578_860);
  });

  it("rounds a real number above 2^52 milli-units as the decimal it prints as", () => {
    // 4600000000000.0625 is exact in binary, but × 1000 the float rounds to …062 (ties to
    // even); the decimal …062.5 rounds half up to …063.
    expect(4_600_000_000_000.0625 * 1000).toBe(4_600_000_000_000_062);
    expect(roundToMilli(4_600_000_000_000.0625)).toBe(4_600_000_000_000_063);
  });

  it("divides a number by a bigint and a bigint by a number", () => {
    expect([divideRoundHalfUp(5, 2n), divideRoundHalfUp(5n, 2), divideRoundHalfUp(-7n, 2)]).toEqual([3, 3, -4]);
  });

  it("gives zero, not minus zero, for zero over anything", () => {
    expect(Object.is(divideRoundHalfUp(0, 7), 0)).toBe(true);
  });

  it("multiplies beyond 2^53 in exact integers, where the float product would round", () => {
    // (2^52 + 1) × 3 = 13510798882111491 is odd and above 2^53: as a float it becomes …492,
    // and …492 / 8 = …936.5 would round up. Exactly it is …936.375, rounded down.
    const [a, b, c] = [2 ** 52 + 1, 3, 8];
    const exact = (2n * BigInt(a) * BigInt(b) + BigInt(c)) / (2n * BigInt(c));
    expect(exact).toBe(1_688_849_860_263_936n);
    expect(mulDivRoundHalfUp(a, b, c)).toBe(1_688_849_860_263_936);
  });
});
