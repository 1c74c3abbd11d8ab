import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExactPoints } from "./exact-points.js";

/** The shown points of slots set by `fill`, and the total. */
function round(count: number, fill: (parts: ExactPoints) => void): { total: number; shown: number[] } {
  const parts = new ExactPoints(count);
  fill(parts);
  const shown = new Int32Array(count);
  const total = parts.roundOnce(count, shown, 0);
  return { total, shown: Array.from(shown) };
}

describe("ExactPoints: the exact total rounded once, shown points adding up to it", () => {
  it("rounds 7 × 50/9 to 38889 and gives the four units to the first four slots", () => {
    const r = round(7, (p) => {
      for (let i = 0; i < 7; i++) p.setRatio(i, 50_000, 9);
    });
    expect(r).toEqual({ total: 38_889, shown: [5556, 5556, 5556, 5556, 5555, 5555, 5555] });
  });

  it("rounds a total of exactly half a milli-point up, on exact integers", () => {
    // 1/4 + 1/4 = 1/2 exactly: doubles sit on the tie, integers decide it (half up).
    const r = round(2, (p) => {
      p.setRatio(0, 1, 4);
      p.setRatio(1, 1, 4);
    });
    expect(r).toEqual({ total: 1, shown: [1, 0] });
  });

  it("rounds just below a half down, even when doubles cannot tell", () => {
    // 1/3 + 1/6 − 1/(6·10^12) is below 1/2 by far less than a double's resolution of the sum.
    const r = round(2, (p) => {
      p.setRatio(0, 1, 3);
      p.setBigRatio(1, 10n ** 12n - 1n, 6n * 10n ** 12n);
    });
    expect(r.total).toBe(0);
  });

  it("gives a unit to the largest remainder, then the earlier slot on equal ones", () => {
    expect(
      round(3, (p) => {
        p.setRatio(0, 1, 3);
        p.setRatio(1, 2, 3);
        p.setWhole(2, 7);
      }),
    ).toEqual({ total: 8, shown: [0, 1, 7] });
    expect(
      round(3, (p) => {
        p.setRatio(0, 2, 4);
        p.setRatio(1, 1, 2);
        p.setRatio(2, 1, 2);
      }).shown,
    ).toEqual([1, 1, 0]);
  });

  it("compares equal-looking remainders exactly", () => {
    // 1/3 vs 333333333333/10^12: equal as doubles to ~1e-12, but 1/3 is larger.
    const r = round(2, (p) => {
      p.setBigRatio(0, 333_333_333_333n, 10n ** 12n);
      p.setRatio(1, 1, 3);
    });
    expect(r).toEqual({ total: 1, shown: [0, 1] });
  });

  it("never rounds up a slot that is exact", () => {
    const r = round(3, (p) => {
      p.setWhole(0, 10);
      p.setRatio(1, 5, 2);
      p.setRatio(2, 5, 2);
    });
    expect(r).toEqual({ total: 15, shown: [10, 3, 2] });
  });

  it("takes a decimal as printed: 2.0833333333333335 points is that decimal, not 25/12", () => {
    const parts = new ExactPoints(1);
    parts.setDecimal(0, 2.0833333333333335);
    expect(parts.exact(0)).toBeCloseTo(2083.3333333333335, 9);
    expect(parts.total(1)).toBe(2083);
    parts.setDecimal(0, 16.6665);
    expect(parts.total(1)).toBe(16_667); // the printed decimal's tie, half up; Math.round(16.6665 × 1000) gives 16666
    parts.setDecimal(0, 12.5);
    expect([parts.whole[0], parts.frac[0]]).toEqual([12_500, 0]);
  });

  it("handles ratios beyond 2^53", () => {
    const parts = new ExactPoints(1);
    parts.setRatio(0, 2 ** 60, 3);
    expect(parts.total(1)).toBe(Math.round(2 ** 60 / 3));
    parts.setBigRatio(0, 10n ** 30n + 1n, 10n ** 20n);
    expect(parts.total(1)).toBe(10_000_000_000);
  });

  it("copies a slot from another instance", () => {
    const a = new ExactPoints(1);
    a.setRatio(0, 7, 2);
    const b = new ExactPoints(2);
    b.copyFrom(1, a, 0);
    b.setWhole(0, 1);
    expect(b.total(2)).toBe(5);
  });

  it("always shows floor or ceiling of each exact value, adding up to the rounded exact sum", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 10 ** 9 }), fc.integer({ min: 1, max: 10 ** 6 })), {
          minLength: 1,
          maxLength: 12,
        }),
        (ratios) => {
          const r = round(ratios.length, (p) => {
            for (const [i, [n, d]] of ratios.entries()) p.setRatio(i, n, d);
          });
          // The exact sum, on bigints: Σ n/d = N/D, rounded half up.
          let N = 0n;
          let D = 1n;
          for (const [n, d] of ratios) {
            N = N * BigInt(d) + BigInt(n) * D;
            D *= BigInt(d);
          }
          expect(r.total).toBe(Number((2n * N + D) / (2n * D)));
          expect(r.shown.reduce((a, b) => a + b, 0)).toBe(r.total);
          ratios.forEach(([n, d], i) => {
            expect([Math.floor(n / d), Math.ceil(n / d)]).toContain(r.shown[i]);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** The exact sum of `num ÷ den` ratios rounded half up, on bigints. */
function roundedSum(ratios: ReadonlyArray<readonly [bigint, bigint]>): number {
  let n = 0n;
  let d = 1n;
  for (const [rn, rd] of ratios) {
    n = n * rd + rn * d;
    d *= rd;
  }
  return Number((2n * n + d) / (2n * d));
}

describe("ExactPoints: ratios stored exactly", () => {
  it("splits a safe ratio into the integer quotient and remainder, even next to 2^53", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 20 }),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        (below, den) => {
          const num = Number.MAX_SAFE_INTEGER - below;
          const parts = new ExactPoints(1);
          parts.setRatio(0, num, den);
          expect(parts.whole[0]).toBe(Number(BigInt(num) / BigInt(den)));
          expect(parts.frac[0]).toBe(Number(BigInt(num) % BigInt(den)) / den);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("splits a numerator beyond 2^53 on bigints", () => {
    // 2^60 = 3 · 384307168202282325 + 1; doubles make 2^60 / 3 a whole number.
    const parts = new ExactPoints(1);
    parts.setRatio(0, 2 ** 60, 3);
    expect(parts.whole[0]).toBe(Number(2n ** 60n / 3n));
    expect(parts.frac[0]).toBeCloseTo(1 / 3, 15);
  });

  it("stores a ratio of small bigints as setRatio stores it", () => {
    const parts = new ExactPoints(1);
    parts.setBigRatio(0, 7n, 3n);
    expect([parts.whole[0], parts.frac[0], parts.exact(0)]).toEqual([2, 1 / 3, 7 / 3]);
  });

  it("keeps a quotient of exactly 2^53 − 1 with its remainder as a double ratio", () => {
    const parts = new ExactPoints(1);
    parts.setBigRatio(0, BigInt(Number.MAX_SAFE_INTEGER) * 3n + 1n, 3n);
    expect([parts.whole[0], parts.frac[0]]).toEqual([Number.MAX_SAFE_INTEGER, 1 / 3]);
  });
});

describe("ExactPoints: remainders compared exactly", () => {
  it("tells apart denominators beyond 2^53 that round to the same double", () => {
    const r = 2n ** 53n - 2n;
    const [smallerDen, largerDen] = [3n * 2n ** 53n - 5n, 3n * 2n ** 53n - 3n];
    expect(Number(smallerDen)).toBe(Number(largerDen));
    const parts = new ExactPoints(2);
    parts.setBigRatio(0, r, largerDen);
    parts.setBigRatio(1, r, smallerDen);
    const shown = new Int32Array(2);
    expect(parts.roundOnce(2, shown, 0)).toBe(1);
    expect(Array.from(shown)).toEqual([0, 1]);
  });

  it("gives the unit to a huge-denominator remainder larger than 1/3 though its double is smaller", () => {
    // (10^30 + 1) / (3 · 10^30) = 1/3 + 1/(3 · 10^30); its double is truncated below 1/3's.
    const parts = new ExactPoints(2);
    parts.setRatio(0, 1, 3);
    parts.setBigRatio(1, 10n ** 30n + 1n, 3n * 10n ** 30n);
    expect(parts.frac[1]).toBeLessThan(parts.frac[0] as number);
    const shown = new Int32Array(2);
    expect(parts.roundOnce(2, shown, 0)).toBe(1);
    expect(Array.from(shown)).toEqual([0, 1]);
  });

  it("gives the unit to the earlier of a 1/3 and a huge-denominator 1/3", () => {
    const shown = new Int32Array(2);
    const parts = new ExactPoints(2);
    parts.setRatio(0, 1, 3);
    parts.setBigRatio(1, 10n ** 20n, 3n * 10n ** 20n);
    expect(parts.roundOnce(2, shown, 0)).toBe(1);
    expect(Array.from(shown)).toEqual([1, 0]);
  });

  it("gives the unit to the earlier of a huge-denominator 1/3 and a 1/3", () => {
    const shown = new Int32Array(2);
    const parts = new ExactPoints(2);
    parts.setBigRatio(0, 10n ** 20n, 3n * 10n ** 20n);
    parts.setRatio(1, 1, 3);
    expect(parts.roundOnce(2, shown, 0)).toBe(1);
    expect(Array.from(shown)).toEqual([1, 0]);
  });

  it("compares a huge-denominator remainder exactly in a slot that held a ratio before", () => {
    // The instance is reused from model to model: slot 0 held 1/4 before its big ratio.
    const parts = new ExactPoints(2);
    parts.setRatio(0, 1, 4);
    parts.setBigRatio(0, 10n ** 30n + 1n, 3n * 10n ** 30n);
    parts.setRatio(1, 1, 3);
    const shown = new Int32Array(2);
    expect(parts.roundOnce(2, shown, 0)).toBe(1);
    expect(Array.from(shown)).toEqual([1, 0]);
  });

  it("gives the unit to 3·10^8/(9·10^8 − 1), larger than 1/3 by less than 1e-9", () => {
    const parts = new ExactPoints(2);
    parts.setRatio(0, 1, 3);
    parts.setRatio(1, 3e8, 9e8 - 1);
    const shown = new Int32Array(2);
    expect(parts.roundOnce(2, shown, 0)).toBe(1);
    expect(Array.from(shown)).toEqual([0, 1]);
  });

  it("compares remainders whose cross products are beyond 2^53 on bigints", () => {
    // (k+1)/(3k+4) − k/(3k+1) = 1/((3k+4)(3k+1)): cross products ~3·10^18 that differ by one.
    const k = 1e9;
    const parts = new ExactPoints(2);
    parts.setRatio(0, k, 3 * k + 1);
    parts.setRatio(1, k + 1, 3 * k + 4);
    const shown = new Int32Array(2);
    expect(parts.roundOnce(2, shown, 0)).toBe(1);
    expect(Array.from(shown)).toEqual([0, 1]);
  });
});

describe("ExactPoints: the total of the fractions", () => {
  it("rounds a sum of exactly 3/2 up though its doubles add up below it", () => {
    const ratios: Array<readonly [bigint, bigint]> = [
      [10n ** 20n, 3n * 10n ** 20n],
      [10n ** 20n, 3n * 10n ** 20n],
      [5n * 10n ** 20n, 6n * 10n ** 20n],
    ];
    const parts = new ExactPoints(3);
    for (const [i, [n, d]] of ratios.entries()) parts.setBigRatio(i, n, d);
    expect(parts.total(3)).toBe(roundedSum(ratios));
    expect(parts.total(3)).toBe(2);
  });

  it("counts a remainder too small for its double (below 2^-53) in the exact sum", () => {
    // k/(2k+1) + 1/(2(2k+1)) = 1/2 exactly: half up.
    const k = 3_000_000_000_000_000n;
    const parts = new ExactPoints(2);
    parts.setRatio(0, Number(k), Number(2n * k + 1n));
    parts.setBigRatio(1, 1n, 2n * (2n * k + 1n));
    expect(parts.frac[1]).toBe(0);
    const shown = new Int32Array(2);
    expect(parts.roundOnce(2, shown, 0)).toBe(1);
    expect(Array.from(shown)).toEqual([1, 0]);
  });

  it("adds up only the first `count` slots", () => {
    const parts = new ExactPoints(2);
    parts.setRatio(0, 3, 10);
    parts.setRatio(1, 6, 10);
    expect(parts.total(1)).toBe(0);
  });

  it("writes only the first `count` shown points", () => {
    const parts = new ExactPoints(2);
    parts.setRatio(0, 6, 10);
    parts.setRatio(1, 13, 10);
    const shown = Int32Array.from([0, 99]);
    expect(parts.roundOnce(1, shown, 0)).toBe(1);
    expect(Array.from(shown)).toEqual([1, 99]);
  });

  it("rounds a ratio's total half up", () => {
    const parts = new ExactPoints(1);
    parts.setRatio(0, 7, 2);
    expect(parts.total(1)).toBe(4);
  });
});

describe("ExactPoints: decimals taken as printed", () => {
  it("keeps a decimal's fraction below 1e-9 of a milli-point", () => {
    // 1.0000000000001 points = 1000.0000000001 milli-points; with 0.4999999999 the sum is 1/2.
    const parts = new ExactPoints(2);
    parts.setDecimal(0, 1.0000000000001);
    parts.setRatio(1, 4_999_999_999, 10 ** 10);
    expect(parts.whole[0]).toBe(1000);
    expect(parts.total(2)).toBe(1001);
  });

  it("takes a decimal beyond 2^52 milli-points as printed, not as its double product", () => {
    // 17638411340842.543 points × 1000 rounds to 17638411340842542 as a double; the decimal's
    // milli-points, 17638411340842543, are nearest to the double 17638411340842544.
    const parts = new ExactPoints(1);
    parts.setDecimal(0, 17_638_411_340_842.543);
    expect(parts.whole[0]).toBe(Number(17_638_411_340_842_543n));
    expect(parts.whole[0]).not.toBe(Math.round(17_638_411_340_842.543 * 1000));
  });

  it("takes a decimal of whole milli-points as whole where its double product falls short", () => {
    // 534063.036 × 1000 is 534063035.99999994 as a double; with 0.50000006 the total is 534063037.
    expect(534_063.036 * 1000).toBeLessThan(534_063_036);
    const parts = new ExactPoints(2);
    parts.setDecimal(0, 534_063.036);
    parts.setRatio(1, 500_000_060, 10 ** 9);
    expect([parts.whole[0], parts.frac[0]]).toEqual([534_063_036, 0]);
    expect(parts.total(2)).toBe(534_063_037);
  });

  it("floors a decimal just below a milli-point whose double product is whole", () => {
    // 13.241999999999999 × 1000 is 13242 as a double; the decimal is 13241.999999999999.
    expect(13.241999999999999 * 1000).toBe(13_242);
    const parts = new ExactPoints(1);
    parts.setDecimal(0, 13.241999999999999);
    expect(parts.whole[0]).toBe(13_241);
    expect(parts.total(1)).toBe(13_242);
  });
});
