import { describe, expect, it } from "vitest";
import { interpolate } from "./interpolate";
import { messagesEn } from "./messages-en";
import { messagesVi } from "./messages-vi";

describe("interpolate", () => {
  it("puts the parameters in their places and leaves unknown ones as written", () => {
    expect(interpolate("{name} · {period}", { name: "Hũ gạo" })).toBe("Hũ gạo · {period}");
  });

  it("picks the singular for one and the plural for any other count, formatted or not", () => {
    const text = "{count} {count:entry|entries}";
    expect(interpolate(text, { count: "1" })).toBe("1 entry");
    expect(interpolate(text, { count: 1 })).toBe("1 entry");
    expect(interpolate(text, { count: "0" })).toBe("0 entries");
    expect(interpolate(text, { count: "1,234" })).toBe("1,234 entries");
    expect(interpolate(text, { count: "11" })).toBe("11 entries");
  });

  it("finds no half-written plural in either language", () => {
    for (const table of [messagesVi, messagesEn]) {
      for (const [key, text] of Object.entries(table)) {
        expect(text, key).not.toMatch(/\(s\)|\(ies\)/);
      }
    }
  });
});
