import { describe, expect, it } from "vitest";
import { inspectionPeriodBounds } from "../src/index.js";

describe("inspectionPeriodBounds", () => {
  it("keeps a plan's own first and last day", () => {
    expect(inspectionPeriodBounds("2024-03-01/2024-09-30")).toEqual({ from: "2024-03-01", to: "2024-09-30" });
  });

  it("spans a whole year for a year", () => {
    expect(inspectionPeriodBounds("2022")).toEqual({ from: "2022-01-01", to: "2022-12-31" });
  });

  it("spans a quarter and a month to their last day, leap years included", () => {
    expect(inspectionPeriodBounds("2022-Q1")).toEqual({ from: "2022-01-01", to: "2022-03-31" });
    expect(inspectionPeriodBounds("2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(inspectionPeriodBounds("2023-02")).toEqual({ from: "2023-02-01", to: "2023-02-28" });
  });
});
