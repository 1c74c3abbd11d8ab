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
    expect(!bad.ok && bad.error.details?.issues).toEqual([
      {
        path: "id",
        message: "Too small: expected string to have >=1 characters",
        messageVi: "Quá nhỏ: mong đợi string có >=1 ký tự",
      },
    ]);
  });

  it("default unit kinds have unique codes and both labels", async () => {
    const { defaultUnitKinds, UnitKindSchema } = await import("./unit-kind.js");
    // Not vacuous: the kinds the Thanh Liêm units are recorded with are among the defaults.
    const codes = defaultUnitKinds.map((k) => k.code);
    expect(codes).toEqual(expect.arrayContaining(["party-committee", "party-cell", "military-command", "youth-union"]));
    expect(new Set(codes).size).toBe(defaultUnitKinds.length);
    for (const kind of defaultUnitKinds) expect(UnitKindSchema.parse(kind)).toEqual(kind);
  });

  it("only a system admin may act without a unit", async () => {
    const { ActorSchema } = await import("./actor.js");
    const issues = (role: string, unitId: string | null) => {
      const r = ActorSchema.safeParse({ userId: "u", role, unitId });
      return r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message]);
    };
    expect(issues("system-admin", null)).toEqual([]);
    for (const role of ["unit-admin", "unit-officer", "reviewer", "viewer"]) {
      expect([role, issues(role, "xa-a")]).toEqual([role, []]);
      expect([role, issues(role, null)]).toEqual([role, [["unitId", "only a system admin may have no unit"]]]);
    }
  });
});
