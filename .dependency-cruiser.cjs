/**
 * Layering rules (see ARCHITECTURE.md). Arrows point one way:
 * apps -> app -> db -> domain, apps -> domain (reads may go apps -> db). The domain is pure: it may import zod and
 * its own files, nothing else (no node: built-ins, no other package of ours).
 */
module.exports = {
  forbidden: [
    {
      name: "domain-imports-only-zod",
      comment: "packages/domain is pure: it may import zod and its own modules, nothing else.",
      severity: "error",
      from: { path: "^packages/domain/src", pathNot: "(\\.test\\.ts$|/test-support/)" },
      to: {
        pathNot: ["^packages/domain/src", "node_modules/zod/", "^zod$"],
      },
    },
    {
      name: "domain-no-core-modules",
      comment: "No node: built-ins (fs, crypto, process...) in the domain: pass I/O, clock and randomness in.",
      severity: "error",
      from: { path: "^packages/domain/src" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "app-imports-only-domain-db-zod",
      comment:
        "@lantoa/app (use cases) may import the domain, the db layer, zod and Node built-ins: never GraphQL, Pothos, Kysely or an app. SQL stays in @lantoa/db.",
      severity: "error",
      from: { path: "^packages/app/src" },
      to: {
        dependencyTypesNot: ["core"],
        pathNot: ["^packages/app/src", "^packages/domain/", "^packages/db/", "node_modules/zod/", "^zod$"],
      },
    },
    {
      name: "documents-renders-only",
      comment:
        "@lantoa/documents lays paperwork out from what it is given: it may read the domain and db's types, never run a use case or an app.",
      severity: "error",
      from: { path: "^packages/documents/src" },
      to: { path: ["^packages/app/", "^apps/"] },
    },
    {
      name: "schema-no-kysely",
      comment:
        "GraphQL schema files map arguments to use cases and read through repositories: no Kysely import of their own.",
      severity: "error",
      from: { path: "^apps/gateway/src/schema" },
      to: { path: ["node_modules/kysely/", "^kysely$"] },
    },
    {
      name: "db-not-to-app",
      comment: "@lantoa/db is below the use cases: it must not import them.",
      severity: "error",
      from: { path: "^packages/(db|domain)/src" },
      to: { path: "^packages/app/" },
    },
    {
      name: "db-not-to-apps",
      comment: "@lantoa/db must not depend on an app.",
      severity: "error",
      from: { path: "^packages/db/src" },
      to: { path: "^apps/" },
    },
    {
      name: "packages-not-to-apps",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^apps/" },
    },
    {
      name: "no-unresolvable",
      comment: "An import that resolves to nothing is a bug or a missing dependency.",
      severity: "error",
      from: { path: "^(packages|apps)/[^/]+/src" },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Our packages are imported through their builds (`exports` point at dist): record
    // those edges, so the rules see them, but do not cruise further into them.
    doNotFollow: { path: ["node_modules", "^(packages|apps)/[^/]+/dist/"] },
    tsPreCompilationDeps: true,
    parser: "swc",
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".d.ts"],
    },
  },
};
