import fc from "fast-check";

// Under Stryker each mutant reruns the tests that cover it; property tests keep their
// properties but try fewer cases, so a run over a module fits in an hour on two shared
// cores. `pnpm test` runs them in full. A test asking for its own count goes through
// propertyRuns (src/test-support/property-runs.ts), which keeps to this one.
fc.configureGlobal({ numRuns: 20 });
