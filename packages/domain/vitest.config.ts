import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = fileURLToPath(new URL(".", import.meta.url)).replace(/\/$/, "");
const src = `${here}/src`;
const README = fileURLToPath(new URL("./README.md", import.meta.url));
const BLOCKS = "virtual:readme-blocks";
const BLOCK = "virtual:readme-block/";

/**
 * The README's ```ts blocks as modules, so `test/readme.test.ts` runs every one of them.
 * In a block, a line `expression; // → value` (or `if (condition) expression; // → value`)
 * also checks that the expression gives the value (a partial match for objects): the
 * README's results are tested, not just its syntax. A trailing `(…)` after the value is a
 * remark, not part of it.
 */
function readmeBlocks() {
  const blocks = () => {
    const text = readFileSync(README, "utf8");
    const found: Array<{ line: number; language: string; code: string }> = [];
    const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
    for (let m = fence.exec(text); m !== null; m = fence.exec(text)) {
      found.push({ line: text.slice(0, m.index).split("\n").length, language: m[1] ?? "", code: m[2] ?? "" });
    }
    return found;
  };
  // `if (condition) ` before the expression is kept: the check runs when the condition holds.
  const guard = (l: string): [string, string] => {
    if (!l.startsWith("if (")) return ["", l];
    let depth = 0;
    for (let i = 3; i < l.length; i++) {
      if (l[i] === "(") depth++;
      else if (l[i] === ")" && --depth === 0) return [l.slice(0, i + 2), l.slice(i + 2)];
    }
    return ["", l];
  };
  const checked = (code: string, line: number) =>
    code
      .split("\n")
      .map((l, i) => {
        const indent = /^\s*/.exec(l)?.[0] ?? "";
        const [condition, rest] = guard(l.slice(indent.length));
        const m = /^(?!(?:const|let|var|import|export|for|if|return)\b)(.+?);\s*\/\/ → (.+?)(?: \(.*\))?$/.exec(rest);
        return m ? `${indent}${condition}__check(() => (${m[1]}), ${m[2]}, ${line + 1 + i});` : l;
      })
      .join("\n");
  return {
    name: "readme-blocks",
    // Block ids end in .ts (and carry no \0) so that Vite compiles them as TypeScript.
    resolveId: (id: string) => (id === BLOCKS ? `\0${id}` : id.startsWith(BLOCK) ? id : undefined),
    load(id: string) {
      if (id === `\0${BLOCKS}`) {
        const list = blocks().map(
          (b, i) =>
            `{ line: ${b.line}, language: ${JSON.stringify(b.language)}, run: () => import("${BLOCK}${i}.ts") }`,
        );
        return `export default [${list.join(", ")}];`;
      }
      if (!id.startsWith(BLOCK)) return undefined;
      const block = blocks()[Number.parseInt(id.slice(BLOCK.length), 10)];
      if (block === undefined) throw new Error(`no README block ${id}`);
      return `import { check as __check } from "${here}/test/readme-check.ts";\n${checked(block.code, block.line)}\nexport {};`;
    },
  };
}

export default defineConfig({
  plugins: [readmeBlocks()],
  resolve: {
    // The README imports the package by name, as its readers do.
    alias: [
      { find: /^@lantoa\/domain\/(.+)$/, replacement: `${src}/$1/index.ts` },
      { find: /^@lantoa\/domain$/, replacement: `${src}/index.ts` },
    ],
  },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Mutation runs (scripts/mutation.mjs sets STRYKER_MODULE) try fewer property cases.
    setupFiles: process.env.STRYKER_MODULE === undefined ? [] : ["test/stryker-setup.ts"],
    // Property and fuzz tests run thousands of cases; on a loaded two-core machine
    // the default 5 s is too tight. The bound is against hangs, not a speed claim.
    testTimeout: 60_000,
    // `pnpm bench` (vitest bench) only: `pnpm test` never picks these up.
    benchmark: { include: ["bench/**/*.bench.ts"] },
  },
});
