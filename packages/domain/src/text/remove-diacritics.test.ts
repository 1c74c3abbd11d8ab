import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { removeDiacritics } from "./remove-diacritics.js";
import { vietnameseSampleExpectations } from "./vietnamese-sample-corpus.js";

const VIETNAMESE_LETTERS = [
  ..."aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ",
];
const letter = fc.constantFrom(...VIETNAMESE_LETTERS, ...VIETNAMESE_LETTERS.map((c) => c.toUpperCase()), " ", ",", "1");
const vietnameseText = fc.array(letter, { maxLength: 40 }).map((cs) => cs.join(""));

describe("removeDiacritics", () => {
  it.each(vietnameseSampleExpectations)("unaccents $input", ({ input, unaccented }) => {
    expect(removeDiacritics(input)).toBe(unaccented);
  });

  it("maps đ and Đ and keeps case", () => {
    expect(removeDiacritics("Đđ ĐẢNG đảng")).toBe("Dd DANG dang");
  });

  it("keeps text without diacritics, punctuation, digits and other scripts unchanged", () => {
    expect(removeDiacritics("ĐT 499B, 120 triệu — 95%")).toBe("DT 499B, 120 trieu — 95%");
    expect(removeDiacritics("한국어 中文 😀")).toBe("한국어 中文 😀");
  });

  it("drops a stray combining mark after any letter, as unaccent does", () => {
    expect(removeDiacritics("x\u0301 q\u0323")).toBe("x q");
  });

  it("keeps marks outside U+0300–U+0362 that unaccent keeps", () => {
    expect(removeDiacritics("a\u0363")).toBe("a\u0363");
  });

  it("gives the same for NFC and NFD input", () => {
    fc.assert(fc.property(vietnameseText, (s) => removeDiacritics(s) === removeDiacritics(s.normalize("NFD"))));
  });

  it("leaves no combining mark in Vietnamese text, in either normal form", () => {
    fc.assert(
      fc.property(vietnameseText, (s) => {
        for (const form of [s, s.normalize("NFD")]) {
          const out = removeDiacritics(form);
          if (/\p{M}/u.test(out) || /[đĐ]/u.test(out) || /[^\x20-\x7e]/u.test(out)) return false;
        }
        return true;
      }),
    );
  });

  it("never leaves a mark in U+0300–U+0362, whatever the input", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => !/[\u0300-\u0362]/u.test(removeDiacritics(s))));
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.oneof(vietnameseText, fc.string({ unit: "grapheme" })), (s) => {
        const once = removeDiacritics(s);
        return removeDiacritics(once) === once;
      }),
    );
  });
});
