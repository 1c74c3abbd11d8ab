import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (`main`) and ESM (`module`) builds. Node loads the
    // CommonJS one for graphql-yoga; Vite would give our sources the ESM one, and
    // two GraphQLError classes make yoga mask our typed errors. One copy for all.
    // Subpaths (graphql-armor imports graphql/language/parser) go to their CommonJS files too.
    alias: [
      { find: /^graphql$/, replacement: "graphql/index.js" },
      { find: /^graphql\/(.+?)(\.js)?$/, replacement: "graphql/$1.js" },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // A cold PGlite start takes seconds, more under load.
    hookTimeout: 180_000,
    testTimeout: 30_000,
  },
});
