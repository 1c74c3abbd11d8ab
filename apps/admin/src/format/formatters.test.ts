import { describe, expect, it } from "vitest";
import {
  formatBytes,
  formatCount,
  formatDate,
  formatDateRange,
  formatPercent,
  formatPoints,
  formatReportingPeriod,
  formatVnd,
} from "./formatters";

describe("formatVnd", () => {
  it("says billions and millions of đồng as people do, with the locale's decimal mark", () => {
    expect(formatVnd(2_100_000_000, "vi")).toBe("2,1 tỷ đồng");
    expect(formatVnd(2_100_000_000, "en")).toBe("2.1 billion VND");
    expect(formatVnd(120_000_000, "vi")).toBe("120 triệu đồng");
    expect(formatVnd(4_855_000_000, "en")).toBe("4.9 billion VND");
  });

  it("switches unit exactly at a million and a billion", () => {
    expect(formatVnd(999_999, "vi")).toBe("999.999 đồng");
    expect(formatVnd(1_000_000, "vi")).toBe("1 triệu đồng");
    expect(formatVnd(999_000_000, "en")).toBe("999 million VND");
    expect(formatVnd(1_000_000_000, "en")).toBe("1 billion VND");
  });

  it("keeps the sign of a negative amount", () => {
    expect(formatVnd(-1_500_000, "vi")).toBe("-1,5 triệu đồng");
  });
});

describe("formatDate", () => {
  it("writes a calendar date day/month/year in both languages", () => {
    expect(formatDate("2021-03-01")).toBe("01/03/2021");
    expect(formatDate("2022-12-31")).toBe("31/12/2022");
  });

  it("never shifts a calendar date by the time zone", () => {
    // Parsed as an instant, 2021-01-01 would be 31/12/2020 anywhere west of Greenwich.
    expect(formatDate("2021-01-01")).toBe("01/01/2021");
  });

  it("adds hours and minutes to an instant when asked", () => {
    const instant = new Date(2024, 4, 7, 9, 5);
    expect(formatDate(instant, true)).toBe("07/05/2024 09:05");
    expect(formatDate(instant)).toBe("07/05/2024");
  });

  it("gives back what it cannot read", () => {
    expect(formatDate("soon")).toBe("soon");
  });
});

describe("formatDateRange", () => {
  it("joins two dates with a dash", () => {
    expect(formatDateRange("2022-01-01", "2022-12-31")).toBe("01/01/2022 – 31/12/2022");
  });

  it("writes one date for a period of one day", () => {
    expect(formatDateRange("2022-01-01", "2022-01-01")).toBe("01/01/2022");
  });
});

describe("formatPoints", () => {
  it("shows the thousandth the engine kept, not fewer decimals", () => {
    expect(formatPoints(42.167, "vi")).toBe("42,167");
    expect(formatPoints(42.167, "en")).toBe("42.167");
  });

  it("rounds only the float noise of milli-points ÷ 1000", () => {
    expect(formatPoints(42166 / 1000, "vi")).toBe("42,166");
    expect(formatPoints(0.1 + 0.2, "en")).toBe("0.3");
    expect(formatPoints(90, "vi")).toBe("90");
  });
});

describe("counts, shares, periods and sizes", () => {
  it("writes counts as whole numbers", () => {
    expect(formatCount(1500, "vi")).toBe("1.500");
    expect(formatCount(0.75, "en")).toBe("1");
  });

  it("writes shares as percentages", () => {
    expect(formatPercent(0.625, "vi")).toBe("62,5%");
    expect(formatPercent(0.625, "en")).toBe("62.5%");
  });

  it("writes quarters and months the way reports do", () => {
    expect(formatReportingPeriod("2022", "vi")).toBe("2022");
    expect(formatReportingPeriod("2022-Q1", "vi")).toBe("Quý 1/2022");
    expect(formatReportingPeriod("2022-Q1", "en")).toBe("Q1 2022");
    expect(formatReportingPeriod("2022-03", "vi")).toBe("Tháng 3/2022");
  });

  it("writes file sizes in KB or MB", () => {
    expect(formatBytes(2048, "vi")).toBe("2 KB");
    expect(formatBytes(1.5 * 1024 * 1024, "vi")).toBe("1,5 MB");
  });
});
