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
});
