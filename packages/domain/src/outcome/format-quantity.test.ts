import { describe, expect, it } from "vitest";
import { unwrap } from "../test-support/unwrap.js";
import { type FormatLocale, formatQuantity } from "./format-quantity.js";

const fmt = (value: number, unitCode: string, locale: FormatLocale, force?: string) =>
  unwrap(formatQuantity({ value, unitCode }, { locale, ...(force === undefined ? {} : { unitCode: force }) }));

describe("formatQuantity", () => {
  it("writes the article's figures as a Vietnamese reader does", () => {
    expect(fmt(2_100_000_000, "vnd", "vi-VN")).toBe("2,1 tỷ đồng");
    expect(fmt(120, "million-vnd", "vi-VN")).toBe("120 triệu đồng");
    expect(fmt(1500, "person", "vi-VN")).toBe("1.500 người");
    expect(fmt(3, "km", "vi-VN")).toBe("3 km");
    expect(fmt(3450, "kg", "vi-VN")).toBe("3.450 kg");
    expect(fmt(95, "percent", "vi-VN")).toBe("95%");
    expect(fmt(700, "workday", "vi-VN")).toBe("700 ngày công");
    expect(fmt(25, "head", "vi-VN")).toBe("25 con");
    expect(fmt(300, "household", "vi-VN")).toBe("300 hộ");
  });

  it("writes English with English separators and plurals", () => {
    expect(fmt(2_100_000_000, "vnd", "en")).toBe("2.1 billion VND");
    expect(fmt(1500, "person", "en")).toBe("1,500 people");
    expect(fmt(1, "person", "en")).toBe("1 person");
    expect(fmt(1.001, "person", "en")).toBe("1 person");
    expect(fmt(1, "tonne", "en")).toBe("1 tonne");
    expect(fmt(25, "head", "en")).toBe("25 head of cattle");
    expect(fmt(95, "percent", "en")).toBe("95%");
  });

  it("picks the money magnitude at its boundaries", () => {
    expect(fmt(999_999, "vnd", "vi-VN")).toBe("999.999 đồng");
    expect(fmt(999_999.6, "vnd", "vi-VN")).toBe("1 triệu đồng");
    expect(fmt(994_999, "vnd", "vi-VN")).toBe("994.999 đồng");
    expect(fmt(1_000_000, "vnd", "vi-VN")).toBe("1 triệu đồng");
    expect(fmt(995_000_000, "vnd", "vi-VN")).toBe("995 triệu đồng");
    expect(fmt(999_994_000, "vnd", "vi-VN")).toBe("999,99 triệu đồng");
    expect(fmt(999_995_000, "vnd", "vi-VN")).toBe("1 tỷ đồng");
    expect(fmt(999_999_999, "vnd", "vi-VN")).toBe("1 tỷ đồng");
    expect(fmt(1_000_000_000, "vnd", "vi-VN")).toBe("1 tỷ đồng");
    expect(fmt(0.12, "billion-vnd", "vi-VN")).toBe("120 triệu đồng");
    expect(fmt(0, "vnd", "vi-VN")).toBe("0 đồng");
    expect(fmt(0.4, "vnd", "vi-VN")).toBe("0 đồng");
    expect(fmt(1_500_000_000_000, "vnd", "vi-VN")).toBe("1.500 tỷ đồng");
  });

  it("keeps a forced unit", () => {
    expect(fmt(2.1, "billion-vnd", "vi-VN", "million-vnd")).toBe("2.100 triệu đồng");
    expect(fmt(2_100_000_000, "vnd", "vi-VN", "vnd")).toBe("2.100.000.000 đồng");
    expect(fmt(3450, "kg", "vi-VN", "tonne")).toBe("3,45 tấn");
  });

  it("reports a forced unit of another dimension, and an unknown unit", () => {
    expect(formatQuantity({ value: 1, unitCode: "kg" }, { locale: "vi-VN", unitCode: "km" })).toMatchObject({
      ok: false,
      error: { code: "OUTCOME.INCOMPATIBLE_UNITS" },
    });
    expect(formatQuantity({ value: 1, unitCode: "?" }, { locale: "en" })).toMatchObject({
      ok: false,
      error: { code: "OUTCOME.UNKNOWN_UNIT" },
    });
  });

  it("honours maximumFractionDigits and writes a plain count without symbol", () => {
    expect(
      unwrap(formatQuantity({ value: 2_123_456_789, unitCode: "vnd" }, { locale: "vi-VN", maximumFractionDigits: 3 })),
    ).toBe("2,123 tỷ đồng");
    expect(fmt(698, "count", "vi-VN")).toBe("698");
  });
});
