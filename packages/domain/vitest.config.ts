import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // `pnpm bench` (vitest bench) only: `pnpm test` never picks these up.
    benchmark: { include: ["bench/**/*.bench.ts"] },
  },
});
