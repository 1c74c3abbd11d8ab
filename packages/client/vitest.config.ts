import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Regenerating runs GraphQL Code Generator in a child process.
    testTimeout: 30_000,
  },
});
