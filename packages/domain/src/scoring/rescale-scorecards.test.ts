import { describe, expect, it } from "vitest";
import { type CriteriaSetInput, defaultCriteriaSet } from "../criteria/index.js";
import { rescaleScorecards } from "./rescale-scorecards.js";
import type { ScoringSubject } from "./scoring-subject.js";

const t = (vi: string, en: string) => ({ vi, en });
const set = (scale: { min: number; max: number; step: number }, extra: unknown[] = []): CriteriaSetInput => ({
  status: "draft",
  id: "r",
  name: t("R", "R"),
  totalPoints: 10 + 10 * extra.length,
  scales: [{ id: "s", label: t("S", "S"), ...scale }],
  criteria: [{ kind: "rating", id: "q", label: t("Q", "Q"), points: 10, scaleId: "s" }, ...(extra as never[])],
  tiers: [{ id: "t", label: t("T", "T"), min: 0 }],
});
const subject = (scores: Record<string, number>, role: "verifier" | "self" = "verifier"): ScoringSubject => ({
  modelId: "m",
  unitId: "u",
  registeredAt: "2024-01-01T00:00:00Z",
  facts: { startDate: "2020-01-01", evidenceCount: 0, disciplined: false, indicators: {} },
  scorecards: [{ reviewerId: "r1", role, scores }],
});

describe("rescaleScorecards", () => {
  it("maps a rating proportionally onto a scale with another minimum, snapping half up to a step", () => {
    // 1–5 in steps of 1 → 0–100 in steps of 10: 3 is halfway → 50 exactly; 2 → 25 → snapped to 30.
    const r = rescaleScorecards(
      [subject({ q: 3 }), { ...subject({ q: 2 }, "self"), modelId: "n" }],
      set({ min: 1, max: 5, step: 1 }) as never,
      set({ min: 0, max: 100, step: 10 }) as never,
    );
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.value.subjects.map((s) => s.scorecards[0]?.scores)).toEqual([{ q: 50 }, { q: 30 }]);
    expect(r.value.report).toEqual({
      mapped: [
        {
          criterionId: "q",
          from: { min: 1, max: 5, step: 1 },
          to: { min: 0, max: 100, step: 10 },
          ratings: 2,
          snapped: 1,
        },
      ],
      changes: [
        { modelId: "m", reviewerId: "r1", role: "verifier", criterionId: "q", from: 3, to: 50 },
        { modelId: "n", reviewerId: "r1", role: "self", criterionId: "q", from: 2, to: 30 },
      ],
      dropped: [],
      unrated: [],
      invalid: [],
    });
  });

  it("leaves ratings alone when the scale did not change, and reports nothing mapped", () => {
    const r = rescaleScorecards(
      [subject({ q: 3 })],
      set({ min: 1, max: 5, step: 1 }) as never,
      set({ min: 1, max: 5, step: 1 }) as never,
    );
    expect(r.ok && [r.value.subjects[0]?.scorecards[0]?.scores, r.value.report.mapped, r.value.report.changes]).toEqual(
      [{ q: 3 }, [], []],
    );
  });

  it.each([
    [{ min: 0, max: 5, step: 1 }, { min: 0, max: 10, step: 1 }, 4, 8],
    [{ min: 0, max: 5, step: 1 }, { min: 0, max: 5, step: 0.5 }, 4, 4],
    [{ min: 0, max: 5, step: 1 }, { min: 1, max: 5, step: 1 }, 0, 1],
  ])("treats any change of min, max or step as a new scale: %j → %j", (from, to, value, mapped) => {
    const r = rescaleScorecards([subject({ q: value })], set(from) as never, set(to) as never);
    expect(r.ok && [r.value.subjects[0]?.scorecards[0]?.scores.q, r.value.report.mapped.length]).toEqual([mapped, 1]);
  });

  it("keeps a rating that was not valid on the old scale as it was, and says so", () => {
    const r = rescaleScorecards(
      [subject({ q: 2.5 })],
      set({ min: 1, max: 5, step: 1 }) as never,
      set({ min: 0, max: 10, step: 1 }) as never,
    );
    expect(r.ok && [r.value.subjects[0]?.scorecards[0]?.scores, r.value.report.invalid]).toEqual([
      { q: 2.5 },
      [{ modelId: "m", reviewerId: "r1", criterionId: "q" }],
    ]);
    for (const value of [0, 6, 1.0001]) {
      const off = rescaleScorecards(
        [subject({ q: value })],
        set({ min: 1, max: 5, step: 1 }) as never,
        set({ min: 0, max: 10, step: 1 }) as never,
      );
      expect(off.ok && off.value.report.invalid.length).toBe(1);
    }
  });

  it("drops ratings of criteria the new set does not rate, and names criteria nobody rated yet", () => {
    const extra = { kind: "rating", id: "x", label: t("X", "X"), points: 10, scaleId: "s" };
    const r = rescaleScorecards(
      [subject({ q: 3, x: 4 })],
      set({ min: 1, max: 5, step: 1 }, [extra]) as never,
      set({ min: 1, max: 5, step: 1 }) as never,
    );
    expect(r.ok && [r.value.subjects[0]?.scorecards[0]?.scores, r.value.report.dropped]).toEqual([
      { q: 3 },
      [{ modelId: "m", reviewerId: "r1", criterionId: "x", value: 4 }],
    ]);
    const back = rescaleScorecards(
      [subject({ q: 3 })],
      set({ min: 1, max: 5, step: 1 }) as never,
      set({ min: 1, max: 5, step: 1 }, [extra]) as never,
    );
    expect(back.ok && back.value.report.unrated).toEqual(["x"]);
  });

  it("refuses a set that is not valid", () => {
    const r = rescaleScorecards([], { ...defaultCriteriaSet, totalPoints: 1 }, defaultCriteriaSet);
    expect(r.ok ? "ok" : r.error.code).toBe("CRITERIA.INVALID");
    const s = rescaleScorecards([], defaultCriteriaSet, { ...defaultCriteriaSet, totalPoints: 1 });
    expect(s.ok ? "ok" : s.error.code).toBe("CRITERIA.INVALID");
  });
  const rescale = (value: number, from: { min: number; max: number; step: number }, to: typeof from) => {
    const r = rescaleScorecards([subject({ q: value })], set(from) as never, set(to) as never);
    if (!r.ok) throw new Error(r.error.message.en);
    return { q: r.value.subjects[0]?.scorecards[0]?.scores.q, ...r.value.report };
  };

  it("maps a rating at the top of the old scale to the top of the new one", () => {
    expect(rescale(5, { min: 1, max: 5, step: 1 }, { min: 0, max: 100, step: 10 }).q).toBe(100);
  });

  it("refuses a rating finer than a thousandth, even on a scale from 0", () => {
    const r = rescale(0.0001, { min: 0, max: 5, step: 1 }, { min: 0, max: 10, step: 1 });
    expect([r.q, r.invalid, r.changes]).toEqual([0.0001, [{ modelId: "m", reviewerId: "r1", criterionId: "q" }], []]);
  });

  it("counts steps from the old scale's minimum", () => {
    // 1–7 in steps of 3 (1, 4, 7) → 0–6 in steps of 3: 4 is halfway → 3, exactly.
    const r = rescale(4, { min: 1, max: 7, step: 3 }, { min: 0, max: 6, step: 3 });
    expect([r.q, r.invalid, r.mapped[0]?.ratings, r.mapped[0]?.snapped]).toEqual([3, [], 1, 0]);
  });

  it("maps onto a scale that does not start at 0, exactly", () => {
    // 0–4 → 2–6: 2 is halfway → 4; no snap.
    const r = rescale(2, { min: 0, max: 4, step: 1 }, { min: 2, max: 6, step: 1 });
    expect([r.q, r.mapped[0]?.ratings, r.mapped[0]?.snapped]).toEqual([4, 1, 0]);
  });

  it("lists only the ratings whose value moved", () => {
    // 0–5 → 0–5 in half steps: 4 stays 4; it is mapped but did not change.
    const r = rescale(4, { min: 0, max: 5, step: 1 }, { min: 0, max: 5, step: 0.5 });
    expect([r.q, r.mapped[0]?.ratings, r.changes]).toEqual([4, 1, []]);
  });

  it("reports a changed scale with no valid rating as 0 ratings mapped", () => {
    const r = rescale(2.5, { min: 1, max: 5, step: 1 }, { min: 0, max: 10, step: 1 });
    expect(r.mapped).toEqual([
      { criterionId: "q", from: { min: 1, max: 5, step: 1 }, to: { min: 0, max: 10, step: 1 }, ratings: 0, snapped: 0 },
    ]);
  });

  it("leaves an off-scale rating alone, and does not report it, when the scale did not change", () => {
    const r = rescale(2.5, { min: 1, max: 5, step: 1 }, { min: 1, max: 5, step: 1 });
    expect([r.q, r.invalid, r.changes, r.mapped]).toEqual([2.5, [], [], []]);
  });

  it("keeps as given a rating of a criterion only the new set rates", () => {
    const extra = { kind: "rating", id: "x", label: t("X", "X"), points: 10, scaleId: "s" };
    const r = rescaleScorecards(
      [subject({ q: 3, x: 4 })],
      set({ min: 1, max: 5, step: 1 }) as never,
      set({ min: 0, max: 10, step: 1 }, [extra]) as never,
    );
    if (!r.ok) throw new Error(r.error.message.en);
    expect([r.value.subjects[0]?.scorecards[0]?.scores, r.value.report.unrated]).toEqual([{ q: 5, x: 4 }, ["x"]]);
  });

  it("does not ask reviewers to rate a new criterion that is not a rating", () => {
    const computed = { kind: "formula", id: "f", label: t("F", "F"), points: 10, expression: "10" };
    const r = rescaleScorecards(
      [subject({ q: 3 })],
      set({ min: 1, max: 5, step: 1 }) as never,
      set({ min: 1, max: 5, step: 1 }, [computed]) as never,
    );
    expect(r.ok ? r.value.report.unrated : r.error.code).toEqual([]);
  });
});
