import { describe, expect, it } from "vitest";
import { defaultIndicatorDefinitions, type IndicatorDefinition } from "./indicator-definition.js";
import type { IndicatorValue } from "./indicator-value.js";
import { validateIndicatorDefinitions } from "./validate-indicator-definitions.js";
import { validateIndicatorValue } from "./validate-indicator-value.js";

const def = (code: string) => defaultIndicatorDefinitions.find((d) => d.code === code) as IndicatorDefinition;
const value = (indicatorCode: string, v: number): IndicatorValue => ({
  unitId: "u",
  modelId: null,
  indicatorCode,
  period: { kind: "year", year: 2022 },
  value: v,
});
const code = (indicatorCode: string, v: number) => {
  const r = validateIndicatorValue(value(indicatorCode, v), def(indicatorCode));
  return r.ok ? "ok" : r.error.code;
};

describe("validateIndicatorValue", () => {
  it("accepts a percent from 0 to 100 inclusive, and nothing outside", () => {
    expect([0, 95, 100, 99.5].map((v) => code("complaints-resolved", v))).toEqual(["ok", "ok", "ok", "ok"]);
    expect(code("complaints-resolved", 100.0001)).toBe("OUTCOME.PERCENT_OUT_OF_RANGE");
    expect(code("complaints-resolved", -0.0001)).toBe("OUTCOME.NEGATIVE");
  });

  it.each(["people-helped", "cattle-donated", "households-participating", "complaints-received"])(
    "wants %s whole and non-negative",
    (indicator) => {
      expect(code(indicator, 0)).toBe("ok");
      expect(code(indicator, 1500)).toBe("ok");
      expect(code(indicator, 2.5)).toBe("OUTCOME.NOT_WHOLE");
      expect(code(indicator, -1)).toBe("OUTCOME.NEGATIVE");
    },
  );

  it("wants money non-negative and a whole number of đồng after conversion", () => {
    expect(code("money-raised", 2_100_000_000)).toBe("ok");
    expect(code("money-raised", 0.5)).toBe("OUTCOME.MONEY_FRACTIONAL_DONG");
    expect(code("money-raised", -1)).toBe("OUTCOME.NEGATIVE");
    const inMillions: IndicatorDefinition = { ...def("money-raised"), unitCode: "million-vnd" };
    expect(validateIndicatorValue(value("money-raised", 120.5), inMillions).ok).toBe(true);
    expect(validateIndicatorValue(value("money-raised", 0.0000005), inMillions)).toMatchObject({
      ok: false,
      error: { code: "OUTCOME.MONEY_FRACTIONAL_DONG" },
    });
  });

  it("allows fractions where they make sense (km, kg, workdays)", () => {
    expect(code("road-length", 2.75)).toBe("ok");
    expect(code("rice-donated", 0.5)).toBe("ok");
    expect(code("workdays", 0.5)).toBe("ok");
  });

  it("refuses NaN, infinity and a value of another indicator", () => {
    expect(code("road-length", Number.NaN)).toBe("OUTCOME.NOT_FINITE");
    expect(code("road-length", Number.POSITIVE_INFINITY)).toBe("OUTCOME.NOT_FINITE");
    expect(validateIndicatorValue(value("road-length", 1), def("rice-donated"))).toMatchObject({
      ok: false,
      error: { code: "OUTCOME.WRONG_INDICATOR" },
    });
  });
});

describe("validateIndicatorDefinitions", () => {
  const name = { vi: "x", en: "x" };

  it("accepts the defaults", () => {
    expect(validateIndicatorDefinitions(defaultIndicatorDefinitions).ok).toBe(true);
  });

  it("never lets a percent be summed", () => {
    const r = validateIndicatorDefinitions([{ code: "p", name, unitCode: "percent", aggregation: { kind: "sum" } }]);
    expect(r).toMatchObject({ ok: false, error: { code: "OUTCOME.PERCENT_NOT_SUMMABLE" } });
  });

  it("wants a weight indicator that exists and is a summed non-percent", () => {
    const avg = {
      code: "p",
      name,
      unitCode: "percent",
      aggregation: { kind: "weighted-average", weightIndicatorCode: "w" },
    } as const;
    expect(validateIndicatorDefinitions([avg])).toMatchObject({
      ok: false,
      error: { code: "OUTCOME.UNKNOWN_WEIGHT_INDICATOR" },
    });
    expect(
      validateIndicatorDefinitions([avg, { code: "w", name, unitCode: "percent", aggregation: { kind: "none" } }]),
    ).toMatchObject({ ok: false, error: { code: "OUTCOME.INVALID_WEIGHT_INDICATOR" } });
    expect(
      validateIndicatorDefinitions([avg, { code: "w", name, unitCode: "count", aggregation: { kind: "sum" } }]).ok,
    ).toBe(true);
  });

  it("refuses duplicate codes and unknown units", () => {
    const d = { code: "a", name, unitCode: "kg", aggregation: { kind: "sum" } } as const;
    expect(validateIndicatorDefinitions([d, d])).toMatchObject({
      ok: false,
      error: { code: "OUTCOME.DUPLICATE_INDICATOR" },
    });
    expect(validateIndicatorDefinitions([{ ...d, unitCode: "?" }])).toMatchObject({
      ok: false,
      error: { code: "OUTCOME.UNKNOWN_UNIT" },
    });
  });
});
