import { describe, expect, it } from "vitest";
import { compileCriteriaSet, defaultCriteriaSet } from "../criteria/index.js";
import { buildRoundContext } from "./build-round-context.js";
import { scoreCompiledModel } from "./score-model.js";
import { scoreRound } from "./score-round.js";
import { defaultSubject } from "./test-support/subjects.js";

const referenceDate = "2025-06-30";
const good = { novelty: 25, effectiveness: 8.5, reach: 7, theme: 4 };
const withSelf = (() => {
  const s = defaultSubject("m", good, { adopters: 3, disciplined: false });
  const { theme: _theme, ...noTheme } = good;
  return { ...s, scorecards: [...s.scorecards, { reviewerId: "unit", role: "self" as const, scores: noTheme }] };
})();
const round = (breakdown: "full" | "points") => {
  const r = scoreRound(defaultCriteriaSet, [withSelf, defaultSubject("young", good, { startDate: "2025-01-01" })], {
    referenceDate,
    breakdown,
    explain: true,
  });
  if (!r.ok) throw new Error(r.error.message.en);
  return r.value;
};

describe("a round's models are views over its columns", () => {
  it("serialize to the plain object, every field included", () => {
    const m = round("full").models[0];
    const plain = JSON.parse(JSON.stringify(m));
    expect(Object.keys(plain).sort()).toEqual(
      [
        "criteria",
        "demotedFrom",
        "demotion",
        "disagreement",
        "disqualification",
        "exactPointsMilli",
        "exactTotalMilli",
        "explanation",
        "failedGates",
        "gates",
        "maxMilli",
        "modelId",
        "points",
        "position",
        "rank",
        "registeredAt",
        "scoreTierId",
        "selfAssessment",
        "status",
        "tierId",
        "totalMilli",
        "unitGroup",
        "unitId",
        "warnings",
      ].filter((k) => k !== "unitGroup"),
    );
    expect(plain).toMatchObject({ modelId: "m", unitId: "u-m", rank: 1, position: 1, status: "qualified" });
    expect(plain.points.reduce((a: number, b: number) => a + b, 0)).toBe(plain.totalMilli);
  });

  it("keep the columns out of JSON and equality", () => {
    const r = round("points");
    expect(Object.keys(r)).not.toContain("columns");
    expect(r.columns.models).toBe(2);
  });

  it("give gate outcomes with what was observed, in points mode too", () => {
    for (const mode of ["full", "points"] as const) {
      const young = round(mode).models.find((m) => m.modelId === "young");
      expect(young?.gates.map((g) => [g.criterionId, g.passed, g.observed])).toEqual([
        ["running-12-months", false, 5],
        ["evidence-attached", true, 3],
        ["not-disciplined", true, false],
      ]);
      expect(young?.failedGates).toEqual(["running-12-months"]);
      expect(young?.disqualification).toEqual({ eliminatoryGates: ["running-12-months"], exceededAllowances: [] });
      expect(young).toMatchObject({ status: "disqualified", rank: null, tierId: null, scoreTierId: null, position: 2 });
    }
  });

  it("build the per-criterion breakdown in full mode only", () => {
    expect(round("points").models[0]?.criteria).toEqual([]);
    const novelty = round("full").models[0]?.criteria[0];
    expect(novelty).toMatchObject({
      criterionId: "novelty",
      maxMilli: 20_000,
      pointsMilli: 16_667,
      detail: {
        kind: "rating",
        method: "mean",
        aggregate: { numerator: 50_000, denominator: 2 },
        scaleMinMilli: 0,
        scaleMaxMilli: 30_000,
        band: { id: "substantial" },
        spreadMilli: 0,
        exceedsGap: false,
        reviewers: [
          {
            reviewerId: "r1",
            rawMilli: 25_000,
            usedMilli: 25_000,
            shiftMilli: 0,
            pointsMilli: 16_667,
            calibration: null,
          },
          {
            reviewerId: "r2",
            rawMilli: 25_000,
            usedMilli: 25_000,
            shiftMilli: 0,
            pointsMilli: 16_667,
            calibration: null,
          },
        ],
      },
    });
    expect(novelty?.exactMilli).toBeCloseTo(50_000 / 3, 9);
  });

  it("report the self-assessment beside, with no value for what the unit did not rate", () => {
    const m = round("points").models[0];
    // Self: novelty 16.6667 + effectiveness 25.5 + replicability 14 + reach 10.5 + sustainability 10 + theme (none) 0.
    expect(m?.selfAssessment).toEqual({
      totalMilli: 76_667,
      complete: false,
      criteria: [
        { criterionId: "novelty", pointsMilli: 16_667 },
        { criterionId: "effectiveness", pointsMilli: 25_500 },
        { criterionId: "replicability", pointsMilli: 14_000 },
        { criterionId: "reach", pointsMilli: 10_500 },
        { criterionId: "sustainability", pointsMilli: 10_000 },
        { criterionId: "theme", pointsMilli: null },
      ],
      differenceMilli: (m?.totalMilli ?? 0) - 76_667,
    });
  });
});

describe("model views of disagreement, indicator details and gates", () => {
  // Two ratings worth 50 points each on 0–10 (5 points a unit); disagreement past 10 points
  // between reviewers on a criterion, or 15 between their totals. Votes feed a relative-to-best
  // and a linear criterion. M: q 4/6 (20/30 points: spread 10, at the gap), r 5/8 (25/40: 15,
  // past it); totals 45 and 70. N: q 5/6 (5), r 5/7 (10, at the gap); totals 50 and 65 (15, at the gap).
  const t = (vi: string, en: string) => ({ vi, en });
  const set = (disagreement: Record<string, number>) => ({
    status: "draft",
    id: "mv",
    name: t("MV", "MV"),
    totalPoints: 120,
    inputs: [{ code: "votes", label: t("Phiếu", "Votes") }],
    scales: [{ id: "s10", label: t("0-10", "0-10"), min: 0, max: 10, step: 1 }],
    criteria: [
      {
        kind: "gate",
        id: "g",
        label: t("Có minh chứng", "Has evidence"),
        condition: { kind: "formula", expression: "evidence_count >= 1" },
      },
      { kind: "rating", id: "q", label: t("Q", "Q"), points: 50, scaleId: "s10" },
      { kind: "rating", id: "r", label: t("R", "R"), points: 50, scaleId: "s10" },
      {
        kind: "indicator",
        id: "share",
        label: t("S", "S"),
        points: 10,
        rule: { kind: "relative-to-best", input: "votes" },
      },
      {
        kind: "indicator",
        id: "lin",
        label: t("L", "L"),
        points: 10,
        rule: { kind: "linear", input: "votes", from: 0, to: 10 },
      },
    ],
    tiers: [{ id: "any", label: t("Mọi", "Any"), min: 0 }],
    aggregation: { method: { kind: "mean" }, disagreement },
  });
  const model = (id: string, r1: [number, number], r2: [number, number]) => ({
    modelId: id,
    unitId: `u-${id}`,
    registeredAt: "2024-01-01T00:00:00Z",
    facts: { startDate: "2020-01-01", evidenceCount: 1, disciplined: false, indicators: { votes: 4 } },
    scorecards: [
      { reviewerId: "r1", role: "verifier" as const, scores: { q: r1[0], r: r1[1] } },
      { reviewerId: "r2", role: "verifier" as const, scores: { q: r2[0], r: r2[1] } },
    ],
  });
  const models = (disagreement: Record<string, number>, explain = false) => {
    const r = scoreRound(set(disagreement) as never, [model("M", [4, 5], [6, 8]), model("N", [5, 5], [6, 7])], {
      referenceDate,
      breakdown: "full",
      explain,
    });
    if (!r.ok) throw new Error(r.error.message.en);
    return Object.fromEntries(r.value.models.map((m) => [m.modelId, m]));
  };
  const gaps = { criterionGap: 10, totalGap: 15 };
  const exceeds = (m: { criteria: readonly { criterionId: string; detail: unknown }[] } | undefined) =>
    m?.criteria
      .filter((c) => c.criterionId === "q" || c.criterionId === "r")
      .map((c) => [c.criterionId, (c.detail as { exceedsGap: boolean }).exceedsGap]);

  it("flags a criterion whose spread is past the gap, not one at it", () => {
    const { M, N } = models(gaps);
    expect(exceeds(M)).toEqual([
      ["q", false],
      ["r", true],
    ]);
    expect(exceeds(N)).toEqual([
      ["q", false],
      ["r", false],
    ]);
    expect(M?.disagreement).toEqual({
      criteria: ["r"],
      totalSpreadMilli: 25_000,
      totalExceedsGap: true,
      needsAnotherReviewer: true,
    });
  });

  it("needs no other reviewer when every spread is at most its gap", () => {
    expect(models(gaps).N?.disagreement).toEqual({
      criteria: [],
      totalSpreadMilli: 15_000,
      totalExceedsGap: false,
      needsAnotherReviewer: false,
    });
  });

  it("flags no criterion when the set sets no gap", () => {
    expect(exceeds(models({}).M)).toEqual([
      ["q", false],
      ["r", false],
    ]);
  });

  it("shows the round's best only beside the rule relative to it", () => {
    const details = models(gaps)
      .M?.criteria.filter((c) => c.detail.kind === "indicator")
      .map((c) => c.detail);
    expect(details).toStrictEqual([
      { kind: "indicator", rule: "relative-to-best", input: "votes", value: 4, defaulted: false, best: 4 },
      { kind: "indicator", rule: "linear", input: "votes", value: 4, defaulted: false },
    ]);
  });

  it("gives a formula gate's observation as a boolean", () => {
    expect(models(gaps).M?.gates.map((g) => [g.criterionId, g.passed, g.observed])).toEqual([["g", true, true]]);
  });

  it("has no explanation, not even an empty key, unless asked for one", () => {
    const { M } = models(gaps);
    expect(M?.explanation).toBeUndefined();
    const alone = (explain: boolean) => {
      const m = model("M", [4, 5], [6, 8]);
      const compiled = compileCriteriaSet(set(gaps) as never);
      if (!compiled.ok) throw new Error(compiled.error.message.en);
      const context = buildRoundContext(compiled.value, [m], referenceDate);
      const r = scoreCompiledModel(compiled.value, m, referenceDate, context, { explain });
      if (!r.ok) throw new Error(r.error.message.en);
      return Object.keys(r.value);
    };
    expect(alone(false)).not.toContain("explanation");
    expect(alone(true)).toContain("explanation");
  });
});
