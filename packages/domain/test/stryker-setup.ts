import fc from "fast-check";

// Under Stryker each mutant reruns the tests that cover it; property tests keep their
// properties but try fewer cases, so a run over a module fits in an hour on two shared
// cores. `pnpm test` runs them in full.
fc.configureGlobal({ numRuns: 20 });
