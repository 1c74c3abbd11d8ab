import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDecimals, decimalFromString, decimalToString, ZERO_DECIMAL } from "../internal/exact-decimal.js";
import { descendantsOf } from "../org/descendants-of.js";
import { buildUnitTree } from "../org/unit-tree.js";
import { propertyRuns } from "../test-support/property-runs.js";
import { thanhLiemUnits, unit } from "../test-support/thanh-liem-units.js";
import { unwrap } from "../test-support/unwrap.js";
import { defaultIndicatorDefinitions, type IndicatorDefinition } from "./indicator-definition.js";
import type { IndicatorValue } from "./indicator-value.js";
import type { Period } from "./period.js";
import { type IndicatorRollUp, rollUpIndicator } from "./roll-up-indicator.js";

const tree = unwrap(buildUnitTree(thanhLiemUnits));
const def = (code: string) => defaultIndicatorDefinitions.find((d) => d.code === code) as IndicatorDefinition;
const year = (y: number): Period => ({ kind: "year", year: y });
const v = (
  unitId: string,
  indicatorCode: string,
  value: number,
  period: Period = year(2022),
  modelId: string | null = null,
): IndicatorValue => ({
  unitId,
  modelId,
  indicatorCode,
  period,
  value,
});
function sums(r: IndicatorRollUp) {
  if (r.kind !== "sum") throw new Error(r.kind);
  return r.units;
}

describe("rollUpIndicator — sum", () => {
  const rice = [
    v("xa-a", "rice-donated", 1200),
    v("xa-a-doan", "rice-donated", 250),
    v("xa-b", "rice-donated", 2000),
    v("xa-c", "rice-donated", 999),
  ];

  it("totals the article's 3,450 kg of rice for the district, and each unit's subtree", () => {
    const units = sums(unwrap(rollUpIndicator({ tree, indicator: def("rice-donated"), values: rice })));
    expect(units.huyen?.total).toEqual({ value: 3450, exact: "3450", count: 3 });
    expect(units.huyen?.own).toEqual({ value: 0, exact: "0", count: 0 });
    expect(units["xa-a"]?.total.value).toBe(1450);
    expect(units.tinh?.total.value).toBe(4449);
    expect(units.chqs?.total.count).toBe(0);
  });

  it("sums money exactly, where floats drift", () => {
    const gifts = Array.from({ length: 10 }, (_, i) =>
      v("xa-a", "money-raised", 0.1, { kind: "month", year: 2022, month: i + 1 }, "m"),
    );
    const inBillions: IndicatorDefinition = { ...def("money-raised"), unitCode: "billion-vnd" };
    const units = sums(unwrap(rollUpIndicator({ tree, indicator: inBillions, values: gifts })));
    expect(gifts.reduce((a, g) => a + g.value, 0)).not.toBe(1);
    expect(units.huyen?.total).toMatchObject({ value: 1, exact: "1" });
  });

  it("keeps to the period: values of a month count in its quarter and year, not in another year", () => {
    const values = [
      v("xa-a", "rice-donated", 10, { kind: "month", year: 2022, month: 3 }),
      v("xa-a", "rice-donated", 20, { kind: "month", year: 2022, month: 4 }),
      v("xa-a", "rice-donated", 40, year(2021)),
    ];
    const total = (period: Period | null) =>
      sums(unwrap(rollUpIndicator({ tree, indicator: def("rice-donated"), values, period }))).huyen?.total.value;
    expect(total({ kind: "quarter", year: 2022, quarter: 1 })).toBe(10);
    expect(total(year(2022))).toBe(30);
    expect(total(null)).toBe(70);
  });

  it("refuses a duplicate and a double count across overlapping periods", () => {
    const dup = rollUpIndicator({
      tree,
      indicator: def("rice-donated"),
      values: [v("xa-a", "rice-donated", 1), v("xa-a", "rice-donated", 2)],
    });
    expect(dup).toMatchObject({ ok: false, error: { code: "OUTCOME.DUPLICATE_VALUE" } });
    const overlap = rollUpIndicator({
      tree,
      indicator: def("rice-donated"),
      values: [v("xa-a", "rice-donated", 12), v("xa-a", "rice-donated", 1, { kind: "month", year: 2022, month: 5 })],
    });
    expect(overlap).toMatchObject({
      ok: false,
      error: { code: "OUTCOME.OVERLAPPING_PERIODS", details: { periods: ["2022", "2022-05"] } },
    });
    const twoModels = rollUpIndicator({
      tree,
      indicator: def("rice-donated"),
      values: [v("xa-a", "rice-donated", 1, year(2022), "m1"), v("xa-a", "rice-donated", 2, year(2022), "m2")],
    });
    expect(twoModels.ok).toBe(true);
  });

  it("refuses invalid values and units not in the tree", () => {
    expect(
      rollUpIndicator({ tree, indicator: def("people-helped"), values: [v("xa-a", "people-helped", 1.5)] }),
    ).toMatchObject({
      ok: false,
      error: { code: "OUTCOME.NOT_WHOLE" },
    });
    expect(
      rollUpIndicator({ tree, indicator: def("people-helped"), values: [v("ghost", "people-helped", 1)] }),
    ).toMatchObject({
      ok: false,
      error: { code: "ORG.UNIT_NOT_FOUND" },
    });
  });
});

describe("rollUpIndicator — scale", () => {
  // Correctness at a district-wide size, not speed: tests do not time things.
  it("rolls 60,000 values up a 12,000-unit tree exactly", () => {
    const units = Array.from({ length: 12_000 }, (_, i) =>
      unit(`u${i}`, i === 0 ? null : `u${Math.floor((i - 1) / 8)}`),
    );
    const big = unwrap(buildUnitTree(units));
    const values = Array.from({ length: 60_000 }, (_, i) =>
      v(`u${i % 12_000}`, "money-raised", 1_000_000 + i, {
        kind: "month",
        year: 2022,
        month: 1 + Math.floor(i / 12_000),
      }),
    );
    const r = sums(unwrap(rollUpIndicator({ tree: big, indicator: def("money-raised"), values })));
    // Σ (1,000,000 + i) for i < 60,000
    expect(r.u0?.total.exact).toBe(String(60_000 * 1_000_000 + (59_999 * 60_000) / 2));
  });
});

describe("rollUpIndicator — percentages", () => {
  const complaints = [
    v("thanh-tra", "complaints-received", 40),
    v("thanh-tra", "complaints-resolved", 95),
    v("xa-a", "complaints-received", 10),
    v("xa-a", "complaints-resolved", 50),
    v("xa-b", "complaints-resolved", 100),
  ];

  it("averages a percent weighted by its weight indicator, never sums it", () => {
    const r = unwrap(
      rollUpIndicator({
        tree,
        indicator: def("complaints-resolved"),
        definitions: defaultIndicatorDefinitions,
        values: complaints,
      }),
    );
    if (r.kind !== "weighted-average") throw new Error(r.kind);
    expect(r.units.huyen?.total).toEqual({ value: 86, weight: "50", count: 2 });
    expect(r.units["thanh-tra"]?.own.value).toBe(95);
    expect(r.units.chqs?.total).toEqual({ value: null, weight: "0", count: 0 });
    expect(r.unweighted).toEqual([v("xa-b", "complaints-resolved", 100)]);
  });

  it("reports a percent without weight as not aggregated, with its values", () => {
    const r = unwrap(
      rollUpIndicator({
        tree,
        indicator: def("satisfaction"),
        values: [v("xa-a", "satisfaction", 90), v("xa-b", "satisfaction", 80)],
      }),
    );
    expect(r.kind).toBe("not-aggregated");
    if (r.kind !== "not-aggregated") return;
    expect(r.values).toHaveLength(2);
    expect(r.reason.vi).toContain("không được tổng hợp");
  });

  it("refuses to sum a percent even when the definition asks for it", () => {
    const summed: IndicatorDefinition = { ...def("satisfaction"), aggregation: { kind: "sum" } };
    expect(rollUpIndicator({ tree, indicator: summed, values: [v("xa-a", "satisfaction", 90)] })).toMatchObject({
      ok: false,
      error: { code: "OUTCOME.PERCENT_NOT_SUMMABLE" },
    });
  });

  it("needs the weight indicator's definition", () => {
    expect(rollUpIndicator({ tree, indicator: def("complaints-resolved"), values: complaints })).toMatchObject({
      ok: false,
      error: { code: "OUTCOME.UNKNOWN_WEIGHT_INDICATOR" },
    });
  });
});

/** A random forest and random values (integers and 3-decimal numbers) on it. */
const scenario = fc.array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 40 }).chain((parents) => {
  const units = parents.map((p, i) => unit(`u${i}`, p === null || i === 0 ? null : `u${p % i}`));
  return fc.record({
    units: fc.constant(units),
    values: fc.uniqueArray(
      fc.record({
        unitIndex: fc.nat({ max: units.length - 1 }),
        month: fc.integer({ min: 1, max: 12 }),
        value: fc.oneof(
          fc.nat({ max: 1e9 }),
          fc.nat({ max: 1e7 }).map((n) => n / 1000),
        ),
        weight: fc.nat({ max: 1000 }),
      }),
      { selector: (r) => `${r.unitIndex}/${r.month}`, maxLength: 80 },
    ),
  });
});

describe("roll-up invariants", () => {
  it("each unit's total is its own values plus its children's totals, and a root's total is the sum of its subtree", () => {
    fc.assert(
      fc.property(scenario, ({ units, values }) => {
        const t = unwrap(buildUnitTree(units));
        const recorded = values.map((r) =>
          v(`u${r.unitIndex}`, "rice-donated", r.value, { kind: "month", year: 2022, month: r.month }),
        );
        const r = sums(
          unwrap(rollUpIndicator({ tree: t, indicator: def("rice-donated"), values: recorded, period: year(2022) })),
        );
        for (const [id, node] of t.nodes) {
          const cell = r[id];
          if (cell === undefined) return false;
          const parts = node.childIds.reduce(
            (acc, c) => addDecimals(acc, decimalFromString(r[c]?.total.exact ?? "NaN")),
            decimalFromString(cell.own.exact),
          );
          if (decimalToString(parts) !== cell.total.exact) return false;
        }
        for (const rootId of t.rootIds) {
          const inTree = new Set([rootId, ...unwrap(descendantsOf(t, rootId)).map((u) => u.id)]);
          const expected = recorded
            .filter((x) => inTree.has(x.unitId))
            .reduce((acc, x) => addDecimals(acc, decimalFromString(String(x.value))), ZERO_DECIMAL);
          if (r[rootId]?.total.exact !== decimalToString(expected)) return false;
        }
        return true;
      }),
      { numRuns: propertyRuns(200) },
    );
  });

  it("a weighted average's weight adds up the tree and its value stays within its parts' range", () => {
    fc.assert(
      fc.property(scenario, ({ units, values }) => {
        const t = unwrap(buildUnitTree(units));
        const recorded = values.flatMap((r) => {
          const period: Period = { kind: "month", year: 2022, month: r.month };
          return [
            v(`u${r.unitIndex}`, "complaints-resolved", Math.round(r.value) % 101, period),
            v(`u${r.unitIndex}`, "complaints-received", r.weight, period),
          ];
        });
        const r = unwrap(
          rollUpIndicator({
            tree: t,
            indicator: def("complaints-resolved"),
            definitions: defaultIndicatorDefinitions,
            values: recorded,
          }),
        );
        if (r.kind !== "weighted-average") return false;
        for (const [id, node] of t.nodes) {
          const cell = r.units[id];
          if (cell === undefined) return false;
          const weight = node.childIds.reduce(
            (acc, c) => acc + Number(r.units[c]?.total.weight),
            Number(cell.own.weight),
          );
          if (weight !== Number(cell.total.weight)) return false;
          if (cell.total.value !== null && (cell.total.value < 0 || cell.total.value > 100)) return false;
        }
        return true;
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});
