import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Laying out a PDF with an embedded font takes a second or two on a loaded machine.
    testTimeout: 60_000,
  },
});
