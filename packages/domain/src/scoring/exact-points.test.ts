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
