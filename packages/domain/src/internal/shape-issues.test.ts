import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { nearestKey } from "./nearest-key.js";
import { safeParseShape } from "./shape-issues.js";

describe("nearestKey", () => {
  it.each([
    ["eliminatry", "eliminatory"], // a deleted letter
    ["quota", "quotas"], // a missing plural
    ["poitns", "points"], // two neighbours swapped
    ["Kind", "kind"], // case only
    ["scaleid", "scaleId"],
  ])("suggests %s → %s", (typo, meant) => {
    expect(nearestKey(typo, ["kind", "id", "eliminatory", "quotas", "points", "scaleId"])).toBe(meant);
  });

  it("suggests nothing when no key is within two edits", () => {
    expect(nearestKey("colour", ["kind", "id", "points"])).toBeNull();
  });

  it("allows fewer edits for short keys: one for four letters, none for two", () => {
    expect(nearestKey("kond", ["kind"])).toBe("kind");
    expect(nearestKey("knd", ["kind"])).toBe("kind");
    expect(nearestKey("kd", ["id"])).toBeNull();
    expect(nearestKey("ID", ["id"])).toBe("id");
  });

  it("prefers the closest key, then the first listed", () => {
    expect(nearestKey("pointz", ["points", "pointer"])).toBe("points");
    expect(nearestKey("ab", ["aB", "Ab"])).toBe("aB");
  });
});

describe("safeParseShape", () => {
  const Schema = z.strictObject({
    id: z.string(),
    inner: z.strictObject({ step: z.number(), label: z.string() }),
  });

  it("reports each unknown key at its own path with the key meant", () => {
    const r = safeParseShape(Schema, { id: "a", inner: { stepp: 1, label: "x", colour: 2 }, extra: true });
    expect(r).toEqual({
      success: false,
      issues: [
        {
          path: "inner.step",
          message: "Invalid input: expected number, received undefined",
          messageVi: "Đầu vào không hợp lệ: mong đợi số, nhận được undefined",
        },
        {
          path: "inner.stepp",
          code: "UNKNOWN_KEY",
          key: "stepp",
          suggestion: "step",
          message: "Unknown key 'stepp' (did you mean 'step'?)",
          messageVi: "Khóa 'stepp' không có trong cấu trúc (có phải 'step'?)",
        },
        {
          path: "inner.colour",
          code: "UNKNOWN_KEY",
          key: "colour",
          suggestion: null,
          message: "Unknown key 'colour' (known keys: step, label)",
          messageVi: "Khóa 'colour' không có trong cấu trúc (các khóa có: step, label)",
        },
        {
          path: "extra",
          code: "UNKNOWN_KEY",
          key: "extra",
          suggestion: null,
          message: "Unknown key 'extra' (known keys: id, inner)",
          messageVi: "Khóa 'extra' không có trong cấu trúc (các khóa có: id, inner)",
        },
      ],
    });
  });

  it("passes valid input through", () => {
    expect(safeParseShape(Schema, { id: "a", inner: { step: 1, label: "x" } })).toEqual({
      success: true,
      data: { id: "a", inner: { step: 1, label: "x" } },
    });
  });
});
