import { describe, expect, it } from "vitest";
import { deepFreeze } from "./deep-freeze.js";

describe("deepFreeze", () => {
  it("freezes nested objects and arrays, and returns the same value", () => {
    const value = { a: [{ b: 1 }], c: { d: { e: "x" } } };
    expect(deepFreeze(value)).toBe(value);
    expect([
      Object.isFrozen(value),
      Object.isFrozen(value.a),
      Object.isFrozen(value.a[0]),
      Object.isFrozen(value.c.d),
    ]).toEqual([true, true, true, true]);
  });

  it("leaves primitives and null alone, and stops at what is already frozen", () => {
    expect(deepFreeze(null)).toBeNull();
    expect(deepFreeze(3)).toBe(3);
    const inner = { x: 1 };
    const outer = Object.freeze({ inner });
    deepFreeze(outer);
    expect(Object.isFrozen(inner)).toBe(false);
  });
});
