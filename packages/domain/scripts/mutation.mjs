// Mutation testing, one module at a time: `pnpm --filter @lantoa/domain mutation [--force] [module…]`
// (default: criteria scoring round model org). Each module keeps its own incremental file
// under reports/mutation/, so a rerun tests only mutants whose code or covering tests
// changed. One test process (concurrency 1): the machine's two cores are shared. Prints the
// mutation score per module at the end.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
// The bin is not among the package's exports; its package.json is.
const stryker = join(dirname(require.resolve("@stryker-mutator/core/package.json")), "bin/stryker.js");
// `--force` retests every mutant: the incremental file reuses results of mutants whose code
// and covering tests did not change, and misses tests that kill a mutant made at module load.
const force = process.argv.includes("--force");
const named = process.argv.slice(2).filter((a) => a !== "--force");
const modules = named.length > 0 ? named : ["criteria", "scoring", "round", "model", "org"];

/** Mutation score as Stryker computes it: detected ÷ (valid mutants), in percent. */
function score(report) {
  let detected = 0;
  let undetected = 0;
  for (const file of Object.values(report.files)) {
    for (const m of file.mutants) {
      if (m.status === "Killed" || m.status === "Timeout") detected++;
      else if (m.status === "Survived" || m.status === "NoCoverage") undetected++;
    }
  }
  return { detected, undetected, score: (100 * detected) / Math.max(1, detected + undetected) };
}

const summary = [];
for (const module of modules) {
  const run = spawnSync(process.execPath, [stryker, "run", ...(force ? ["--force"] : [])], {
    stdio: "inherit",
    env: { ...process.env, STRYKER_MODULE: module },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
  const file = `reports/mutation/${module}.json`;
  if (existsSync(file)) summary.push({ module, ...score(JSON.parse(readFileSync(file, "utf8"))) });
}
for (const s of summary) {
  console.log(
    `${s.module.padEnd(10)} ${s.score.toFixed(2).padStart(6)} %  (${s.detected} detected, ${s.undetected} survived)`,
  );
}
