import { describe, expect, it } from "vitest";
import { checkOutcomeValue, isPeriod } from "./check-outcome";

describe("isPeriod", () => {
  it("takes a year, a quarter or a month, and nothing else", () => {
    expect(["2023", "2023-Q1", "2023-Q4", "2023-01", "2023-12"].map(isPeriod)).toEqual([true, true, true, true, true]);
    expect(["23", "2023-Q0", "2023-Q5", "2023-00", "2023-13", "2023-1", " 2023", "2023-q1"].map(isPeriod)).toEqual(
      Array(8).fill(false),
    );
  });
});

describe("checkOutcomeValue", () => {
  it("keeps a percentage between 0 and 100, both ends included", () => {
    expect(checkOutcomeValue(0, "percent")).toBeNull();
    expect(checkOutcomeValue(100, "percent")).toBeNull();
    expect(checkOutcomeValue(100.5, "percent")).toBe("outcomes.percentRange");
    expect(checkOutcomeValue(-0.1, "percent")).toBe("outcomes.valueNegative");
  });

  it("wants whole numbers for counted dimensions only", () => {
    expect(checkOutcomeValue(2.5, "people")).toBe("outcomes.wholeNumber");
    expect(checkOutcomeValue(2.5, "households")).toBe("outcomes.wholeNumber");
    expect(checkOutcomeValue(3, "count")).toBeNull();
    expect(checkOutcomeValue(2.5, "length")).toBeNull();
    expect(checkOutcomeValue(2.5, null)).toBeNull();
  });

  it("asks for a value when the field is empty", () => {
    expect(checkOutcomeValue("", "people")).toBe("outcomes.valueRequired");
  });
});
