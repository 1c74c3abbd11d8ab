import { describe, expect, it } from "vitest";
import { findLevel } from "./find-level.js";
import { defaultLevelSets, LevelSetSchema } from "./level-set.js";
import { levelSetOn } from "./level-set-on.js";

describe("level sets", () => {
  it("the defaults parse", () => {
    for (const set of defaultLevelSets) expect(LevelSetSchema.safeParse(set).success).toBe(true);
  });

  it("switches from three tiers to two on 2025-07-01", () => {
    const before = levelSetOn(defaultLevelSets, "2025-06-30");
    const after = levelSetOn(defaultLevelSets, "2025-07-01");
    expect(before.ok && before.value.levels.map((l) => l.code)).toEqual(["province", "district", "commune"]);
    expect(after.ok && after.value.levels.map((l) => l.code)).toEqual(["province", "commune"]);
    expect(levelSetOn(defaultLevelSets, "1990-01-01").ok).toBe(true);
  });

  it("errors when no set or two sets cover the date", () => {
    const [threeTier] = defaultLevelSets;
    if (threeTier === undefined) throw new Error("missing default");
    expect(levelSetOn([threeTier], "2025-07-01")).toMatchObject({ ok: false, error: { code: "ORG.NO_LEVEL_SET" } });
    const overlapping = [threeTier, { ...threeTier, code: "copy" }];
    expect(levelSetOn(overlapping, "2020-01-01")).toMatchObject({
      ok: false,
      error: { code: "ORG.OVERLAPPING_LEVEL_SETS", details: { levelSetCodes: ["vn-three-tier", "copy"] } },
    });
  });

  it("finds a retired level for old records, and reports an unknown one", () => {
    expect(findLevel(defaultLevelSets, "district")).toMatchObject({ ok: true, value: { label: { vi: "Cấp huyện" } } });
    expect(findLevel(defaultLevelSets, "hamlet")).toMatchObject({ ok: false, error: { code: "ORG.UNKNOWN_LEVEL" } });
  });

  it("rejects inverted validity dates and duplicate ranks", () => {
    const [threeTier] = defaultLevelSets;
    expect(LevelSetSchema.safeParse({ ...threeTier, validFrom: "2026-01-01" }).success).toBe(false);
    const levels = threeTier?.levels.map((l) => ({ ...l, rank: 0 }));
    expect(LevelSetSchema.safeParse({ ...threeTier, levels }).success).toBe(false);
  });
});
