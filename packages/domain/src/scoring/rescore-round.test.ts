import { describe, expect, it } from "vitest";
import {
  type CriteriaSetDraft,
  CriteriaSetDraftSchema,
  defaultCriteriaSet,
  publishCriteriaSet,
} from "../criteria/index.js";
import { rescaleScorecards } from "./rescale-scorecards.js";
import { rescoreRound } from "./rescore-round.js";
import { defaultSubject } from "./test-support/subjects.js";

const referenceDate = "2025-06-30";
const v1 = publishCriteriaSet(defaultCriteriaSet, { version: 1, publishedAt: "2025-01-06T08:00:00+07:00" });
if (!v1.ok) throw new Error(v1.error.message.en);

// v2: novelty rated on 0–10 in half points instead of 0–30 (same 20 points); the "excellent"
// threshold lowered from 90 to 85.
const v2: CriteriaSetDraft = (() => {
  const d = JSON.parse(JSON.stringify(defaultCriteriaSet)) as CriteriaSetDraft;
  const novelty = d.criteria.find((c) => c.id === "novelty");
  if (novelty?.kind === "rating") novelty.scaleId = "quality-10";
  if (d.tiers[0]) d.tiers[0].min = 85;
  return d;
})();

const subjects = [
  // novelty 27 → 27 × 10/30 = 9 (exact). Total under v1: 18 + 27 + 20 + 13.5 + 10 + 5 = 93.5; under v2 the same.
  defaultSubject("B", { novelty: 27, effectiveness: 9, reach: 9, theme: 5 }, { adopters: 5 }),
  // novelty 25 → 8.333… → snapped half up to the 0.5 step: 8.5 → 17 points instead of 16.667.
  // v1: 16.667 + 27 + 20 + 13.5 + 10 + 5 = 92.167; v2: 17 + 27 + 20 + 13.5 + 10 + 5 = 92.5.
  defaultSubject("P", { novelty: 25, effectiveness: 9, reach: 9, theme: 5 }, { adopters: 5 }),
  // Q: 16 + 24 + 20 + 12 + 10 + 5 = 87 → good under v1, excellent under v2 (≥ 85). Novelty 24 → 8 exactly.
  defaultSubject("Q", { novelty: 24, effectiveness: 8, reach: 8, theme: 5 }, { adopters: 5 }),
];

describe("rescaleScorecards", () => {
  it("maps ratings proportionally to the new scale and reports what moved", () => {
    const r = rescaleScorecards(subjects, v1.value, v2);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value.report.mapped).toEqual([
      {
        criterionId: "novelty",
        from: { min: 0, max: 30, step: 1 },
        to: { min: 0, max: 10, step: 0.5 },
        ratings: 6,
        snapped: 2,
      },
    ]);
    expect(r.value.report.changes.filter((c) => c.reviewerId === "r1").map((c) => [c.modelId, c.from, c.to])).toEqual([
      ["B", 27, 9],
      ["P", 25, 8.5],
      ["Q", 24, 8],
    ]);
    expect(r.value.report.dropped).toEqual([]);
    expect(r.value.report.unrated).toEqual([]);
    expect(subjects[1]?.scorecards[0]?.scores.novelty).toBe(25); // the input is untouched
  });
});

describe("rescoreRound (what-if)", () => {
  it("compares a finished round under another version side by side", () => {
    const r = rescoreRound({ set: v1.value, subjects, options: { referenceDate } }, v2);
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value.original.version).toBe(1);
    expect(r.value.alternative.version).toBeNull();
    expect(
      r.value.rows.map((row) => [
        row.modelId,
        row.before?.totalMilli,
        row.after?.totalMilli,
        row.deltaMilli,
        row.tierChanged,
      ]),
    ).toEqual([
      ["B", 93_500, 93_500, 0, false],
      ["P", 92_167, 92_500, 333, false],
      // Q scores "excellent" under v2, but the quota demotes it (see below): its final tier does not change.
      ["Q", 87_000, 87_000, 0, false],
    ]);
    // Quota under v1: good by score = {Q} → allowance ⌊0.2⌋ = 0 → B and P demoted to good.
    // Under v2 all three are excellent by score, none good → allowance 0 → all three demoted.
    expect(r.value.alternative.models.map((m) => [m.modelId, m.scoreTierId, m.demotedFrom])).toEqual([
      ["B", "excellent", "excellent"],
      ["P", "excellent", "excellent"],
      ["Q", "excellent", "excellent"],
    ]);
    expect(r.value.rows.map((row) => [row.before?.tierId, row.after?.tierId])).toEqual([
      ["good", "good"],
      ["good", "good"],
      ["good", "good"],
    ]);
    expect(r.value.changes.map((c) => c.message.en)).toEqual([
      'Criterion \'Novelty and creativity\': scaleId "novelty-30" → "quality-10"',
      "Tier 'Outstanding exemplary': min 90 → 85",
    ]);
  });
});

describe("rescoreRound, models on one side only", () => {
  // One set rates q, the other rates q and x (both 0–10, a rating is its points).
  const t = (vi: string, en: string) => ({ vi, en });
  const rating = (id: string) => ({ kind: "rating", id, label: t(id, id), points: 10, scaleId: "s" });
  const set = (ids: string[]) =>
    CriteriaSetDraftSchema.parse({
      status: "draft",
      id: "sides",
      name: t("Hai phía", "Sides"),
      totalPoints: 10 * ids.length,
      scales: [{ id: "s", label: t("S", "S"), min: 0, max: 10, step: 1 }],
      criteria: ids.map(rating),
      tiers: [
        { id: "pass", label: t("Đạt", "Pass"), min: 5 },
        { id: "fail", label: t("Chưa đạt", "Fail"), min: 0 },
      ],
    });
  const subject = (modelId: string, scores: Record<string, number>) => ({
    modelId,
    unitId: "u",
    registeredAt: "2024-01-01T00:00:00Z",
    facts: { startDate: "2020-01-01", evidenceCount: 1, disciplined: false, indicators: {} },
    scorecards: [{ reviewerId: "a", role: "verifier" as const, scores }],
  });

  it("shows a model the alternative cannot score with no after and no delta", () => {
    // Under {q, x} "m" has no rating for x: it is unscored there.
    const r = rescoreRound(
      { set: set(["q"]), subjects: [subject("m", { q: 6 })], options: { referenceDate } },
      set(["q", "x"]),
    );
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value.rows).toEqual([
      {
        modelId: "m",
        before: { totalMilli: 6_000, tierId: "pass", rank: 1 },
        after: null,
        deltaMilli: null,
        tierChanged: true,
      },
    ]);
  });

  it("adds, after the original's models, a model only the alternative can score", () => {
    // Under {q, x} "n" rates x, which {q} does not know: unscored in the original, 14 points of 20 in the alternative.
    const r = rescoreRound(
      {
        set: set(["q", "x"]),
        subjects: [subject("n", { q: 6 }), subject("p", { q: 2, x: 1 })],
        options: { referenceDate },
      },
      set(["q"]),
    );
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value.rows.map((row) => [row.modelId, row.before, row.after, row.deltaMilli, row.tierChanged])).toEqual([
      [
        "p",
        { totalMilli: 3_000, tierId: "fail", rank: 1 },
        { totalMilli: 2_000, tierId: "fail", rank: 2 },
        -1_000,
        false,
      ],
      ["n", null, { totalMilli: 6_000, tierId: "pass", rank: 1 }, null, true],
    ]);
  });

  it("gives the original round's error, not a throw, when its subjects are malformed", () => {
    const r = rescoreRound(
      { set: set(["q"]), subjects: [{ modelId: "" }] as never, options: { referenceDate } },
      set(["q"]),
    );
    expect(r.ok ? null : r.error.code).toBe("SCORING.INVALID_INPUT");
    // The subject's own problems, not "subjects is not an array".
    expect(r.ok ? null : (r.error.details as { issues: Array<{ path: string }> }).issues[0]?.path).toBe(
      "subjects.0.modelId",
    );
  });

  it("gives the original set's error when it is not valid", () => {
    const bad = { ...set(["q"]), totalPoints: 7 };
    const r = rescoreRound({ set: bad, subjects: [subject("m", { q: 6 })], options: { referenceDate } }, set(["q"]));
    expect(r.ok ? null : r.error.code).toBe("CRITERIA.INVALID");
  });

  it("gives the alternative set's error when it is not valid", () => {
    const bad = { ...set(["q"]), totalPoints: 7 };
    const r = rescoreRound({ set: set(["q"]), subjects: [subject("m", { q: 6 })], options: { referenceDate } }, bad);
    expect(r.ok ? null : r.error.code).toBe("CRITERIA.INVALID");
  });
});

describe("rescoring input given as raw JSON", () => {
  // As a caller reading a file would pass it: the sets without their scales' bands, the subjects
  // without scorecards or indicators (the schemas' defaults), none of it typed.
  const raw = (value: unknown) => JSON.parse(JSON.stringify(value));
  const bare = (set: unknown) => {
    const s = raw(set);
    for (const scale of s.scales ?? []) delete scale.bands;
    return s;
  };
  const unrated = [{ modelId: "m", unitId: "u", registeredAt: "2024-01-01T00:00:00Z", facts: raw(subjects[0]?.facts) }];
  delete unrated[0]?.facts.indicators;

  it("rescales subjects that leave out their scorecards, as scoring reads them", () => {
    const r = rescaleScorecards(raw(unrated), bare(v1.value), bare(v2));
    expect(r.ok ? r.value.subjects.map((s) => s.scorecards) : r.error.code).toEqual([[]]);
  });

  it("refuses malformed subjects with SCORING.INVALID_INPUT instead of throwing", () => {
    const r = rescaleScorecards([{ modelId: "m" }] as never, v1.value, v2);
    expect(r.ok ? null : r.error.code).toBe("SCORING.INVALID_INPUT");
  });

  it("rescores a round and lists the changes from sets without their defaults", () => {
    const typed = rescoreRound({ set: v1.value, subjects, options: { referenceDate } }, v2);
    const r = rescoreRound({ set: bare(v1.value), subjects: raw(subjects), options: { referenceDate } }, bare(v2));
    if (!typed.ok || !r.ok) throw new Error("not rescored");
    expect(r.value.changes).toEqual(typed.value.changes);
    expect(r.value.rows).toEqual(typed.value.rows);
  });
});
