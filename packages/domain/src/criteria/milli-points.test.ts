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
