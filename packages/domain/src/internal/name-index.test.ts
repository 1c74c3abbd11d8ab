import { describe, expect, it } from "vitest";
import { NameIndex } from "./name-index.js";

describe("NameIndex", () => {
  it("gives each name's value wherever it is met, and −1 for a name it does not know", () => {
    const index = new NameIndex(
      new Map([
        ["novelty", 0],
        ["reach", 1],
      ]),
    );
    expect([index.get("novelty", 0), index.get("reach", 1)]).toEqual([0, 1]);
    // The same names in another order, an unknown one where a known one was remembered.
    expect([index.get("reach", 0), index.get("novelty", 1)]).toEqual([1, 0]);
    expect([index.get("bogus", 0), index.get("novelty", 1), index.get("reach", 2)]).toEqual([-1, 0, 1]);
    expect(index.get("reach", 0)).toBe(1);
  });
});
