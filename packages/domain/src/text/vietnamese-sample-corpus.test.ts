import { describe, expect, it } from "vitest";
import { vietnameseSampleCorpus, vietnameseSampleExpectations } from "./vietnamese-sample-corpus.js";

const TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];

describe("vietnameseSampleCorpus", () => {
  const vowelRows = vietnameseSampleExpectations.filter(
    ({ input }) => input === input.normalize("NFC") && [...input].length === 6 && !input.includes(" "),
  );

  it("has 24 NFC vowel rows: 12 vowels in lower and upper case", () => {
    expect(vowelRows).toHaveLength(24);
    const bases = new Set(vowelRows.map(({ input }) => input[0]));
    expect([...bases].join("")).toBe("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY");
  });

  it("spells each row's tones in order: none, huyền, sắc, hỏi, ngã, nặng", () => {
    for (const { input } of vowelRows) {
      const letters = [...input];
      const base = letters[0] ?? "";
      letters.forEach((letter, i) => {
        expect(letter.normalize("NFD")).toBe(`${base.normalize("NFD")}${TONES[i]}`.normalize("NFD"));
      });
    }
  });

  it("lists exactly the inputs of the expectations, NFC and NFD alike", () => {
    expect(vietnameseSampleCorpus).toEqual(vietnameseSampleExpectations.map((s) => s.input));
    expect(vietnameseSampleCorpus).toContain("Đường hoa quân sự");
    expect(vietnameseSampleCorpus).toContain("Đường hoa quân sự".normalize("NFD"));
  });
});
