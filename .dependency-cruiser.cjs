/**
 * Layering rules (see ARCHITECTURE.md). Arrows point one way:
 * apps -> db -> domain, apps -> domain. The domain is pure: it may import zod and
 * its own files, nothing else (no node: built-ins, no other package of ours).
 */
module.exports = {
  forbidden: [
    {
      name: "domain-imports-only-zod",
      comment: "packages/domain is pure: it may import zod and its own modules, nothing else.",
      severity: "error",
      from: { path: "^packages/domain/src" },
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
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(dist|node_modules)/" },
    tsPreCompilationDeps: true,
    parser: "swc",
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".d.ts"],
    },
  },
};
