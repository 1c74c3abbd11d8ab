import { defineConfig } from "vitest/config";

export default defineConfig({
  // Unit tests of the app's pure helpers; the browser journeys have vitest.e2e.config.ts.
  test: { include: ["src/**/*.test.ts"] },
});
