import { describe, expect, it } from "vitest";
import { type Period, PeriodSchema, periodContains, periodKey, periodsOverlap } from "./period.js";

const y: Period = { kind: "year", year: 2022 };
const q1: Period = { kind: "quarter", year: 2022, quarter: 1 };
const q4: Period = { kind: "quarter", year: 2022, quarter: 4 };
const m3: Period = { kind: "month", year: 2022, month: 3 };
const m4: Period = { kind: "month", year: 2022, month: 4 };
const m12: Period = { kind: "month", year: 2022, month: 12 };

describe("Period", () => {
  it("validates quarter 1..4 and month 1..12", () => {
    expect(PeriodSchema.safeParse({ kind: "quarter", year: 2022, quarter: 5 }).success).toBe(false);
    expect(PeriodSchema.safeParse({ kind: "month", year: 2022, month: 0 }).success).toBe(false);
    expect(PeriodSchema.safeParse(m12).success).toBe(true);
  });

  it("contains at the edges of quarters and years", () => {
    expect(periodContains(y, m12)).toBe(true);
    expect(periodContains(q1, m3)).toBe(true);
    expect(periodContains(q1, m4)).toBe(false);
    expect(periodContains(q4, m12)).toBe(true);
    expect(periodContains(m3, q1)).toBe(false);
    expect(periodContains(y, y)).toBe(true);
    expect(periodContains(y, { kind: "month", year: 2023, month: 1 })).toBe(false);
  });

  it("overlaps symmetrically", () => {
    expect(periodsOverlap(m3, q1)).toBe(true);
    expect(periodsOverlap(q1, m3)).toBe(true);
    expect(periodsOverlap(m4, q1)).toBe(false);
    expect(periodsOverlap(y, { kind: "year", year: 2021 })).toBe(false);
  });

  it("has sortable keys", () => {
    expect([y, q1, m3, m12].map(periodKey)).toEqual(["2022", "2022-Q1", "2022-03", "2022-12"]);
  });
});
