import { readFileSync } from "node:fs";
import * as app from "@lantoa/app";
import * as db from "@lantoa/db";
import * as testing from "@lantoa/db/testing";
import { describe, expect, it } from "vitest";

// @lantoa/app's README is its registry page: its code block runs here as a reader would
// run it, imports taken from the packages themselves, and each `// value` comment is what
// the line before it must print.
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ language: m[1], code: m[2] ?? "" }));
const modules: Record<string, unknown> = { "@lantoa/app": app, "@lantoa/db": db, "@lantoa/db/testing": testing };

describe("@lantoa/app's README", () => {
  it("has one TypeScript block", () => {
    expect(blocks.map((b) => b.language)).toEqual(["ts"]);
  });

  it("runs its example: a unit created, then refused as a duplicate", async () => {
    const code = blocks[0]?.code ?? "";
    const expected = [...code.matchAll(/^console\.log\(.*\); \/\/ (.+)$/gm)].map((m) => m[1]);
    const runnable = code.replace(
      /^import \{([^}]+)\} from "([^"]+)";$/gm,
      (_, names: string, from: string) => `const {${names}} = modules[${JSON.stringify(from)}];`,
    );
    const printed: string[] = [];
    const log = { log: (...parts: unknown[]) => printed.push(parts.join(" ")) };
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
    await new AsyncFunction("modules", "console", runnable)(modules, log);
    expect(expected).toEqual(["created", "ORG.DUPLICATE_CODE"]);
    expect(printed).toEqual(expected);
  }, 120_000);
});
