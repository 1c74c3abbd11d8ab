import { describe, expect, it } from "vitest";
import { formatVnd } from "./format-vnd";

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
