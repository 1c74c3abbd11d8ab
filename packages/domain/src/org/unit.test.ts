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

describe("parseUnit and the configured defaults", () => {
  it("returns a Result instead of throwing", async () => {
    const { parseUnit } = await import("./parse-unit.js");
    const bad = parseUnit({ id: "", code: "X", name: "A", parentId: null, level: "x", kind: "y" });
    expect(bad).toMatchObject({ ok: false, error: { code: "ORG.INVALID_UNIT" } });
    expect(!bad.ok && bad.error.details?.issues).toEqual([{ path: "id", message: expect.any(String) }]);
  });

  it("default unit kinds have unique codes and both labels", async () => {
    const { defaultUnitKinds, UnitKindSchema } = await import("./unit-kind.js");
    expect(new Set(defaultUnitKinds.map((k) => k.code)).size).toBe(defaultUnitKinds.length);
    for (const kind of defaultUnitKinds) expect(UnitKindSchema.parse(kind)).toEqual(kind);
  });

  it("only a system admin may act without a unit", async () => {
    const { ActorSchema } = await import("./actor.js");
    expect(ActorSchema.safeParse({ userId: "u", role: "system-admin", unitId: null }).success).toBe(true);
    expect(ActorSchema.safeParse({ userId: "u", role: "unit-admin", unitId: null }).success).toBe(false);
  });
});
