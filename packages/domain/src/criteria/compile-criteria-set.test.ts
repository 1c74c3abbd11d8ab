import { describe, expect, it } from "vitest";
import { contestSet } from "../scoring/test-support/contest-set.js";
import { checkCriteriaSet, compileCriteriaSet } from "./compile-criteria-set.js";
import type { CriteriaSetInput } from "./criteria-set.js";
import { defaultCriteriaSet } from "./default-criteria-set.js";

const t = (vi: string, en: string) => ({ vi, en });

describe("compileCriteriaSet's output", () => {
  it("turns weights into milli-points, tie-breaks into indices, gaps into milli-points", () => {
    const c = compileCriteriaSet(contestSet(false));
    if (!c.ok) throw new Error(c.error.message.en);
    expect(c.value.totalMilli).toBe(100_000);
    expect(c.value.scored.map((s) => [s.criterion.id, s.index, s.maxMilli, s.groupPath])).toEqual([
      ["idea", 0, 25_000, ["judges"]],
      ["impact", 1, 25_000, ["judges"]],
      ["vote-share", 2, 20_000, []],
      ["resolution", 3, 10_000, []],
      ["households", 4, 10_000, []],
      ["bonus", 5, 10_000, []],
    ]);
    expect(c.value.tieBreaks).toEqual([
      { index: 1, direction: "desc" },
      { index: 0, direction: "asc" },
    ]);
    expect([c.value.criterionGapMilli, c.value.totalGapMilli]).toEqual([10_000, 20_000]);
    expect(c.value.gates.map((g) => [g.criterion.id, g.allowance])).toEqual([
      ["running", 0],
      ["evidence", 0],
      ["voted", 0],
    ]);
    expect(c.value.allowances).toEqual([{ groupId: null, label: null, max: 1 }]);
    expect(c.value.scored.map((s) => s.dependsOnBest)).toEqual([false, false, true, false, false, false]);
    expect(c.value.groups.get("judges")).toEqual([0, 1]);
    expect(c.value.scales.get("s5")).toMatchObject({ minMilli: 0, maxMilli: 5_000, stepMilli: 500 });
    expect(c.value.tiers.map((x) => x.minMilli)).toEqual([80_000, 60_000, 40_000, 0]);
  });

  it("orders formulas after what they read, and marks what depends on the best", () => {
    const set: CriteriaSetInput = {
      status: "draft",
      id: "o",
      name: t("O", "O"),
      totalPoints: 40,
      inputs: [{ code: "votes", label: t("Phiếu", "Votes"), missingAs: 0 }],
      criteria: [
        { kind: "formula", id: "twice", label: t("2", "2"), points: 10, expression: 'min(10, 2 * points("share"))' },
        { kind: "formula", id: "sum", label: t("Σ", "Σ"), points: 10, expression: 'min(10, group_total("g"))' },
        {
          kind: "group",
          id: "g",
          label: t("G", "G"),
          maxNonEliminatoryFailures: 2,
          children: [
            {
              kind: "indicator",
              id: "share",
              label: t("S", "S"),
              points: 10,
              rule: { kind: "relative-to-best", input: "votes" },
            },
            {
              kind: "indicator",
              id: "flat",
              label: t("F", "F"),
              points: 10,
              rule: { kind: "linear", input: "votes", from: 0, to: 10 },
            },
            { kind: "gate", id: "gate", label: t("Gate", "Gate"), condition: { kind: "evidence" }, eliminatory: false },
          ],
        },
      ],
      tiers: [{ id: "t", label: t("T", "T"), min: 0 }],
    };
    const c = compileCriteriaSet(set);
    if (!c.ok) throw new Error(c.error.message.en);
    const ids = c.value.scored.map((s) => s.criterion.id);
    expect(ids).toEqual(["twice", "sum", "share", "flat"]);
    expect(c.value.order.map((i) => ids[i])).toEqual(["share", "twice", "flat", "sum"]);
    expect(c.value.scored.map((s) => [s.criterion.id, s.dependencies, s.dependsOnBest])).toEqual([
      ["twice", [2], true],
      ["sum", [2, 3], true],
      ["share", [], true],
      ["flat", [], false],
    ]);
    expect(c.value.allowances).toEqual([
      { groupId: null, label: null, max: 0 },
      { groupId: "g", label: t("G", "G"), max: 2 },
    ]);
    expect(c.value.gates[0]?.allowance).toBe(1);
  });

  it("lets a group nest six deep, not seven", () => {
    const nested = (depth: number): CriteriaSetInput => {
      let node: Record<string, unknown> = { kind: "rating", id: "q", label: t("Q", "Q"), points: 10, scaleId: "s" };
      for (let i = 0; i < depth; i++) node = { kind: "group", id: `g${i}`, label: t("G", "G"), children: [node] };
      return {
        status: "draft",
        id: "n",
        name: t("N", "N"),
        totalPoints: 10,
        scales: [{ id: "s", label: t("S", "S"), min: 0, max: 10, step: 1 }],
        criteria: [node as never],
        tiers: [{ id: "t", label: t("T", "T"), min: 0 }],
      };
    };
    expect(compileCriteriaSet(nested(5)).ok).toBe(true);
    const deep = compileCriteriaSet(nested(6));
    expect(deep.ok ? [] : ((deep.error.details?.issues ?? []) as Array<{ code: string }>).map((i) => i.code)).toContain(
      "CRITERIA.TOO_DEEP",
    );
  });

  it("accepts scale values up to 100,000 and refuses beyond", () => {
    const scaled = (max: number) =>
      compileCriteriaSet({
        ...defaultCriteriaSet,
        scales: defaultCriteriaSet.scales.map((s) => (s.id === "theme-5" ? { ...s, max, bands: [] } : s)),
      });
    expect(scaled(100_000).ok).toBe(true);
    const big = scaled(100_001);
    // The refused bound counts as 0, so the scale reads as empty too.
    expect(big.ok ? [] : ((big.error.details?.issues ?? []) as Array<{ code: string }>).map((i) => i.code)).toEqual([
      "CRITERIA.NOT_EXACT",
      "CRITERIA.SCALE_EMPTY",
    ]);
  });

  it("refuses raw JSON without throwing, and checks a parsed set alike", () => {
    expect(compileCriteriaSet({ status: "draft" })).toMatchObject({ ok: false, error: { code: "CRITERIA.SHAPE" } });
    expect(compileCriteriaSet(null)).toMatchObject({ ok: false, error: { code: "CRITERIA.SHAPE" } });
    expect(checkCriteriaSet(defaultCriteriaSet).ok).toBe(true);
  });
});

describe("compileCriteriaSet's output, in order", () => {
  const oneScale = (bands: Array<{ id: string; min: number; max: number }>): CriteriaSetInput => ({
    status: "draft",
    id: "b",
    name: t("B", "B"),
    totalPoints: 10,
    scales: [
      {
        id: "s",
        label: t("S", "S"),
        min: 0,
        max: 10,
        step: 1,
        bands: bands.map((b) => ({ ...b, label: t(b.id, b.id) })),
      },
    ],
    criteria: [{ kind: "rating", id: "q", label: t("Q", "Q"), points: 10, scaleId: "s" }],
    tiers: [{ id: "t", label: t("T", "T"), min: 0 }],
  });

  it("sorts a scale's bands from the lowest up, whatever order they are listed in", () => {
    const c = compileCriteriaSet(
      oneScale([
        { id: "high", min: 8, max: 10 },
        { id: "low", min: 0, max: 3 },
        { id: "mid", min: 4, max: 7 },
      ]),
    );
    if (!c.ok) throw new Error(c.error.message.en);
    expect(c.value.scales.get("s")?.bands.map((b) => [b.band.id, b.minMilli, b.maxMilli])).toEqual([
      ["low", 0, 3_000],
      ["mid", 4_000, 7_000],
      ["high", 8_000, 10_000],
    ]);
  });

  it("names two bands starting together narrower first, whichever is listed first", () => {
    const overlap = (bands: Array<{ id: string; min: number; max: number }>) => {
      const c = compileCriteriaSet(oneScale(bands));
      return c.ok
        ? []
        : ((c.error.details?.issues ?? []) as Array<{ details: { bands?: string[] } }>).map((i) => i.details.bands);
    };
    const narrow = { id: "narrow", min: 2, max: 3 };
    const wide = { id: "wide", min: 2, max: 6 };
    expect(overlap([wide, narrow])).toEqual([["narrow", "wide"]]);
    expect(overlap([narrow, wide])).toEqual([["narrow", "wide"]]);
  });

  it("lists what a formula reads by position in the tree, not by the name it reads", () => {
    const c = compileCriteriaSet({
      status: "draft",
      id: "d",
      name: t("D", "D"),
      totalPoints: 30,
      inputs: [{ code: "votes", label: t("Phiếu", "Votes"), missingAs: 0 }],
      criteria: [
        {
          kind: "indicator",
          id: "zeta",
          label: t("Z", "Z"),
          points: 10,
          rule: { kind: "linear", input: "votes", from: 0, to: 10 },
        },
        {
          kind: "formula",
          id: "both",
          label: t("B", "B"),
          points: 10,
          expression: 'min(10, points("alpha") + points("zeta"))',
        },
        {
          kind: "indicator",
          id: "alpha",
          label: t("A", "A"),
          points: 10,
          rule: { kind: "linear", input: "votes", from: 0, to: 5 },
        },
      ],
      tiers: [{ id: "t", label: t("T", "T"), min: 0 }],
    });
    if (!c.ok) throw new Error(c.error.message.en);
    expect(c.value.scored.map((s) => [s.criterion.id, s.dependencies])).toEqual([
      ["zeta", []],
      ["both", [0, 2]],
      ["alpha", []],
    ]);
  });

  it("does not mark a formula as depending on the best when what it reads does not", () => {
    const c = compileCriteriaSet({
      status: "draft",
      id: "d",
      name: t("D", "D"),
      totalPoints: 20,
      inputs: [{ code: "votes", label: t("Phiếu", "Votes"), missingAs: 0 }],
      criteria: [
        {
          kind: "indicator",
          id: "flat",
          label: t("F", "F"),
          points: 10,
          rule: { kind: "linear", input: "votes", from: 0, to: 10 },
        },
        { kind: "formula", id: "half", label: t("H", "H"), points: 10, expression: 'points("flat") / 2' },
      ],
      tiers: [{ id: "t", label: t("T", "T"), min: 0 }],
    });
    if (!c.ok) throw new Error(c.error.message.en);
    expect(c.value.scored.map((s) => [s.criterion.id, s.dependencies, s.dependsOnBest])).toEqual([
      ["flat", [], false],
      ["half", [0], false],
    ]);
  });

  it("throws on a node of a kind it does not know, naming it: the schema lets none through", () => {
    const set = {
      ...defaultCriteriaSet,
      criteria: [...defaultCriteriaSet.criteria, { kind: "bonus", id: "x" }],
    } as unknown as Parameters<typeof checkCriteriaSet>[0];
    expect(() => checkCriteriaSet(set)).toThrow(new Error('unknown node {"kind":"bonus","id":"x"}'));
  });
});
