import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (`main`) and ESM (`module`) builds. Node loads the
    // CommonJS one for graphql-yoga; Vite would give our sources the ESM one, and
    // two GraphQLError classes make yoga mask our typed errors. One copy for all.
    alias: { graphql: "graphql/index.js" },
  },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // A cold PGlite start takes seconds, more under load.
    hookTimeout: 180_000,
    testTimeout: 30_000,
  },
});
