import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileCriteriaSet, defaultCriteriaSet } from "../criteria/index.js";
import { advanceRound, type RoundProgress, type RoundRequirement } from "./advance-round.js";
import { canonicalJson } from "./canonical-json.js";
import { checkEligibility } from "./check-eligibility.js";
import { checkScorecard } from "./check-scorecard.js";
import { decideCouncil } from "./decide-council.js";
import { drawPanel } from "./draw-panel.js";
import { hasConflictOfInterest } from "./has-conflict-of-interest.js";
import { isRoundLocked } from "./round-status.js";
import { seededPrng } from "./seeded-prng.js";

const compiled = (() => {
  const c = compileCriteriaSet(defaultCriteriaSet);
  if (!c.ok) throw new Error(c.error.message.en);
  return c.value;
})();

const ready: RoundProgress = {
  eligibleModels: 3,
  missingSelfAssessments: [],
  missingReviews: [],
  unresolvedDisagreements: [],
  resultsCurrent: true,
  councilOutcome: null,
};

describe("advanceRound", () => {
  it("walks draft → published one step at a time, and refuses skipping", () => {
    expect(advanceRound("draft", "open-self-assessment", ready)).toEqual({
      ok: true,
      value: { status: "self-assessment" },
    });
    expect(advanceRound("self-assessment", "open-review", ready)).toEqual({ ok: true, value: { status: "review" } });
    expect(advanceRound("review", "open-council", ready)).toEqual({ ok: true, value: { status: "council" } });
    expect(advanceRound("council", "finalize", { ...ready, councilOutcome: "approved" })).toEqual({
      ok: true,
      value: { status: "finalized" },
    });
    expect(advanceRound("finalized", "publish", ready)).toEqual({ ok: true, value: { status: "published" } });
    const skip = advanceRound("draft", "finalize", { ...ready, councilOutcome: "approved" });
    expect(skip.ok ? null : skip.error.code).toBe("ROUND.STEP_NOT_ALLOWED");
    const back = advanceRound("published", "publish", ready);
    expect(back.ok).toBe(false);
  });

  it("names what is missing before each step", () => {
    const cases: Array<[Parameters<typeof advanceRound>, RoundRequirement, string[]]> = [
      [["draft", "open-self-assessment", { ...ready, eligibleModels: 0 }], "eligible-models", []],
      [["self-assessment", "open-review", { ...ready, missingSelfAssessments: ["m1"] }], "self-assessments", ["m1"]],
      [["review", "open-council", { ...ready, missingReviews: ["m2"] }], "reviews", ["m2"]],
      [["review", "open-council", { ...ready, unresolvedDisagreements: ["m3"] }], "disagreements", ["m3"]],
      [["review", "open-council", { ...ready, resultsCurrent: false }], "results-current", []],
      [["council", "finalize", { ...ready, councilOutcome: "no-quorum" }], "council-approval", []],
      [["council", "finalize", { ...ready, councilOutcome: "rejected" }], "council-approval", []],
    ];
    for (const [args, requirement, ids] of cases) {
      const r = advanceRound(...args);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe("ROUND.REQUIREMENT_NOT_MET");
        expect(r.error.details?.requirement).toBe(requirement);
        expect(r.error.message.vi.length).toBeGreaterThan(10);
        if (ids.length) expect(r.error.details?.modelIds).toEqual(ids);
      }
    }
  });
});

describe("decideCouncil", () => {
  const defaults = { quorum: 2 / 3, approvalThreshold: 0.7 };
  it("needs two thirds present and 70 % of votes cast", () => {
    const at = (present: number, votesFor: number, votesAgainst: number) =>
      decideCouncil({ members: 9, present, votesFor, votesAgainst, abstentions: 0 }, defaults);
    expect(at(6, 5, 1)).toEqual({ ok: true, value: { outcome: "approved", quorumNeeded: 6, approvalsNeeded: 5 } });
    expect(at(5, 5, 0)).toMatchObject({ ok: true, value: { outcome: "no-quorum" } });
    expect(at(6, 4, 2)).toMatchObject({ ok: true, value: { outcome: "rejected" } });
    // 7 of 10 is exactly 70 %: approved; 6 of 9 (66.7 %) is not.
    expect(
      decideCouncil({ members: 10, present: 10, votesFor: 7, votesAgainst: 3, abstentions: 0 }, defaults),
    ).toMatchObject({ value: { outcome: "approved" } });
    expect(at(9, 6, 3)).toMatchObject({ value: { outcome: "rejected" } });
  });
  it("refuses counts that do not add up", () => {
    const r = decideCouncil({ members: 5, present: 6, votesFor: 1, votesAgainst: 0, abstentions: 0 }, defaults);
    expect(r.ok ? null : r.error.code).toBe("ROUND.INVALID_VOTES");
    const s = decideCouncil({ members: 5, present: 3, votesFor: 3, votesAgainst: 1, abstentions: 0 }, defaults);
    expect(s.ok).toBe(false);
  });
});

describe("conflicts and panel draws", () => {
  it("treats the reviewer's own unit and everything below it as conflicted", () => {
    expect(hasConflictOfInterest("a/b/", "a/b/")).toBe(true);
    expect(hasConflictOfInterest("a/b/", "a/b/c/")).toBe(true);
    expect(hasConflictOfInterest("a/b/c/", "a/b/")).toBe(false);
    expect(hasConflictOfInterest("a/bc/", "a/b/")).toBe(false);
    expect(hasConflictOfInterest(null, "a/b/")).toBe(false);
  });

  it("a seed gives the same sequence, another seed another", () => {
    const a = seededPrng("2022");
    const b = seededPrng("2022");
    const c = seededPrng("2023");
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect([c(), c(), c()]).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("fails naming the models a pool cannot serve", () => {
    const r = drawPanel({
      seed: "s",
      size: 2,
      models: [{ modelId: "m", ownerPath: "a/b/", assigned: [] }],
      pool: [
        { userId: "r1", unitPath: "a/" },
        { userId: "r2", unitPath: "x/" },
      ],
    });
    expect(r.ok ? null : r.error.details).toEqual({ modelIds: ["m"] });
  });

  const units = ["a/", "a/b/", "a/b/c/", "a/d/", "x/", "x/y/"];
  const drawInput = fc.record({
    seed: fc.string({ maxLength: 12 }),
    size: fc.integer({ min: 1, max: 3 }),
    models: fc.uniqueArray(
      fc.record({ modelId: fc.string({ minLength: 1, maxLength: 4 }), ownerPath: fc.constantFrom(...units) }),
      { selector: (m) => m.modelId, maxLength: 12 },
    ),
    pool: fc.uniqueArray(
      fc.record({ userId: fc.string({ minLength: 1, maxLength: 4 }), unitPath: fc.constantFrom(...units, null) }),
      { selector: (r) => r.userId, minLength: 1, maxLength: 8 },
    ),
  });

  it("draws deterministically, whatever the input order, never a conflicted reviewer, full panels or an error", () => {
    fc.assert(
      fc.property(drawInput, ({ seed, size, models, pool }) => {
        const input = { seed, size, models: models.map((m) => ({ ...m, assigned: [] })), pool };
        const first = drawPanel(input);
        const again = drawPanel({ ...input, models: [...input.models].reverse(), pool: [...pool].reverse() });
        expect(again).toEqual(first);
        if (!first.ok) {
          const short = first.error.details?.modelIds as string[];
          for (const id of short) {
            const m = models.find((x) => x.modelId === id);
            const free = pool.filter((r) => !hasConflictOfInterest(r.unitPath, m?.ownerPath ?? ""));
            expect(free.length).toBeLessThan(size);
          }
          return;
        }
        for (const d of first.value) {
          const m = models.find((x) => x.modelId === d.modelId);
          expect(d.reviewerIds).toHaveLength(size);
          expect(new Set(d.reviewerIds).size).toBe(size);
          for (const id of d.reviewerIds) {
            const r = pool.find((p) => p.userId === id);
            expect(hasConflictOfInterest(r?.unitPath ?? null, m?.ownerPath ?? "")).toBe(false);
          }
        }
      }),
    );
  });

  it("keeps reviewers already assigned and skips declared conflicts", () => {
    const r = drawPanel({
      seed: "k",
      size: 2,
      models: [{ modelId: "m", ownerPath: "a/", assigned: ["r1"], declaredConflicts: ["r2"] }],
      pool: ["r1", "r2", "r3"].map((userId) => ({ userId, unitPath: "x/" })),
    });
    expect(r).toEqual({ ok: true, value: [{ modelId: "m", reviewerIds: ["r3"] }] });
  });
});

describe("scorecards, eligibility, hashing", () => {
  it("submits only a complete scorecard on the scales", () => {
    const full = { novelty: 25, effectiveness: 8.5, reach: 7, theme: 4 };
    expect(checkScorecard(compiled, full, {}, { commentsRequired: false }).ok).toBe(true);
    const bad = checkScorecard(
      compiled,
      { ...full, effectiveness: 8.25, reach: 11, theme: undefined as never, extra: 1 },
      {},
      {
        commentsRequired: false,
      },
    );
    expect(bad.ok ? null : bad.error.details).toEqual({
      missing: ["theme"],
      offScale: ["effectiveness", "reach"],
      uncommented: [],
      unknown: ["extra"],
    });
    const noComment = checkScorecard(compiled, full, { novelty: "Mới" }, { commentsRequired: true });
    expect(noComment.ok ? null : noComment.error.details?.uncommented).toEqual(["effectiveness", "reach", "theme"]);
  });

  it("rules a model out when an eliminatory gate fails at the reference date", () => {
    const facts = { startDate: "2022-03-01", evidenceCount: 2, disciplined: false, indicators: {} };
    const young = checkEligibility(compiled, facts, "2022-12-15");
    expect(young.ok && young.value.eligible).toBe(false);
    const old = checkEligibility(compiled, facts, "2023-03-01");
    expect(old.ok && old.value.eligible).toBe(true);
    expect(old.ok && old.value.gates.map((g) => g.passed)).toEqual([true, true, true]);
  });

  it("serializes equal content to equal text", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it("sorts keys by code unit and keeps non-ASCII text as it is", () => {
    // The text the db layer hashes; packages/db pins its SHA-256 against an outside tool.
    expect(canonicalJson({ é: null, b: "Đ", a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":"Đ","é":null}');
  });

  it("keeps arrays in their order and nested objects sorted", () => {
    expect(canonicalJson([{ z: { b: [2, 1], a: true } }, "x"])).toBe('[{"z":{"a":true,"b":[2,1]}},"x"]');
  });
});

describe("isRoundLocked", () => {
  it.each([
    ["draft", false],
    ["self-assessment", false],
    ["review", false],
    ["council", false],
    ["finalized", true],
    ["published", true],
  ] as const)("%s → %s", (status, locked) => {
    expect(isRoundLocked(status)).toBe(locked);
  });
});
