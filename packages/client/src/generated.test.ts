import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ModelsDocument, TransitionModelDocument } from "./index.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

describe("graphql.gen.ts", () => {
  it("matches apps/gateway/schema.graphql and src/operations (run `pnpm --filter @lantoa/client generate`)", () => {
    const fresh = execFileSync(process.execPath, ["scripts/generate.mjs", "--print"], {
      cwd: packageDir,
      encoding: "utf8",
    });
    const committed = readFileSync(new URL("./graphql.gen.ts", import.meta.url), "utf8");
    expect(committed).toBe(fresh);
  });

  it("sends each operation with the fragments it spreads", () => {
    const models = String(ModelsDocument);
    expect(models).toMatch(/^\s*query Models\(/);
    expect(models).toContain("fragment ModelSummary on Model");
    expect(String(TransitionModelDocument)).toContain("fragment ErrorFields on Error");
  });
});
