import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // One copy of graphql for the in-process gateway (see apps/gateway/vitest.config.ts),
    // subpaths (graphql-armor imports graphql/language/parser) to their CommonJS files too.
    alias: [
      { find: /^graphql$/, replacement: "graphql/index.js" },
      { find: /^graphql\/(.+?)(\.js)?$/, replacement: "graphql/$1.js" },
    ],
  },
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    hookTimeout: 180_000,
    testTimeout: 60_000,
    // expect.poll gives up after 1 s by default: too short for a page on a busy two-core machine.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    // One browser at a time: the machine has two cores.
    fileParallelism: false,
  },
});
