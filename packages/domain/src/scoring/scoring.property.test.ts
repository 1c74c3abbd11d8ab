import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CriteriaSet, compileCriteriaSet, defaultCriteriaSet } from "../criteria/index.js";
import { propertyRuns } from "../test-support/property-runs.js";
import { type RoundResult, scoreRound } from "./score-round.js";
import type { ScoringSubject } from "./scoring-subject.js";
import { contestSet } from "./test-support/contest-set.js";

const referenceDate = "2025-06-30";

/** The top of every rating scale of `set`. */
function topRatings(set: CriteriaSet): Record<string, number> {
  const compiled = compileCriteriaSet(set);
  if (!compiled.ok) throw new Error(compiled.error.message.en);
  return Object.fromEntries(
    compiled.value.scored.flatMap((c) => (c.scale === undefined ? [] : [[c.criterion.id, c.scale.maxMilli / 1000]])),
  );
}

/** Ratings on the scale of every rating criterion of `set`, as arbitraries of on-step values. */
function ratingArbitrary(set: CriteriaSet): fc.Arbitrary<Record<string, number>> {
  const compiled = compileCriteriaSet(set);
  if (!compiled.ok) throw new Error(compiled.error.message.en);
  const entries = compiled.value.scored.flatMap((c) => {
    const s = c.scale;
    if (c.criterion.kind !== "rating" || s === undefined) return [];
    const steps = (s.maxMilli - s.minMilli) / s.stepMilli;
    return [
      [c.criterion.id, fc.integer({ min: 0, max: steps }).map((k) => (s.minMilli + k * s.stepMilli) / 1000)] as const,
    ];
  });
  return fc.record(Object.fromEntries(entries));
}

function subjectsArbitrary(set: CriteriaSet): fc.Arbitrary<ScoringSubject[]> {
  const ratings = ratingArbitrary(set);
  const top = topRatings(set);
  const subject = fc.record({
    // Copies of the previous subject make ties; "top" subjects reach the capped tiers.
    kind: fc.constantFrom("random", "random", "copy", "top"),
    unitGroup: fc.constantFrom("north", "south", "centre"),
    registeredAt: fc.constantFrom("2022-01-01T00:00:00Z", "2022-01-01T07:00:00+07:00", "2022-02-01T00:00:00Z"),
    startYear: fc.integer({ min: 2015, max: 2025 }),
    evidenceCount: fc.integer({ min: 0, max: 5 }),
    disciplined: fc.boolean(),
    adopters: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
    votes: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
    resolved: fc.double({ min: 0, max: 120, noNaN: true }),
    households: fc.integer({ min: 0, max: 400 }),
    reviewers: fc.uniqueArray(fc.constantFrom("r1", "r2", "r3", "r4", "r5"), { minLength: 1, maxLength: 4 }),
    cards: fc.array(ratings, { minLength: 4, maxLength: 4 }),
    self: fc.option(ratings, { nil: undefined }),
  });
  return fc.array(subject, { minLength: 1, maxLength: 30 }).map((list) =>
    list.map((generated, i): ScoringSubject => {
      const previous = list[i - 1];
      const s =
        generated.kind === "copy" && previous !== undefined
          ? { ...previous, registeredAt: generated.registeredAt, unitGroup: generated.unitGroup }
          : generated.kind === "top"
            ? {
                ...generated,
                startYear: 2018,
                evidenceCount: 5,
                disciplined: false,
                adopters: 6,
                votes: 500,
                resolved: 100,
                households: 300,
                cards: generated.cards.map(() => top),
              }
            : generated;
      const indicators: Record<string, number> = { resolved_pct: s.resolved, households: s.households };
      if (s.adopters !== undefined) indicators.adopters = s.adopters;
      if (s.votes !== undefined) indicators.votes = s.votes;
      return {
        modelId: `m${String(i).padStart(2, "0")}`,
        unitId: `u${i}`,
        unitGroup: s.unitGroup,
        registeredAt: s.registeredAt,
        facts: {
          startDate: `${s.startYear}-03-15`,
          evidenceCount: s.evidenceCount,
          disciplined: s.disciplined,
          indicators,
        },
        scorecards: [
          ...s.reviewers.map((reviewerId, k) => ({
            reviewerId,
            role: "verifier" as const,
            scores: s.cards[k] as Record<string, number>,
          })),
          ...(s.self === undefined ? [] : [{ reviewerId: "self", role: "self" as const, scores: s.self }]),
        ],
      };
    }),
  );
}

const sets: Array<[string, CriteriaSet]> = [
  ["default", defaultCriteriaSet],
  ["contest", contestSet(false)],
  ["contest, calibrated", contestSet(true)],
];

const mustScore = (set: CriteriaSet, subjects: readonly ScoringSubject[]): RoundResult => {
  const r = scoreRound(set, subjects, { referenceDate });
  if (!r.ok) throw new Error(r.error.message.en);
  expect(r.value.unscored).toEqual([]);
  return r.value;
};

describe.each(sets)("scoring properties (%s set)", (_name, set) => {
  const subjects = subjectsArbitrary(set);

  it("keeps every criterion within [0, its points] and totals within [0, max]", () => {
    fc.assert(
      fc.property(subjects, (list) => {
        for (const m of mustScore(set, list).models) {
          expect(m.totalMilli).toBeGreaterThanOrEqual(0);
          expect(m.totalMilli).toBeLessThanOrEqual(m.maxMilli);
          expect(m.totalMilli).toBe(m.criteria.reduce((a, c) => a + c.pointsMilli, 0));
          for (const c of m.criteria) {
            expect(Number.isInteger(c.pointsMilli)).toBe(true);
            expect(c.pointsMilli).toBeGreaterThanOrEqual(0);
            expect(c.pointsMilli).toBeLessThanOrEqual(c.maxMilli);
          }
        }
      }),
      { numRuns: propertyRuns(150) },
    );
  });

  it("rounds the exact total once, and shows each criterion rounded down or up so they add up to it", () => {
    fc.assert(
      fc.property(subjects, (list) => {
        for (const m of mustScore(set, list).models) {
          const exactTotal = m.exactPointsMilli.reduce((a, b) => a + b, 0);
          expect(Math.abs(m.totalMilli - exactTotal)).toBeLessThanOrEqual(0.5 + 1e-6);
          m.points.forEach((shown, c) => {
            const exact = m.exactPointsMilli[c] as number;
            expect([Math.floor(exact + 1e-9), Math.ceil(exact - 1e-9)]).toContain(shown);
          });
          expect(m.points.reduce((a, b) => a + b, 0)).toBe(m.totalMilli);
        }
      }),
      { numRuns: propertyRuns(150) },
    );
  });

  it("gives identical results whatever the order of reviewers and of models", () => {
    fc.assert(
      fc.property(subjects, fc.infiniteStream(fc.nat()), (list, noise) => {
        const shuffle = <T>(xs: readonly T[]): T[] =>
          xs
            .map((x) => [noise.next().value, x] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, x]) => x);
        const shuffled = shuffle(list).map((s) => ({ ...s, scorecards: shuffle(s.scorecards) }));
        // As JSON: models are views whose breakdown is built when read.
        expect(JSON.parse(JSON.stringify(mustScore(set, shuffled)))).toEqual(
          JSON.parse(JSON.stringify(mustScore(set, list))),
        );
      }),
      { numRuns: propertyRuns(100) },
    );
  });

  it("never exceeds a quota", () => {
    fc.assert(
      fc.property(subjects, (list) => {
        const round = mustScore(set, list);
        for (const q of round.quotas) {
          const inTier = round.models.filter(
            (m) => m.tierId === q.tierId && (q.group === null || (m.unitGroup ?? "") === q.group),
          );
          expect(inTier.length).toBeLessThanOrEqual(q.allowance);
          expect(q.allowance).toBe(Math.floor((q.base * (set.quotas[q.quotaIndex]?.percent ?? 0)) / 100));
        }
      }),
      { numRuns: propertyRuns(150) },
    );
  });

  it("orders the round totally and ranks it 1224-style", () => {
    const compiled = compileCriteriaSet(set);
    if (!compiled.ok) throw new Error("compile");
    const breaks = compiled.value.tieBreaks;
    fc.assert(
      fc.property(subjects, (list) => {
        const models = mustScore(set, list).models;
        expect(models.map((m) => m.position)).toEqual(models.map((_, i) => i + 1));
        expect(new Set(models.map((m) => m.modelId)).size).toBe(models.length);
        const merit = (m: (typeof models)[number]) => [
          m.status === "qualified" ? 0 : 1,
          -m.totalMilli,
          ...breaks.map((b) => (b.direction === "desc" ? -1 : 1) * (m.points[b.index] ?? 0)),
        ];
        const cmp = (a: number[], b: number[]) => {
          for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
          return 0;
        };
        for (let i = 1; i < models.length; i++) {
          const a = models[i - 1] as (typeof models)[number];
          const b = models[i] as (typeof models)[number];
          const c = cmp(merit(a), merit(b));
          expect(c).toBeLessThanOrEqual(0);
          if (c === 0) {
            const ta = Date.parse(a.registeredAt);
            const tb = Date.parse(b.registeredAt);
            expect(ta < tb || (ta === tb && a.modelId < b.modelId)).toBe(true);
            expect(b.rank).toBe(a.rank);
          } else if (b.status === "qualified") {
            expect(b.rank).toBe(b.position);
          }
        }
        for (const m of models) expect(m.rank === null).toBe(m.status === "disqualified");
      }),
      { numRuns: propertyRuns(150) },
    );
  });
});

describe.each(sets.slice(0, 2))("monotonicity (%s set, no calibration)", (_name, set) => {
  it("a higher rating never lowers a total", () => {
    const compiled = compileCriteriaSet(set);
    if (!compiled.ok) throw new Error("compile");
    const ratingCriteria = compiled.value.scored.filter((c) => c.criterion.kind === "rating");
    fc.assert(
      fc.property(subjectsArbitrary(set), fc.nat(), fc.nat(), fc.nat(), (list, which, card, crit) => {
        const target = list[which % list.length] as ScoringSubject;
        const verifiers = target.scorecards.filter((c) => c.role === "verifier");
        const scorecard = verifiers[card % verifiers.length];
        const c = ratingCriteria[crit % ratingCriteria.length];
        if (scorecard === undefined || c?.scale === undefined) return;
        const id = c.criterion.id;
        const current = scorecard.scores[id] as number;
        const raised = (Math.round(current * 1000) + c.scale.stepMilli) / 1000;
        if (raised * 1000 > c.scale.maxMilli) return;
        const bumped = list.map((s) =>
          s !== target
            ? s
            : {
                ...s,
                scorecards: s.scorecards.map((sc) =>
                  sc === scorecard ? { ...sc, scores: { ...sc.scores, [id]: raised } } : sc,
                ),
              },
        );
        const before = mustScore(set, list).models.find((m) => m.modelId === target.modelId);
        const after = mustScore(set, bumped).models.find((m) => m.modelId === target.modelId);
        expect(after?.totalMilli).toBeGreaterThanOrEqual(before?.totalMilli ?? 0);
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});
