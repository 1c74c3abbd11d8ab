import { describe, expect, it } from "vitest";
import { compareVietnamese } from "./compare-vietnamese.js";

describe("compareVietnamese", () => {
  it("sorts by the Vietnamese alphabet: a ă â, d đ, o ô ơ, u ư", () => {
    expect(["ư", "ơ", "đ", "â", "u", "o", "d", "ă", "ô", "a"].sort(compareVietnamese)).toEqual([
      "a",
      "ă",
      "â",
      "d",
      "đ",
      "o",
      "ô",
      "ơ",
      "u",
      "ư",
    ]);
  });

  it("puts Đ after every D word", () => {
    expect(["Đông", "Dương", "Ân", "An"].sort(compareVietnamese)).toEqual(["An", "Ân", "Dương", "Đông"]);
  });

  it("returns 0 only for equal strings", () => {
    expect(compareVietnamese("Thanh Liêm", "Thanh Liêm")).toBe(0);
    expect(compareVietnamese("bà", "ba")).not.toBe(0);
  });
});
