/**
 * Scores a round of 100,000 models × 6 criteria × 3 reviewers against the default set
 * and prints models per second and criterion evaluations per second, for the full
 * breakdown (default) and for `breakdown: "points"`, under vitest (TypeScript sources through
 * vite's transform). `pnpm --filter @lantoa/domain bench` then runs the same round in plain
 * node on the built package (`bench/score-round-node.js`), which is the figure to quote.
 *
 * Figures are the best of three timed runs after a warm-up. Wall time suffers when the
 * machine is shared; process CPU time (user + system, which includes V8's GC helper
 * threads) is printed beside it, and each mode's ratio to a baseline timed in the same run
 * (`baseline-round.js`: the default set written out by hand in one loop).
 */
import { bench, describe } from "vitest";
import { compileCriteriaSet, defaultCriteriaSet } from "../src/criteria/index.js";
import { scoreCompiledRound } from "../src/scoring/index.js";
import { scoreBaselineRound } from "./baseline-round.js";
import { generateRound } from "./generate-round.js";

const MODELS = 100_000;
const REVIEWERS = 3;

const compiled = compileCriteriaSet(defaultCriteriaSet);
if (!compiled.ok) throw new Error(compiled.error.message.en);
const set = compiled.value;
const subjects = generateRound(MODELS, REVIEWERS);
const criteriaPerModel = set.scored.length;

function run(breakdown: "full" | "points"): { wall: number; cpu: number } {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const round = scoreCompiledRound(set, subjects, { referenceDate: "2025-06-30", breakdown });
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  if (!round.ok || round.value.models.length !== MODELS) throw new Error("the round did not score");
  return { wall, cpu: (cpu.user + cpu.system) / 1e6 };
}

function runBaseline(): { wall: number; cpu: number } {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const round = scoreBaselineRound(subjects);
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  if (round.order.length !== MODELS) throw new Error("the baseline did not score");
  return { wall, cpu: (cpu.user + cpu.system) / 1e6 };
}

function bestOf(timed: () => { wall: number; cpu: number }): { wall: number; cpu: number } {
  timed(); // warm-up
  const runs = [timed(), timed(), timed()];
  return { wall: Math.min(...runs.map((r) => r.wall)), cpu: Math.min(...runs.map((r) => r.cpu)) };
}

const fmt = (x: number) => Math.round(x).toLocaleString("en-US");
const baseline = bestOf(runBaseline);
for (const breakdown of ["full", "points"] as const) {
  const { wall, cpu } = bestOf(() => run(breakdown));
  console.log(
    [
      `vitest, scoreCompiledRound (breakdown: "${breakdown}"): ${fmt(MODELS)} models × ${criteriaPerModel} criteria × ${REVIEWERS} reviewers`,
      `  wall ${wall.toFixed(3)} s: ${fmt(MODELS / wall)} models/s, ${fmt((MODELS * criteriaPerModel) / wall)} criterion evaluations/s`,
      `  CPU  ${cpu.toFixed(3)} s: ${fmt(MODELS / cpu)} models/s, ${fmt((MODELS * criteriaPerModel) / cpu)} criterion evaluations/s`,
      `  ${(baseline.wall / wall).toFixed(2)}× the baseline's speed by wall time, ${(baseline.cpu / cpu).toFixed(2)}× by CPU time`,
    ].join("\n"),
  );
}

describe("score a round", () => {
  for (const breakdown of ["full", "points"] as const) {
    bench(`${MODELS} models, breakdown "${breakdown}"`, () => void run(breakdown), {
      iterations: 1,
      warmupIterations: 0,
      time: 0,
      warmupTime: 0,
    });
  }
});
