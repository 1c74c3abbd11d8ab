import { defineConfig } from "vitest/config";

export default defineConfig({
  // Unit tests of the app's pure helpers (src) and of what spans the repository (test: every error code has a sentence); the browser journeys have vitest.e2e.config.ts.
  test: { include: ["src/**/*.test.ts", "test/**/*.test.ts"] },
});
