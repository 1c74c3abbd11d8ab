import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeForSearch } from "./normalize-for-search.js";

describe("normalizeForSearch", () => {
  it("lowercases, unaccents, collapses whitespace and trims", () => {
    expect(normalizeForSearch("  Ngày THỨ Bảy\tcùng \n  dân ")).toBe("ngay thu bay cung dan");
    expect(normalizeForSearch("ĐƯỜNG HOA QUÂN SỰ")).toBe("duong hoa quan su");
  });

  it("returns an empty string for blank input", () => {
    expect(normalizeForSearch(" \t\n ")).toBe("");
  });

  it("matches NFC and NFD spellings of the same phrase", () => {
    const phrase = "Hũ gạo tiết kiệm";
    expect(normalizeForSearch(phrase.normalize("NFD"))).toBe(normalizeForSearch(phrase));
  });

  it("is idempotent and leaves no Vietnamese mark, no upper case and no double space", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const once = normalizeForSearch(s);
        return (
          normalizeForSearch(once) === once &&
          !/[\u0300-\u0362]/u.test(once) &&
          !/\s\s/u.test(once) &&
          once === once.trim()
        );
      }),
    );
  });
});
