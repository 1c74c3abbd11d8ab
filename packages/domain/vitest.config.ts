import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Property and fuzz tests run thousands of cases; on a loaded two-core machine
    // the default 5 s is too tight. The bound is against hangs, not a speed claim.
    testTimeout: 60_000,
    // `pnpm bench` (vitest bench) only: `pnpm test` never picks these up.
    benchmark: { include: ["bench/**/*.bench.ts"] },
  },
});
