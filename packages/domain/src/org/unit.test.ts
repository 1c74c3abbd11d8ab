import { describe, expect, it } from "vitest";
import { UnitSchema } from "./unit.js";

describe("UnitSchema", () => {
  it("accepts a root unit", () => {
    const unit = UnitSchema.parse({
      id: "u1",
      code: "HU-TL",
      name: "Huyện ủy Thanh Liêm",
      parentId: null,
      level: "district",
      kind: "party-committee",
    });
    expect(unit.name).toBe("Huyện ủy Thanh Liêm");
  });

  it("rejects an empty name after trimming", () => {
    const result = UnitSchema.safeParse({
      id: "u1",
      code: "X",
      name: "   ",
      parentId: null,
      level: "district",
      kind: "party-committee",
    });
    expect(result.success).toBe(false);
  });
});
