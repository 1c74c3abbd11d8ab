/**
 * Scores a round of 100,000 models × 6 criteria × 3 reviewers against the default set
 * and prints models per second and criterion evaluations per second.
 * Run: `pnpm --filter @lantoa/domain bench`.
 */
import { bench, describe } from "vitest";
import { compileCriteriaSet, defaultCriteriaSet } from "../src/criteria/index.js";
import { type ScoringSubject, scoreCompiledRound } from "../src/scoring/index.js";

const MODELS = 100_000;
const REVIEWERS = 3;

// A deterministic generator (no Math.random) so every run scores the same round.
let seed = 20_250_630;
const next = (n: number) => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed % n;
};

function makeSubjects(): ScoringSubject[] {
  const subjects: ScoringSubject[] = [];
  for (let i = 0; i < MODELS; i++) {
    const scorecards = [];
    for (let r = 0; r < REVIEWERS; r++) {
      scorecards.push({
        reviewerId: `r${(i + r) % 40}`,
        role: "verifier" as const,
        scores: { novelty: next(31), effectiveness: next(21) / 2, reach: next(21) / 2, theme: next(6) },
      });
    }
    subjects.push({
      modelId: `m${i}`,
      unitId: `u${i % 700}`,
      unitGroup: `g${i % 12}`,
      registeredAt: `2022-0${1 + (i % 9)}-1${i % 10}T08:00:00+07:00`,
      facts: {
        startDate: `20${15 + next(10)}-0${1 + next(9)}-15`,
        evidenceCount: next(5),
        disciplined: next(50) === 0,
        indicators: { adopters: next(8) },
      },
      scorecards,
    });
  }
  return subjects;
}

const compiled = compileCriteriaSet(defaultCriteriaSet);
if (!compiled.ok) throw new Error(compiled.error.message.en);
const set = compiled.value;
const subjects = makeSubjects();
const criteriaPerModel = set.scored.length;

function run(): number {
  const started = performance.now();
  const round = scoreCompiledRound(set, subjects, { referenceDate: "2025-06-30" });
  const seconds = (performance.now() - started) / 1000;
  if (!round.ok || round.value.models.length !== MODELS) throw new Error("the round did not score");
  return seconds;
}

run(); // warm-up
const seconds = Math.min(run(), run(), run());
const fmt = (x: number) => Math.round(x).toLocaleString("en-US");
console.log(
  `scoreRound: ${fmt(MODELS)} models × ${criteriaPerModel} criteria × ${REVIEWERS} reviewers in ${seconds.toFixed(3)} s (best of 3)`,
);
console.log(`  models per second:              ${fmt(MODELS / seconds)}`);
console.log(`  criterion evaluations per second: ${fmt((MODELS * criteriaPerModel) / seconds)}`);

describe("score a round", () => {
  bench(`${MODELS} models × ${criteriaPerModel} criteria × ${REVIEWERS} reviewers`, () => void run(), {
    iterations: 3,
    time: 0,
  });
});
