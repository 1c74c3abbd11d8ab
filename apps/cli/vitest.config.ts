import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each command is a child process that opens PGlite cold (seconds, more under load).
    hookTimeout: 120_000,
    testTimeout: 120_000,
  },
});
