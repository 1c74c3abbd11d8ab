import { describe, expect, it } from "vitest";
import { foldedOptionsFilter, foldVietnamese } from "./fold-vietnamese";

describe("foldVietnamese", () => {
  it("drops tone and vowel marks and turns đ into d", () => {
    expect(foldVietnamese("Đường hoa quân sự")).toBe("duong hoa quan su");
    expect(foldVietnamese("Hội Liên hiệp Phụ nữ")).toBe("hoi lien hiep phu nu");
  });
});

describe("foldedOptionsFilter", () => {
  const options = [
    { value: "a", label: "Hội Liên hiệp Phụ nữ huyện Thanh Liêm" },
    { value: "b", label: "Huyện đoàn Thanh Liêm" },
  ];
  it("finds options typed without diacritics, and all of them for an empty search", () => {
    expect(foldedOptionsFilter({ options, search: "phu nu", limit: 10 })).toEqual([options[0]]);
    expect(foldedOptionsFilter({ options, search: "  ", limit: 10 })).toEqual(options);
    expect(foldedOptionsFilter({ options, search: "doan", limit: 10 })).toEqual([options[1]]);
  });
});
