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
  const votes = {
    kind: "indicator",
    id: "v",
    label: t("V", "V"),
    points: 10,
    rule: { kind: "relative-to-best", input: "votes" },
  };
  const inputs = [{ code: "votes", label: t("V", "V"), missingAs: 0 }];

  it("is not set by a model whose self-assessment cannot be scored", () => {
    const set = withA([votes], { inputs });
    const cols = columnsOf(set, [
      subject("top", [verifier("r1", { a: 5 }), self("unit", { a: 11 })], { votes: 100 }),
      subject("b", [verifier("r1", { a: 5 })], { votes: 50 }),
    ]);
    expect([...cols.state]).toEqual([UNSCORED, QUALIFIED]);
    expect(cols.best.get("votes")).toBe(50);
    expect(cols.points[3]).toBe(10_000);
  });

  it("is 0 when no model is qualified", () => {
    const gate = { kind: "gate", id: "g", label: t("G", "G"), condition: { kind: "evidence", atLeast: 5 } };
    const set = withA([gate, votes], { inputs });
    const cols = columnsOf(set, [subject("m", [verifier("r1", { a: 5 })], { votes: 100 })]);
    expect(cols.state[0]).toBe(DISQUALIFIED);
    expect(cols.best.get("votes")).toBe(0);
  });
});

describe("scoring ratings into columns", () => {
  const sevenStep: CriteriaSetInput = {
    status: "draft",
    id: "s",
    name: t("S", "S"),
    totalPoints: 10,
    scales: [
      { id: "s17", label: t("1–7", "1–7"), min: 1, max: 7, step: 3 },
      { id: "s10", label: t("0–10", "0–10"), min: 0, max: 10, step: 1 },
    ],
    criteria: [
      { kind: "rating", id: "a", label: t("A", "A"), points: 6, scaleId: "s17" },
      { kind: "rating", id: "b", label: t("B", "B"), points: 4, scaleId: "s10" },
    ],
    tiers: [{ id: "t", label: t("T", "T"), min: 0 }],
  };
  const pair = (modelId: string) => subject(modelId, [verifier("r1", { a: 4, b: 5 }), verifier("r2", { a: 7, b: 5 })]);

  it("counts points from the scale's minimum: a rating of 4 on 1–7 is half the points", () => {
    // a: r1 6 × (4 − 1) ÷ 6 = 3, r2 6; the mean 5.5 gives 6 × 4.5 ÷ 6 = 4.5. b: 5 of 10 → 2 of 4.
    const cols = columnsOf(sevenStep, [pair("m")]);
    expect([...cols.points]).toEqual([4500, 2000]);
    expect(cols.totalMilli[0]).toBe(6500);
    expect([...cols.spreadMilli]).toEqual([3000, 0]);
    // Reviewer totals 3 + 2 = 5 and 6 + 2 = 8.
    expect(cols.totalSpreadMilli[0]).toBe(3000);
  });

  it("keeps one reviewer row per verifier and rating criterion, numbering reviewers once per round", () => {
    const cols = columnsOf(sevenStep, [pair("m"), pair("n")]);
    const rows = cols.reviewerRows;
    const kept = (a: Int32Array | Uint8Array) => [...a.subarray(0, 8)];
    expect(kept(rows.reviewer)).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
    expect(kept(rows.rawMilli)).toEqual([4000, 7000, 5000, 5000, 4000, 7000, 5000, 5000]);
    expect(kept(rows.pointsMilli)).toEqual([3000, 6000, 2000, 2000, 3000, 6000, 2000, 2000]);
    expect(kept(rows.calibration)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(cols.reviewerIds).toEqual(["r1", "r2"]);
    expect([...cols.reviewerStart]).toEqual([0, 2, 4, 6]);
    expect([...cols.reviewerCount]).toEqual([2, 2, 2, 2]);
  });

  it("keeps no reviewer rows without the full breakdown", () => {
    const cols = columnsOf(sevenStep, [pair("m")], false);
    expect(cols.reviewerIds).toEqual([]);
  });

  it("takes the steps from the scale's minimum: 4 is on 1–7 in steps of 3, 5 is not", () => {
    const cols = columnsOf(sevenStep, [subject("m", [verifier("r1", { a: 4, b: 5 }), verifier("r2", { a: 5, b: 5 })])]);
    expect(cols.errors.get(0)).toMatchObject({
      code: "SCORING.RATING_OFF_STEP",
      details: { reviewerId: "r2", criterionId: "a", value: 5 },
    });
  });

  it("rounds a reviewer total sitting exactly on half a milli-point up, though its double sum falls just short", () => {
    // Points of 0.001 each: 1 × 1 ÷ 2 + 1 × 2 ÷ 3 + 1 × 1 ÷ 3 = 1.5 milli exactly, 1.4999999999999998 as doubles.
    const tiny: CriteriaSetInput = {
      status: "draft",
      id: "p",
      name: t("P", "P"),
      totalPoints: 0.003,
      scales: [
        { id: "s13", label: t("1–3", "1–3"), min: 1, max: 3, step: 1 },
        { id: "s14", label: t("1–4", "1–4"), min: 1, max: 4, step: 1 },
      ],
      criteria: [
        { kind: "rating", id: "a", label: t("A", "A"), points: 0.001, scaleId: "s13" },
        { kind: "rating", id: "b", label: t("B", "B"), points: 0.001, scaleId: "s14" },
        { kind: "rating", id: "c", label: t("C", "C"), points: 0.001, scaleId: "s14" },
      ],
      tiers: [{ id: "t", label: t("T", "T"), min: 0 }],
    };
    expect(1 / 2 + 2 / 3 + 1 / 3).toBeLessThan(1.5);
    const cols = columnsOf(tiny, [
      subject("m", [verifier("r1", { a: 2, b: 3, c: 2 }), verifier("r2", { a: 1, b: 1, c: 1 })]),
    ]);
    // r1's total rounds to 2 milli, r2's is 0.
    expect(cols.totalSpreadMilli[0]).toBe(2);
  });

  it("aggregates a median over the ratings sorted, not in reviewer order", () => {
    const set = withA([], { aggregation: { method: { kind: "median" } } } as never);
    const cols = columnsOf(set, [
      subject("m", [verifier("r1", { a: 9 }), verifier("r2", { a: 1 }), verifier("r3", { a: 5 })]),
    ]);
    expect(cols.points[0]).toBe(5000);
  });

  it("warns of too few reviewers below the minimum, not at it", () => {
    const cols = columnsOf(withA([]), [
      subject("two", [verifier("r1", { a: 5 }), verifier("r2", { a: 5 })]),
      subject("one", [verifier("r1", { a: 5 })]),
    ]);
    expect(cols.warnings.has(0)).toBe(false);
    expect(cols.warnings.get(1)?.map((w) => w.code)).toEqual(["SCORING.TOO_FEW_REVIEWERS"]);
  });

  it("ignores scores a scorecard inherits", () => {
    const scores = Object.assign(Object.create({ bogus: 3 }) as Scores, { a: 5 });
    const cols = columnsOf(withA([]), [subject("m", [verifier("r1", scores), verifier("r2", { a: 5 })])]);
    expect(cols.state[0]).toBe(QUALIFIED);
    expect(cols.points[0]).toBe(5000);
  });

  it("sizes its buffers for a model with many scorecards, and clears them for the next", () => {
    // 40 cards × 2 rating criteria; a = i mod 10 for i = 1…40 has mean 4.5.
    const set = withA([{ kind: "rating", id: "b", label: t("B", "B"), points: 10, scaleId: "s10" }]);
    const many = Array.from({ length: 40 }, (_, i) =>
      verifier(`r${String(i + 1).padStart(2, "0")}`, { a: (i + 1) % 10, b: 1 }),
    );
    // The second model's r2 has no b: only r1's 5 counts (a stale 1 would make it 3).
    const next = subject("next", [verifier("r01", { a: 5, b: 5 }), verifier("r02", { a: 5 })]);
    const cols = columnsOf(set, [subject("many", many), next]);
    expect([...cols.points]).toEqual([4500, 1000, 5000, 5000]);
    expect(cols.reviewerCount[1]).toBe(40);
    expect([cols.reviewerStart[3], cols.reviewerCount[3]]).toEqual([82, 1]);
    expect(cols.reviewerRows.rawMilli[79]).toBe(1000);
  });
});

describe("reviewer totals of a model with many scorecards", () => {
  it("spread from the lowest to the highest total, every card counted", () => {
    // 40 cards; reviewer i rates a = i mod 10 (10 points on 0–10) and b = 1 (1 point of 10):
    // totals run from 0 + 1 to 9 + 1 points, a spread of 9 points. Only every 10th card has
    // a = 0, so a card lost past the first buffers' size would shrink the spread.
    const set = withA([{ kind: "rating", id: "b", label: t("B", "B"), points: 10, scaleId: "s10" }]);
    const many = Array.from({ length: 40 }, (_, i) =>
      verifier(`r${String(i + 1).padStart(2, "0")}`, { a: (i + 1) % 10, b: 1 }),
    );
    const cols = columnsOf(set, [subject("many", many)]);
    expect(cols.totalSpreadMilli[0]).toBe(9000);
  });
});

describe("naming the bad rating", () => {
  const errorOf = (cards: ScoringSubject["scorecards"]) =>
    columnsOf(defaultCriteriaSet as CriteriaSetInput, [subject("m", cards, { adopters: 1 })]).errors.get(0);
  const { reach: _, ...noReach } = good;

  it("is the first off the step in scorecard order, past ratings at the scale's ends and cards without one", () => {
    const cards = [
      verifier("r1", { ...good, reach: 10 }),
      verifier("r2", { ...good, reach: 0 }),
      verifier("r3", noReach),
      verifier("r4", { ...good, reach: 7.25 }),
    ];
    expect(errorOf(cards)).toMatchObject({
      code: "SCORING.RATING_OFF_STEP",
      details: { reviewerId: "r4", criterionId: "reach", value: 7.25, modelId: "m" },
    });
  });

  it("is a verifier's when verifiers are scored, though the unit's card comes first", () => {
    const cards = [self("unit", { ...good, reach: 11 }), verifier("r1", { ...good, reach: 12 }), verifier("r2", good)];
    expect(errorOf(cards)).toMatchObject({
      code: "SCORING.RATING_OFF_SCALE",
      details: { reviewerId: "r1", criterionId: "reach", value: 12 },
    });
  });

  it("refuses a rating below the scale", () => {
    expect(errorOf([verifier("r1", good), verifier("r2", { ...good, reach: -0.5 })])).toMatchObject({
      code: "SCORING.RATING_OFF_SCALE",
      details: { reviewerId: "r2", value: -0.5 },
    });
  });

  it("refuses a rating that is not a number", () => {
    expect(errorOf([verifier("r1", good), verifier("r2", { ...good, reach: "7" })])).toMatchObject({
      code: "SCORING.RATING_OFF_SCALE",
      details: { reviewerId: "r2", criterionId: "reach", value: "7" },
    });
  });

  it("refuses a rating that is NaN", () => {
    expect(errorOf([verifier("r1", { ...good, reach: Number.NaN }), verifier("r2", good)])).toMatchObject({
      code: "SCORING.RATING_OFF_SCALE",
      details: { reviewerId: "r1", criterionId: "reach" },
    });
  });

  it("refuses two scorecards of one reviewer in one role, but not one in each role", () => {
    const codeOf = (cards: ScoringSubject["scorecards"]) => errorOf(cards)?.code ?? null;
    expect([
      codeOf([verifier("r1", good), verifier("r1", good)]),
      codeOf([verifier("r1", good), verifier("r2", good), self("unit", good), self("unit", good)]),
      codeOf([verifier("r1", good), verifier("r2", good), self("r1", good)]),
    ]).toEqual(["SCORING.DUPLICATE_SCORECARD", "SCORING.DUPLICATE_SCORECARD", null]);
  });
});

describe("calibrating verifiers into columns", () => {
  const calibration = (entries: Record<string, Partial<ReviewerCalibration>>) =>
    new Map([
      [
        "a",
        new Map(
          Object.entries(entries).map(([id, c]): [string, ReviewerCalibration] => [
            id,
            { mode: "shift", count: 5, reviewerMean: 0, reviewerSd: 1, pooledMean: 0, pooledSd: 1, ...c },
          ]),
        ),
      ],
    ]);

  it("maps a calibrated verifier's rating, leaves the others, and never calibrates the self-assessment", () => {
    const set = withA([], { aggregation: { calibration: { enabled: true, minRatingsPerReviewer: 2 } } } as never);
    const cols = scoreColumns(
      compile(set),
      [
        subject("m", [
          verifier("r1", { a: 5 }),
          verifier("r2", { a: 5 }),
          verifier("r3", { a: 5 }),
          self("unit", { a: 5 }),
        ]),
      ],
      {
        referenceDate,
        full: true,
        calibration: calibration({
          r1: { reviewerMean: 5, pooledMean: 6 },
          r3: { mode: "none", reviewerMean: 5, pooledMean: 9 },
          unit: { reviewerMean: 0, pooledMean: 5 },
        }),
      },
    );
    const rows = cols.reviewerRows;
    expect([...rows.usedMilli.subarray(0, 3)]).toEqual([6000, 5000, 5000]);
    expect([...rows.calibration.subarray(0, 3)]).toEqual([2, 0, 3]);
    expect(cols.selfPoints[0]).toBe(5000);
  });

  it("calibrates no one when the set does not ask for it", () => {
    const cols = scoreColumns(
      compile(withA([])),
      [subject("m", [verifier("r1", { a: 5 }), verifier("r2", { a: 5 })])],
      {
        referenceDate,
        full: true,
        calibration: calibration({ r1: { reviewerMean: 5, pooledMean: 6 } }),
      },
    );
    expect([...cols.reviewerRows.usedMilli.subarray(0, 2)]).toEqual([5000, 5000]);
    expect([...cols.reviewerRows.calibration.subarray(0, 2)]).toEqual([0, 0]);
  });
});

describe("gates in columns", () => {
  const gated = (gates: object[], policy = 0) =>
    withA([], {
      inputs: [{ code: "x", label: t("X", "X") }],
      criteria: [...gates, { kind: "rating", id: "a", label: t("A", "A"), points: 10, scaleId: "s10" }],
      gatePolicy: { maxNonEliminatoryFailures: policy },
    } as never);
  const rated = (indicators: Record<string, number> = {}) =>
    subject("m", [verifier("r1", { a: 5 }), verifier("r2", { a: 5 })], indicators);

  it("leaves a model unscored when a formula gate cannot be decided", () => {
    const set = gated([
      { kind: "gate", id: "g", label: t("G", "G"), condition: { kind: "formula", expression: "x > 1" } },
    ]);
    const cols = columnsOf(set, [rated()]);
    expect(cols.state[0]).toBe(UNSCORED);
    expect(cols.errors.get(0)?.code).toBe("SCORING.GATE_UNDECIDABLE");
  });

  it("records a missing indicator as NaN, failing the gate within the allowance", () => {
    const set = gated(
      [
        {
          kind: "gate",
          id: "g",
          label: t("G", "G"),
          condition: { kind: "indicator", input: "x", op: ">=", value: 1 },
          eliminatory: false,
        },
      ],
      1,
    );
    const cols = columnsOf(set, [rated()]);
    expect(cols.gateObserved[0]).toBeNaN();
    expect(cols.gatePassed[0]).toBe(0);
    expect(cols.state[0]).toBe(QUALIFIED);
  });

  it("disqualifies on an eliminatory gate even when non-eliminatory failures are allowed", () => {
    const set = gated(
      [{ kind: "gate", id: "g", label: t("G", "G"), condition: { kind: "evidence", atLeast: 5 }, eliminatory: true }],
      1,
    );
    expect(columnsOf(set, [rated()]).state[0]).toBe(DISQUALIFIED);
  });
});

describe("totals, tiers and placement columns", () => {
  it("puts a total equal to a tier's minimum in that tier", () => {
    const set = withA([], {
      tiers: [
        { id: "hi", label: t("H", "H"), min: 5 },
        { id: "lo", label: t("L", "L"), min: 0 },
      ],
    });
    const hi = compile(set).tiers.findIndex((x) => x.tier.id === "hi");
    const cols = columnsOf(set, [subject("m", [verifier("r1", { a: 5 }), verifier("r2", { a: 5 })])]);
    expect(cols.totalMilli[0]).toBe(5000);
    expect(cols.scoreTier[0]).toBe(hi);
  });

  it("leaves the placement columns at none until the round is ranked", () => {
    const cols = columnsOf(withA([]), [subject("m", [verifier("r1", { a: 5 }), verifier("r2", { a: 5 })])]);
    expect([...cols.tier, ...cols.demotedFrom, ...cols.rank, ...cols.position]).toEqual([-1, -1, 0, 0]);
  });
});

describe("formulas reading other criteria, in columns", () => {
  const reading = withA([
    { kind: "formula", id: "f1", label: t("F1", "F1"), points: 10, expression: 'rating("a")' },
    { kind: "formula", id: "f2", label: t("F2", "F2"), points: 10, expression: 'points("a")' },
  ]);

  it("reads the self-assessment's own rating and points", () => {
    const cols = columnsOf(reading, [subject("m", [verifier("r1", { a: 6 }), self("unit", { a: 4 })])]);
    expect([...cols.points]).toEqual([6000, 6000, 6000]);
    expect([...cols.selfPoints]).toEqual([4000, 4000, 4000]);
    expect([cols.selfComplete[0], cols.selfTotalMilli[0]]).toEqual([1, 12_000]);
  });

  it("has no self points for formulas reading a criterion the self-assessment left out", () => {
    const cols = columnsOf(reading, [subject("m", [verifier("r1", { a: 6 }), self("unit", {})])]);
    expect([...cols.selfPoints]).toEqual([NO_POINTS, NO_POINTS, NO_POINTS]);
    expect([cols.selfComplete[0], cols.selfTotalMilli[0]]).toEqual([0, 0]);
  });

  it("reads a group's total and a criterion's points in points", () => {
    const set: CriteriaSetInput = {
      status: "draft",
      id: "g",
      name: t("G", "G"),
      totalPoints: 20,
      scales: [{ id: "s10", label: t("0–10", "0–10"), min: 0, max: 10, step: 1 }],
      criteria: [
        {
          kind: "group",
          id: "g",
          label: t("G", "G"),
          children: [
            { kind: "rating", id: "a", label: t("A", "A"), points: 5, scaleId: "s10" },
            { kind: "rating", id: "b", label: t("B", "B"), points: 5, scaleId: "s10" },
          ],
        },
        { kind: "formula", id: "f", label: t("F", "F"), points: 10, expression: 'group_total("g") + points("a")' },
      ],
      tiers: [{ id: "t", label: t("T", "T"), min: 0 }],
    } as never;
    // a: 4 of 10 → 2 points, b: 6 of 10 → 3; the group 5, plus a's 2.
    const cols = columnsOf(set, [subject("m", [verifier("r1", { a: 4, b: 6 })])]);
    const f = compile(set).scored.findIndex((s) => s.criterion.id === "f");
    expect(cols.value[f]).toBe(7);
    expect(cols.points[f]).toBe(7000);
  });
});
