import { describe, expect, it } from "vitest";
import { isIsoDate, parseInstant } from "./parse-instant.js";

describe("isIsoDate", () => {
  it.each([
    ["2024-02-29", true],
    ["2023-02-28", true],
    ["2000-02-29", true],
    ["1900-02-29", false],
    ["2023-02-29", false],
    ["2023-04-31", false],
    ["2023-04-30", true],
    ["2023-12-31", true],
    ["2023-13-01", false],
    ["2023-00-10", false],
    ["2023-01-00", false],
    ["2023-1-01", false],
    ["2023/01/01", false],
    ["2023-01-0a", false],
    ["20230-1-01", false],
  ])("%s → %s", (text, valid) => {
    expect(isIsoDate(text)).toBe(valid);
  });
});

describe("parseInstant", () => {
  it.each([
    ["2022-01-01T00:00:00Z", Date.UTC(2022, 0, 1)],
    ["2022-01-01T07:00:00+07:00", Date.UTC(2022, 0, 1)],
    ["2021-12-31T17:30:00-06:30", Date.UTC(2022, 0, 1)],
    ["2022-01-01T00:00Z", Date.UTC(2022, 0, 1)],
    ["2022-01-01T00:00:00.5Z", Date.UTC(2022, 0, 1) + 500],
    ["2022-01-01T00:00:00.123456Z", Date.UTC(2022, 0, 1) + 123],
    ["2022-06-15T23:59:59Z", Date.UTC(2022, 5, 15, 23, 59, 59)],
    ["0050-06-15T00:00:00Z", new Date(Date.UTC(2000, 5, 15)).setUTCFullYear(50)],
  ])("%s is %d", (text, epoch) => {
    expect(parseInstant(text)).toBe(epoch);
  });

  it.each([
    "2022-01-01",
    "2022-01-01T00:00:00",
    "2022-01-01 00:00:00Z",
    "2022-01-01T24:00:00Z",
    "2022-01-01T00:60:00Z",
    "2022-01-01T00:00:60Z",
    "2022-01-01T00:00:00.Z",
    "2022-01-01T00:00:00+7:00",
    "2022-01-01T00:00:00+07:60",
    "2022-01-01T00:00:00+24:00",
    "2022-01-01T00:00:00+0700",
    "2022-01-01T00:00:00Zx",
    "2022-02-30T00:00:00Z",
    "2022-01-01T0a:00:00Z",
    "2022-01-01T00-00:00Z",
  ])("refuses %s", (text) => {
    expect(parseInstant(text)).toBeNaN();
  });
});
