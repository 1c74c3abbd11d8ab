import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // A cold PGlite start takes seconds, more under load.
    hookTimeout: 180_000,
    testTimeout: 60_000,
  },
});
