/**
 * The round benchmark in plain node on the built package (`dist/`), without vitest's
 * transform and instrumentation: `pnpm --filter @lantoa/domain build` first, then
 * `node bench/score-round-node.js [models]` (100,000 by default). Profile it with
 * `node --cpu-prof --cpu-prof-dir=/tmp/prof bench/score-round-node.js`.
 *
 * Prints the best of five timed runs after a warm-up, per breakdown mode, as wall time
 * and as process CPU time (user + system, which includes V8's GC helper threads), and
 * each mode's ratio to a baseline timed in the same run (`baseline-round.js`: the default
 * set written out by hand in one loop), so figures taken under different loads compare.
 * The runs take turns (baseline, then each mode, five times over), so a change of load
 * during the benchmark weighs on every figure alike; the load average is printed too.
 */
import { availableParallelism, loadavg } from "node:os";
import { compileCriteriaSet, defaultCriteriaSet } from "../dist/criteria/index.js";
import { scoreCompiledRound } from "../dist/scoring/index.js";
import { scoreBaselineRound } from "./baseline-round.js";
import { generateRound } from "./generate-round.js";

const MODELS = Number(process.argv[2] ?? 100_000);
const REVIEWERS = 3;
const RUNS = 5;

const compiled = compileCriteriaSet(defaultCriteriaSet);
if (!compiled.ok) throw new Error(compiled.error.message.en);
const set = compiled.value;
const subjects = generateRound(MODELS, REVIEWERS);
const criteriaPerModel = set.scored.length;

/**
 * A round scores into columns (the full breakdown included: per-reviewer rows, aggregates,
 * bands); its models are views that build their breakdown objects when read. `read: true`
 * also reads every model's criteria and gates, as a consumer storing them would.
 *
 * @param {"full" | "points"} breakdown
 * @param {boolean} read
 */
function run(breakdown, read = false) {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const round = scoreCompiledRound(set, subjects, { referenceDate: "2025-06-30", breakdown });
  if (!round.ok || round.value.models.length !== MODELS) throw new Error("the round did not score");
  if (read) for (const m of round.value.models) if (m.criteria.length + m.gates.length === 0) throw new Error("empty");
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1e6 };
}

/** The baseline, timed the same way. */
function runBaseline() {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const round = scoreBaselineRound(subjects);
  if (round.order.length !== MODELS) throw new Error("the baseline did not score");
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1e6 };
}

const fmt = (/** @type {number} */ x) => Math.round(x).toLocaleString("en-US");
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(", ");

const modes = /** @type {const} */ ([
  ["full", false],
  ["full", true],
  ["points", false],
]);
/** @type {Array<() => { wall: number, cpu: number }>} */
const timed = [
  runBaseline,
  ...modes.map(
    ([breakdown, read]) =>
      () =>
        run(breakdown, read),
  ),
];
const best = timed.map(() => ({ wall: Number.POSITIVE_INFINITY, cpu: Number.POSITIVE_INFINITY }));
const loadBefore = load();
for (const t of timed) t(); // warm-up
for (let r = 0; r < RUNS; r++) {
  timed.forEach((t, i) => {
    const { wall, cpu } = t();
    const b = /** @type {{ wall: number, cpu: number }} */ (best[i]);
    b.wall = Math.min(b.wall, wall);
    b.cpu = Math.min(b.cpu, cpu);
  });
}
const [baseline, ...engine] = /** @type {[{ wall: number, cpu: number }, ...Array<{ wall: number, cpu: number }>]} */ (
  best
);
console.log(`load average (1, 5, 15 min) before: ${loadBefore}; after: ${load()} (${availableParallelism()} cores)`);
console.log(
  [
    `plain node, baseline (the default set by hand, one loop): ${fmt(MODELS)} models × ${criteriaPerModel} criteria × ${REVIEWERS} reviewers, best of ${RUNS}`,
    `  wall ${baseline.wall.toFixed(3)} s: ${fmt((MODELS * criteriaPerModel) / baseline.wall)} criterion evaluations/s`,
    `  CPU  ${baseline.cpu.toFixed(3)} s: ${fmt((MODELS * criteriaPerModel) / baseline.cpu)} criterion evaluations/s`,
  ].join("\n"),
);
modes.forEach(([breakdown, read], i) => {
  const { wall, cpu } = /** @type {{ wall: number, cpu: number }} */ (engine[i]);
  console.log(
    [
      `plain node, scoreCompiledRound (breakdown: "${breakdown}"${read ? ", every model's criteria and gates read" : ""}): ${fmt(MODELS)} models × ${criteriaPerModel} criteria × ${REVIEWERS} reviewers, best of ${RUNS}`,
      `  wall ${wall.toFixed(3)} s: ${fmt(MODELS / wall)} models/s, ${fmt((MODELS * criteriaPerModel) / wall)} criterion evaluations/s`,
      `  CPU  ${cpu.toFixed(3)} s: ${fmt(MODELS / cpu)} models/s, ${fmt((MODELS * criteriaPerModel) / cpu)} criterion evaluations/s`,
      `  ${(baseline.wall / wall).toFixed(3)}× the baseline's speed by wall time, ${(baseline.cpu / cpu).toFixed(3)}× by CPU time`,
    ].join("\n"),
  );
});
