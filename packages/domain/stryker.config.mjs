// Mutation testing of the domain with StrykerJS. Run it with `pnpm --filter @lantoa/domain
// mutation [module…]`: scripts/mutation.mjs runs one module at a time (STRYKER_MODULE), each
// with its own incremental file, so a rerun tests only the mutants whose code or tests changed.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const module = process.env.STRYKER_MODULE ?? "scoring";
// STRYKER_FILES=a.ts,b.ts mutates only those files of the module (reported as `<module>-a+b`):
// a module's full run can take hours on two shared cores.
const files = process.env.STRYKER_FILES?.split(",").filter((f) => f !== "");
const report = files === undefined ? module : `${module}-${files.map((f) => f.replace(/\.ts$/, "")).join("+")}`;

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  // Resolved from here: pnpm keeps the plugin out of Stryker's own sight.
  plugins: [require.resolve("@stryker-mutator/vitest-runner")],
  vitest: { configFile: "vitest.config.ts" },
  coverageAnalysis: "perTest",
  // Static mutants (module-level code: schemas, the default set) would each rerun every
  // test; they are reported as ignored rather than run, before and after alike.
  ignoreStatic: true,
  mutate: [
    ...(files === undefined ? [`src/${module}/**/*.ts`] : files.map((f) => `src/${module}/${f}`)),
    "!src/**/*.test.ts",
    "!src/**/test-support/**",
    "!src/**/index.ts",
  ],
  // Two shared cores: one test process at a time.
  concurrency: 1,
  incremental: true,
  incrementalFile: `reports/mutation/${report}.incremental.json`,
  // progress-append-only: a run in the background writes its progress to its log.
  reporters: ["clear-text", "json", "progress-append-only"],
  jsonReporter: { fileName: `reports/mutation/${report}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 30_000,
  // TypeScript 7 has no JS API for Stryker to rewrite tsconfig paths with, so it is left
  // alone; the sandbox sits two levels below the repository root, where the package's
  // `extends: "../../tsconfig.base.json"` still resolves.
  tsconfigFile: "tsconfig.none.json",
  tempDirName: "../../.stryker-tmp",
  cleanTempDir: "always",
};
