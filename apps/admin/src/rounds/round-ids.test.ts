import { describe, expect, it } from "vitest";
import { modelIdsOf, rawId } from "./round-ids";

describe("round ids", () => {
  it("reads the database id inside a global id, and leaves a plain id alone", () => {
    expect(rawId(btoa("Model:4fdc15dc-036f-4ca9"))).toBe("4fdc15dc-036f-4ca9");
    expect(rawId("4fdc15dc-036f-4ca9")).toBe("4fdc15dc-036f-4ca9");
  });

  it("lists the models a refusal names, and nothing from missing or odd details", () => {
    expect(modelIdsOf({ modelIds: ["a", "b", 3] })).toEqual(["a", "b"]);
    expect(modelIdsOf({})).toEqual([]);
    expect(modelIdsOf({ modelIds: "a" })).toEqual([]);
  });
});
