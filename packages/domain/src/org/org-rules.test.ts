import { describe, expect, it } from "vitest";
import { ActorSchema } from "./actor.js";
import { findLevel } from "./find-level.js";
import { defaultLevelSets, type LevelSet, LevelSetSchema } from "./level-set.js";
import { levelSetOn } from "./level-set-on.js";
import { parseUnit } from "./parse-unit.js";
import { pathTo } from "./path-to.js";
import { RoleSchema } from "./role.js";
import type { Unit } from "./unit.js";
import { defaultUnitKinds, UnitKindSchema } from "./unit-kind.js";
import { buildUnitTree } from "./unit-tree.js";

const unit = (id: string, parentId: string | null): Unit => ({
  id,
  code: id.toUpperCase(),
  name: `Đơn vị ${id}`,
  parentId,
  level: "commune",
  kind: "party-cell",
});
const label = { vi: "Nhãn", en: "Label" };
const level = (code: string, rank: number) => ({ code, label, rank });

describe("org errors say what is wrong, in both languages", () => {
  it("names a duplicate unit id", () => {
    expect(buildUnitTree([unit("a", null), unit("b", "a"), unit("b", "a"), unit("a", null)])).toEqual({
      ok: false,
      error: {
        code: "ORG.DUPLICATE_UNIT_ID",
        message: { vi: "Trùng mã đơn vị: b, a", en: "Duplicate unit ids: b, a" },
        details: { unitIds: ["b", "a"] },
      },
    });
  });

  it("names orphans and their missing parents", () => {
    expect(buildUnitTree([unit("a", "x"), unit("b", "y")])).toEqual({
      ok: false,
      error: {
        code: "ORG.ORPHAN",
        message: {
          vi: "Đơn vị có đơn vị cấp trên không tồn tại: a, b",
          en: "Units whose parent does not exist: a, b",
        },
        details: { unitIds: ["a", "b"], missingParentIds: ["x", "y"] },
      },
    });
  });

  it("names the units of a cycle, and the cycles themselves", () => {
    const r = buildUnitTree([unit("root", null), unit("p", "q"), unit("q", "p"), unit("s", "s"), unit("t", "p")]);
    expect(r).toEqual({
      ok: false,
      error: {
        code: "ORG.CYCLE",
        message: {
          vi: "Cây đơn vị có vòng lặp qua các đơn vị: p, q, s, t",
          en: "The unit tree has a cycle through units: p, q, s, t",
        },
        details: { cycles: [["p", "q"], ["s"]], unitIds: ["p", "q", "s", "t"] },
      },
    });
  });

  it("names a unit that is not in the tree", () => {
    const tree = buildUnitTree([unit("a", null)]);
    if (!tree.ok) throw new Error(tree.error.message.en);
    expect(pathTo(tree.value, "ghost")).toEqual({
      ok: false,
      error: {
        code: "ORG.UNIT_NOT_FOUND",
        message: { vi: "Không tìm thấy đơn vị ghost", en: "Unit ghost not found" },
        details: { unitId: "ghost" },
      },
    });
  });

  it("names an unknown level", () => {
    expect(findLevel(defaultLevelSets, "hamlet")).toEqual({
      ok: false,
      error: {
        code: "ORG.UNKNOWN_LEVEL",
        message: { vi: 'Không có cấp "hamlet"', en: 'Unknown level "hamlet"' },
        details: { code: "hamlet" },
      },
    });
  });

  it("says when no level set, or more than one, is in force on a date", () => {
    const early = { ...(defaultLevelSets[0] as LevelSet), validFrom: "2000-01-01" };
    expect(levelSetOn([early], "1999-12-31")).toEqual({
      ok: false,
      error: {
        code: "ORG.NO_LEVEL_SET",
        message: {
          vi: "Không có hệ thống cấp nào áp dụng vào ngày 1999-12-31",
          en: "No level set is in force on 1999-12-31",
        },
        details: { date: "1999-12-31" },
      },
    });
    const twice = [defaultLevelSets[0] as LevelSet, { ...(defaultLevelSets[1] as LevelSet), validFrom: "2025-06-30" }];
    expect(levelSetOn(twice, "2025-06-30")).toEqual({
      ok: false,
      error: {
        code: "ORG.OVERLAPPING_LEVEL_SETS",
        message: {
          vi: "Nhiều hệ thống cấp cùng áp dụng vào ngày 2025-06-30",
          en: "More than one level set is in force on 2025-06-30",
        },
        details: { date: "2025-06-30", levelSetCodes: twice.map((s) => s.code) },
      },
    });
  });

  it("says an invalid unit is invalid, with its issues", () => {
    const r = parseUnit({ ...unit("a", null), name: "  " });
    expect(
      r.ok
        ? null
        : [r.error.code, r.error.message, ((r.error.details?.issues ?? []) as Array<{ path: string }>)[0]?.path],
    ).toEqual(["ORG.INVALID_UNIT", { vi: "Đơn vị không hợp lệ", en: "Invalid unit" }, "name"]);
  });
});

describe("org schemas", () => {
  it("lets only a system admin act without a unit", () => {
    expect(ActorSchema.safeParse({ userId: "u", role: "system-admin", unitId: null }).success).toBe(true);
    const r = ActorSchema.safeParse({ userId: "u", role: "unit-admin", unitId: null });
    expect(r.success ? null : r.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["unitId", "only a system admin may have no unit"],
    ]);
    expect(ActorSchema.safeParse({ userId: "u", role: "unit-admin", unitId: "x" }).success).toBe(true);
    expect(ActorSchema.safeParse({ userId: "", role: "unit-admin", unitId: "x" }).success).toBe(false);
    expect(ActorSchema.safeParse({ userId: "u", role: "unit-admin", unitId: "" }).success).toBe(false);
  });

  it("ships the unit kinds of a Vietnamese organization", () => {
    expect(defaultUnitKinds.map((k) => k.code)).toEqual([
      "party-committee",
      "party-cell",
      "peoples-council",
      "peoples-committee",
      "fatherland-front",
      "youth-union",
      "womens-union",
      "veterans-association",
      "farmers-association",
      "military-command",
      "police",
      "inspectorate",
      "school",
      "government-office",
      "enterprise",
    ]);
  });

  it("knows exactly five roles", () => {
    expect(RoleSchema.options).toEqual(["system-admin", "unit-admin", "unit-officer", "reviewer", "viewer"]);
  });

  it.each([
    ["party-cell", true],
    ["a1-b2-c3", true],
    ["Party-cell", false],
    ["x party-cell", false],
    ["party-cell!", false],
    ["party--cell", false],
    ["-cell", false],
  ])("takes the unit kind code %j: %s", (code, valid) => {
    expect(UnitKindSchema.safeParse({ code, label }).success).toBe(valid);
  });

  it.each([
    ["district", true],
    ["vn-three-tier", true],
    [" district", false],
    ["district ", false],
    ["district-", false],
    ["district-!", false],
  ])("takes the level code %j: %s", (code, valid) => {
    expect(
      LevelSetSchema.safeParse({ code: "s", label, validFrom: null, validTo: null, levels: [level(code, 0)] }).success,
    ).toBe(valid);
  });

  it("trims a unit's name", () => {
    expect(parseUnit({ ...unit("a", null), name: "  Chi bộ Thanh tra  " })).toMatchObject({
      ok: true,
      value: { name: "Chi bộ Thanh tra" },
    });
  });

  it("refuses a level set that ends before it starts, and takes one that lasts a day", () => {
    const set = { code: "s", label, levels: [level("a", 0)] };
    const r = LevelSetSchema.safeParse({ ...set, validFrom: "2025-02-01", validTo: "2025-01-31" });
    expect(r.success ? null : r.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["validTo", "validFrom must not be after validTo"],
    ]);
    expect(LevelSetSchema.safeParse({ ...set, validFrom: "2025-02-01", validTo: "2025-02-01" }).success).toBe(true);
    expect(LevelSetSchema.safeParse({ ...set, validFrom: null, validTo: "2025-02-01" }).success).toBe(true);
    expect(LevelSetSchema.safeParse({ ...set, validFrom: "2025-02-01", validTo: null }).success).toBe(true);
  });

  it("refuses duplicate level codes and ranks, each with its own message", () => {
    const parse = (levels: unknown[]) => {
      const r = LevelSetSchema.safeParse({ code: "s", label, validFrom: null, validTo: null, levels });
      return r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message]);
    };
    expect(parse([level("a", 0), level("a", 1)])).toEqual([["levels", "level codes must be unique"]]);
    expect(parse([level("a", 0), level("b", 0)])).toEqual([["levels", "level ranks must be unique"]]);
    expect(parse([level("a", 0), level("b", 1)])).toEqual([]);
    expect(parse([level("A", 0)]).map(([path]) => path)).toEqual(["levels.0.code"]);
  });
});
