import { describe, expect, it } from "vitest";
import { type CriteriaSetInput, compileCriteriaSet, defaultCriteriaSet } from "../criteria/index.js";
import type { ReviewerCalibration } from "./calibrate-reviewers.js";
import { DISQUALIFIED, NO_POINTS, QUALIFIED, scoreColumns, UNSCORED } from "./score-columns.js";
import { scoreRound } from "./score-round.js";
import type { ScoringSubject } from "./scoring-subject.js";
import { defaultSubject } from "./test-support/subjects.js";

const referenceDate = "2025-06-30";
const t = (vi: string, en: string) => ({ vi, en });
const good = { novelty: 24, effectiveness: 8, reach: 8, theme: 4 };
const round = (set: CriteriaSetInput, subjects: ScoringSubject[]) => {
  const r = scoreRound(set as never, subjects, { referenceDate });
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message.en}`);
  return r.value;
};

describe("scoring into columns, at the edges", () => {
  it("finds no band for an aggregate between two bands, and the band at each end of one", () => {
    const bandOf = (a: number, b: number) => {
      const r = round(defaultCriteriaSet, [
        defaultSubject(
          "m",
          [
            { ...good, novelty: a },
            { ...good, novelty: b },
          ],
          { adopters: 1 },
        ),
      ]);
      const d = r.models[0]?.criteria[0]?.detail;
      return d?.kind === "rating" ? (d.band?.id ?? null) : "?";
    };
    // Bands: medium 16–20, substantial 21–26. The mean of 20 and 21 is 20.5: in neither.
    expect([bandOf(20, 21), bandOf(16, 16), bandOf(20, 20), bandOf(21, 21), bandOf(26, 26)]).toEqual([
      null,
      "medium",
      "medium",
      "substantial",
      "substantial",
    ]);
  });

  it("refuses a self-assessment rating off the scale, naming the unit's card", () => {
    const s = defaultSubject("m", good, { adopters: 1 });
    const withSelf = {
      ...s,
      scorecards: [...s.scorecards, { reviewerId: "unit", role: "self" as const, scores: { ...good, novelty: 31 } }],
    };
    expect(round(defaultCriteriaSet, [withSelf]).unscored[0]?.error).toMatchObject({
      code: "SCORING.RATING_OFF_SCALE",
      details: { reviewerId: "unit", criterionId: "novelty", modelId: "m" },
    });
  });

  it("clamps a formula to [0, its points] at the exact ends", () => {
    const formula = (expression: string): CriteriaSetInput => ({
      status: "draft",
      id: "f",
      name: t("F", "F"),
      totalPoints: 10,
      inputs: [{ code: "x", label: t("X", "X") }],
      criteria: [{ kind: "formula", id: "f", label: t("F", "F"), points: 10, expression }],
      tiers: [{ id: "t", label: t("T", "T"), min: 0 }],
    });
    const at = (x: number) => {
      const s: ScoringSubject = {
        modelId: "m",
        unitId: "u",
        registeredAt: "2024-01-01T00:00:00Z",
        facts: { startDate: "2020-01-01", evidenceCount: 0, disciplined: false, indicators: { x } },
        scorecards: [],
      };
      const m = round(formula("x"), [s]).models[0];
      const d = m?.criteria[0]?.detail;
      return [m?.totalMilli, d?.kind === "formula" ? d.clamped : "?"];
    };
    expect([at(10), at(10.0001), at(0), at(-0.5), at(9.9995), at(0.0004)]).toEqual([
      [10_000, false],
      [10_000, true],
      [0, false],
      [0, true],
      [10_000, false],
      [0, false],
    ]);
  });

  it("takes a missing value's default, and skips values that are not finite, when finding the best", () => {
    const votes: CriteriaSetInput = {
      status: "draft",
      id: "v",
      name: t("V", "V"),
      totalPoints: 40,
      inputs: [{ code: "votes", label: t("Phiếu", "Votes"), missingAs: 50 }],
      criteria: [
        {
          kind: "indicator",
          id: "a",
          label: t("A", "A"),
          points: 20,
          rule: { kind: "relative-to-best", input: "votes" },
        },
        {
          kind: "indicator",
          id: "b",
          label: t("B", "B"),
          points: 20,
          rule: { kind: "relative-to-best", input: "votes" },
        },
      ],
      tiers: [{ id: "t", label: t("T", "T"), min: 0 }],
    };
    const s = (modelId: string, indicators: Record<string, number>): ScoringSubject => ({
      modelId,
      unitId: "u",
      registeredAt: "2024-01-01T00:00:00Z",
      facts: { startDate: "2020-01-01", evidenceCount: 0, disciplined: false, indicators },
      scorecards: [],
    });
    const r = round(votes, [s("a", { votes: 25 }), s("b", {}), s("c", { votes: Number.POSITIVE_INFINITY })]);
    expect(r.best).toEqual({ votes: 50 });
    expect(r.models.find((m) => m.modelId === "a")?.points).toEqual([10_000, 10_000]);
    expect(r.unscored.map((u) => [u.modelId, u.error.code])).toEqual([["c", "SCORING.MISSING_INDICATOR"]]);
  });

  it("counts the final tiers and lists models whose reviewers disagree on one criterion", () => {
    const gapped = {
      ...defaultCriteriaSet,
      aggregation: { ...defaultCriteriaSet.aggregation, disagreement: { criterionGap: 5 } },
    };
    const split = defaultSubject(
      "split",
      [
        { ...good, novelty: 30 },
        { ...good, novelty: 15 },
      ],
      { adopters: 1 },
    );
    const calm = defaultSubject("calm", good, { adopters: 1 });
    const r = round(gapped, [split, calm]);
    expect(r.needsAnotherReviewer).toEqual(["split"]);
    expect(r.models.find((m) => m.modelId === "split")?.disagreement).toEqual({
      criteria: ["novelty"],
      totalSpreadMilli: 10_000,
      totalExceedsGap: false,
      needsAnotherReviewer: true,
    });
    expect(r.tierCounts).toEqual({ excellent: 0, good: 2, pass: 0, fail: 0 });
  });

  it("keeps the reviewer totals exact: a total of x.5 milli-points rounds up", () => {
    // Reach 15 × 7.5 ÷ 10 = 11.25 and effectiveness 30 × 8.5 ÷ 10 = 25.5 for r1; r2 rates reach 7 (10.5) —
    // totals 16 + 25.5 + 11.25 + 4 = 56.75 and 16 + 25.5 + 10.5 + 4 = 56: 0.75 apart.
    const s = defaultSubject("m", [
      { ...good, effectiveness: 8.5, reach: 7.5 },
      { ...good, effectiveness: 8.5, reach: 7 },
    ]);
    expect(round(defaultCriteriaSet, [s]).models[0]?.disagreement.totalSpreadMilli).toBe(750);
  });
});

/** The compiled set, or a thrown error naming why it does not compile. */
const compile = (set: CriteriaSetInput) => {
  const c = compileCriteriaSet(set);
  if (!c.ok) throw new Error(`${c.error.code} ${c.error.message.en}`);
  return c.value;
};
const columnsOf = (set: CriteriaSetInput, subjects: ScoringSubject[], full = true) =>
  scoreColumns(compile(set), subjects, { referenceDate, full });
type Scores = Record<string, unknown>;
const verifier = (reviewerId: string, scores: Scores) => ({ reviewerId, role: "verifier" as const, scores }) as never;
const self = (reviewerId: string, scores: Scores) => ({ reviewerId, role: "self" as const, scores }) as never;
const subject = (
  modelId: string,
  scorecards: ScoringSubject["scorecards"],
  indicators: Record<string, number> = {},
): ScoringSubject => ({
  modelId,
  unitId: "u",
  registeredAt: "2024-01-01T00:00:00Z",
  facts: { startDate: "2020-01-01", evidenceCount: 1, disciplined: false, indicators },
  scorecards,
});
/** One rating criterion `a` on 0–10 in whole points, worth 10, then the given criteria. */
const withA = (extra: object[], more: Partial<CriteriaSetInput> = {}): CriteriaSetInput =>
  ({
    status: "draft",
    id: "s",
    name: t("S", "S"),
    totalPoints: 10 + extra.reduce((sum, c) => sum + ((c as { points?: number }).points ?? 0), 0),
    scales: [{ id: "s10", label: t("0–10", "0–10"), min: 0, max: 10, step: 1 }],
    criteria: [{ kind: "rating", id: "a", label: t("A", "A"), points: 10, scaleId: "s10" }, ...extra],
    tiers: [{ id: "t", label: t("T", "T"), min: 0 }],
    ...more,
  }) as CriteriaSetInput;

describe("the best value of a relative-to-best input", () => {
  it("is not set by a model whose self-assessment cannot be scored", () => {
    const set = withA(
      [
        {
          kind: "indicator",
          id: "v",
          label: t("V", "V"),
          points: 10,
          rule: { kind: "relative-to-best", input: "votes" },
        },
      ],
      {
        inputs: [{ code: "votes", label: t("V", "V"), missingAs: 0 }],
      },
    );
    const cols = columnsOf(set, [
      subject("top", [verifier("r1", { a: 5 }), self("unit", { a: 11 })], { votes: 100 }),
      subject("b", [verifier("r1", { a: 5 })], { votes: 50 }),
    ]);
    expect([...cols.state]).toEqual([UNSCORED, QUALIFIED]);
    expect(cols.best.get("votes")).toBe(50);
    expect(cols.points[3]).toBe(10_000);
  });

  it("is 0 when no model is qualified", () => {
    const set = withA(
      [
        {
          kind: "indicator",
          id: "v",
          label: t("V", "V"),
          points: 10,
          rule: { kind: "relative-to-best", input: "votes" },
        },
      ],
      {
        inputs: [{ code: "votes", label: t("V", "V"), missingAs: 0 }],
        criteria: [
          { kind: "gate", id: "g", label: t("G", "G"), condition: { kind: "evidence", atLeast: 5 } },
          { kind: "rating", id: "a", label: t("A", "A"), points: 10, scaleId: "s10" },
          {
            kind: "indicator",
            id: "v",
            label: t("V", "V"),
            points: 10,
            rule: { kind: "relative-to-best", input: "votes" },
          },
        ],
      } as never,
    );
    const cols = columnsOf(set, [subject("m", [verifier("r1", { a: 5 })], { votes: 100 })]);
    expect(cols.state[0]).toBe(DISQUALIFIED);
    expect(cols.best.get("votes")).toBe(0);
  });
});
