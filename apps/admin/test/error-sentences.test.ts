import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { errorSentence, errorSentences } from "../src/errors/error-sentences";
import { apiSourceFiles } from "./api-sources";

/** Everything that answers the API: the gateway, the use cases, the repositories and the domain. */
const sourceDirs = ["apps/gateway/src", "packages/app/src", "packages/db/src", "packages/domain/src"];

/**
 * The codes the API can return, read from the sources: namespaced literals ("ROUND.LOCKED"),
 * codes made from a prefix (`${prefix}.NOT_FOUND`, checked through a sample prefix), and the
 * GraphQL `extensions.code` values the gateway sets ("FORBIDDEN", "BAD_ID"…).
 */
function codesTheApiCanReturn(): string[] {
  const codes = new Set<string>();
  for (const file of apiSourceFiles(sourceDirs)) {
    const text = readFileSync(file, "utf8");
    for (const [, code] of text.matchAll(/["'`]([A-Z][A-Z_]*\.[A-Z][A-Z0-9_]*)["'`]/g)) codes.add(code as string);
    for (const [, suffix] of text.matchAll(/`\$\{\w+\}\.([A-Z][A-Z0-9_]*)`/g)) codes.add(`ANY_PREFIX.${suffix}`);
    for (const line of text.split("\n")) {
      if (!/\bextensions\b|\bconst code =/.test(line)) continue;
      for (const [, code] of line.matchAll(/"([A-Z][A-Z_]{3,})"/g)) codes.add(code as string);
    }
  }
  return [...codes].sort();
}

describe("error sentences", () => {
  const codes = codesTheApiCanReturn();

  it("finds the codes in the sources (the walk itself works)", () => {
    expect(codes).toContain("ROUND.REQUIREMENT_NOT_MET");
    expect(codes).toContain("DB.STALE_VERSION");
    expect(codes).toContain("FORBIDDEN");
    expect(codes).toContain("ANY_PREFIX.NOT_FOUND");
    expect(codes.length).toBeGreaterThan(150);
  });

  it("has a Vietnamese and an English sentence for every code the API can return", () => {
    const missing = codes.flatMap((code) =>
      (["vi", "en"] as const).filter((locale) => !errorSentence(code, locale)?.trim()).map((l) => `${code} (${l})`),
    );
    expect(missing).toEqual([]);
  });

  it("writes every sentence as a sentence, never as a code", () => {
    for (const [code, { vi, en }] of Object.entries(errorSentences)) {
      for (const text of [vi, en]) {
        expect(text, code).toMatch(/[.?!)]$/);
        expect(text, code).not.toMatch(/\b[A-Z][A-Z_]+\.[A-Z][A-Z_]+\b/);
      }
      expect(vi, code).not.toBe(en);
    }
  });
});
