import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Result } from "../errors/result.js";
import { thanhLiemUnits, unit } from "../test-support/thanh-liem-units.js";
import { unwrap } from "../test-support/unwrap.js";
import { ancestorsOf } from "./ancestors-of.js";
import { depthOf } from "./depth-of.js";
import { descendantsOf } from "./descendants-of.js";
import { isWithinScope } from "./is-within-scope.js";
import { pathTo } from "./path-to.js";
import { buildUnitTree, type UnitTree } from "./unit-tree.js";

function mustBuild(units: Parameters<typeof buildUnitTree>[0]): UnitTree {
  const tree = buildUnitTree(units);
  if (!tree.ok) throw new Error(tree.error.code);
  return tree.value;
}
const ids = (r: Result<readonly { id: string }[]>) => unwrap(r).map((u) => u.id);

describe("buildUnitTree", () => {
  it("accepts an empty list and a forest of several roots", () => {
    expect(mustBuild([]).preorder).toEqual([]);
    expect(mustBuild([unit("a", null), unit("b", null)]).rootIds).toEqual(["a", "b"]);
  });

  it("indexes parents before children, subtrees contiguous, children in input order", () => {
    const tree = mustBuild(thanhLiemUnits);
    expect(tree.preorder).toEqual([
      "tinh",
      "huyen",
      "thanh-tra",
      "chqs",
      "xa-a",
      "xa-a-doan",
      "xa-b",
      "huyen-2",
      "xa-c",
    ]);
    expect(tree.nodes.get("huyen")?.size).toBe(6);
  });

  it("accepts units listed children-first", () => {
    expect(mustBuild([...thanhLiemUnits].reverse()).nodes.size).toBe(thanhLiemUnits.length);
  });

  it("reports an orphan with its id and the missing parent id", () => {
    const result = buildUnitTree([unit("a", null), unit("b", "ghost"), unit("c", "b")]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("ORG.ORPHAN");
    expect(result.error.details).toEqual({ unitIds: ["b"], missingParentIds: ["ghost"] });
    expect(result.error.message.vi).toContain("b");
  });

  it("reports a unit that is its own parent as a cycle", () => {
    const result = buildUnitTree([unit("a", "a")]);
    expect(!result.ok && result.error.code).toBe("ORG.CYCLE");
    expect(!result.ok && result.error.details?.cycles).toEqual([["a"]]);
  });

  it("reports the units of a cycle and those hanging under it", () => {
    const result = buildUnitTree([
      unit("root", null),
      unit("x", "z"),
      unit("y", "x"),
      unit("z", "y"),
      unit("under", "y"),
    ]);
    expect(!result.ok && result.error.code).toBe("ORG.CYCLE");
    if (result.ok) return;
    expect(result.error.details?.cycles).toEqual([["x", "z", "y"]]);
    expect(result.error.details?.unitIds).toEqual(["x", "y", "z", "under"]);
  });

  it("reports duplicate ids", () => {
    const result = buildUnitTree([unit("a", null), unit("a", null)]);
    expect(!result.ok && result.error.code).toBe("ORG.DUPLICATE_UNIT_ID");
  });

  it("handles a 20,000-deep chain and a 20,000-wide tree without recursion", () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => unit(`u${i}`, i === 0 ? null : `u${i - 1}`));
    const deep = mustBuild(chain);
    expect(depthOf(deep, "u19999")).toEqual({ ok: true, value: 19_999 });
    expect(isWithinScope(deep, "u19999", "u0")).toBe(true);
    const wide = mustBuild([unit("r", null), ...Array.from({ length: 20_000 }, (_, i) => unit(`c${i}`, "r"))]);
    expect(unwrap(descendantsOf(wide, "r"))).toHaveLength(20_000);
  });
});

describe("tree helpers", () => {
  const tree = mustBuild(thanhLiemUnits);

  it("ancestorsOf lists nearest first, empty for a root", () => {
    expect(ids(ancestorsOf(tree, "xa-a-doan"))).toEqual(["xa-a", "huyen", "tinh"]);
    expect(ids(ancestorsOf(tree, "tinh"))).toEqual([]);
  });

  it("pathTo goes root → unit", () => {
    expect(ids(pathTo(tree, "xa-a-doan"))).toEqual(["tinh", "huyen", "xa-a", "xa-a-doan"]);
    expect(ids(pathTo(tree, "tinh"))).toEqual(["tinh"]);
  });

  it("descendantsOf excludes the unit itself; a leaf has none", () => {
    expect(ids(descendantsOf(tree, "xa-a"))).toEqual(["xa-a-doan"]);
    expect(ids(descendantsOf(tree, "xa-c"))).toEqual([]);
  });

  it("isWithinScope includes the scope root, excludes siblings, parents and unknown ids", () => {
    expect(isWithinScope(tree, "huyen", "huyen")).toBe(true);
    expect(isWithinScope(tree, "xa-a-doan", "huyen")).toBe(true);
    expect(isWithinScope(tree, "xa-c", "huyen")).toBe(false);
    expect(isWithinScope(tree, "huyen", "xa-a")).toBe(false);
    expect(isWithinScope(tree, "nope", "tinh")).toBe(false);
    expect(isWithinScope(tree, "tinh", "nope")).toBe(false);
  });

  it("depthOf counts the units above", () => {
    expect(depthOf(tree, "tinh")).toEqual({ ok: true, value: 0 });
    expect(depthOf(tree, "xa-a-doan")).toEqual({ ok: true, value: 3 });
  });

  it("returns ORG.UNIT_NOT_FOUND for an unknown id", () => {
    for (const r of [ancestorsOf(tree, "?"), descendantsOf(tree, "?"), pathTo(tree, "?"), depthOf(tree, "?")]) {
      expect(!r.ok && r.error.code).toBe("ORG.UNIT_NOT_FOUND");
    }
  });
});

/** A random forest: unit i's parent is null or one of the units before it. */
const randomForest = fc.array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 60 }).chain((parents) =>
  fc.shuffledSubarray(
    parents.map((p, i) => unit(`u${i}`, p === null || i === 0 ? null : `u${p % i}`)),
    { minLength: parents.length },
  ),
);

describe("tree invariants", () => {
  it("scope, ancestors, descendants and depth agree on every pair of units", () => {
    fc.assert(
      fc.property(randomForest, (units) => {
        const tree = mustBuild(units);
        for (const a of units) {
          const ancestorIds = new Set(unwrap(ancestorsOf(tree, a.id)).map((u) => u.id));
          if (unwrap(depthOf(tree, a.id)) !== ancestorIds.size) return false;
          for (const b of units) {
            const inScope = isWithinScope(tree, a.id, b.id);
            if (inScope !== (a.id === b.id || ancestorIds.has(b.id))) return false;
            const below = unwrap(descendantsOf(tree, b.id)).some((u) => u.id === a.id);
            if (below !== (inScope && a.id !== b.id)) return false;
          }
        }
        return true;
      }),
    );
  });

  it("closing any parent link back into a subtree is reported as a cycle", () => {
    fc.assert(
      fc.property(randomForest, fc.nat(), fc.nat(), (units, i, j) => {
        const tree = mustBuild(units);
        const top = units[i % units.length] as (typeof units)[number];
        const under = [top.id, ...unwrap(descendantsOf(tree, top.id)).map((u) => u.id)];
        const newParent = under[j % under.length] as string;
        const broken = units.map((u) => (u.id === top.id ? { ...u, parentId: newParent } : u));
        const result = buildUnitTree(broken);
        return !result.ok && result.error.code === "ORG.CYCLE";
      }),
    );
  });
});
