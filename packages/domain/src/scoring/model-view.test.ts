import { describe, expect, it } from "vitest";
import { defaultCriteriaSet } from "../criteria/index.js";
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
