import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../test-support/property-runs.js";
import { unwrap } from "../test-support/unwrap.js";
import { convertQuantity } from "./convert-quantity.js";
import { findUnitOfMeasure } from "./find-unit-of-measure.js";
import { defaultUnitsOfMeasure, UnitOfMeasureSchema } from "./unit-of-measure.js";

describe("unit catalogue", () => {
  it("parses, has unique codes and one factor-1 unit per dimension", () => {
    for (const u of defaultUnitsOfMeasure) expect(UnitOfMeasureSchema.parse(u)).toEqual(u);
    expect(new Set(defaultUnitsOfMeasure.map((u) => u.code)).size).toBe(defaultUnitsOfMeasure.length);
    const dimensions = new Set(defaultUnitsOfMeasure.map((u) => u.dimension));
    for (const d of dimensions) {
      expect(defaultUnitsOfMeasure.filter((u) => u.dimension === d && u.factor === 1)).toHaveLength(1);
    }
  });

  it("reports an unknown unit", () => {
    expect(findUnitOfMeasure("furlong")).toMatchObject({ ok: false, error: { code: "OUTCOME.UNKNOWN_UNIT" } });
  });
});

describe("convertQuantity", () => {
  it.each([
    [3, "km", "m", 3000],
    [2500, "m", "km", 2.5],
    [2.1, "billion-vnd", "million-vnd", 2100],
    [2.1, "billion-vnd", "vnd", 2_100_000_000],
    [120, "million-vnd", "billion-vnd", 0.12],
    [0.1, "ha", "m2", 1000],
    [3450, "kg", "tonne", 3.45],
    [0, "km", "m", 0],
  ])("%d %s = %d %s exactly", (value, from, to, expected) => {
    expect(unwrap(convertQuantity({ value, unitCode: from }, to))).toEqual({ value: expected, unitCode: to });
  });

  it("sums that floats get wrong come out exact: 0.1 + 0.2 billion VND", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(unwrap(convertQuantity({ value: 0.3, unitCode: "billion-vnd" }, "vnd")).value).toBe(300_000_000);
  });

  it("refuses to convert across dimensions, naming both", () => {
    expect(convertQuantity({ value: 3, unitCode: "km" }, "kg")).toMatchObject({
      ok: false,
      error: { code: "OUTCOME.INCOMPATIBLE_UNITS", details: { fromDimension: "length", toDimension: "mass" } },
    });
    expect(convertQuantity({ value: 95, unitCode: "percent" }, "count").ok).toBe(false);
    expect(convertQuantity({ value: 1, unitCode: "km" }, "nope").ok).toBe(false);
  });

  it("handles a non-decimal factor (sào = 360 m²) to 24 significant digits", () => {
    const catalogue = [
      ...defaultUnitsOfMeasure,
      UnitOfMeasureSchema.parse({
        code: "sao",
        dimension: "area",
        factor: 360,
        label: { vi: "Sào", en: "Sao" },
        symbol: { vi: "sào", en: "sao" },
      }),
    ];
    expect(unwrap(convertQuantity({ value: 1, unitCode: "m2" }, "sao", catalogue)).value).toBeCloseTo(1 / 360, 15);
    expect(unwrap(convertQuantity({ value: 2, unitCode: "sao" }, "m2", catalogue)).value).toBe(720);
  });

  const pairs = defaultUnitsOfMeasure.flatMap((a) =>
    defaultUnitsOfMeasure.filter((b) => b.dimension === a.dimension).map((b) => [a.code, b.code] as const),
  );

  // Exact for any value written with at most 15 significant digits (what a double holds
  // faithfully); a 17-digit double can land one ulp off after ×/÷ 10^k, which no
  // measurement in this product has. Values below 10^-6 would underflow a 10^9 factor.
  it("round-trips exactly within a dimension", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...pairs),
        fc.oneof(
          fc.integer({ min: 0, max: 1e12 }),
          fc.double({ min: 0, max: 1e9, noNaN: true }).map((x) => (x < 1e-6 ? 0 : Number(x.toPrecision(15)))),
          fc.integer({ min: 0, max: 1e7 }).map((n) => n / 1000),
        ),
        ([from, to], value) => {
          const there = unwrap(convertQuantity({ value, unitCode: from }, to));
          const back = unwrap(convertQuantity(there, from));
          return back.value === value && back.unitCode === from;
        },
      ),
      { numRuns: propertyRuns(2000) },
    );
  });
});
