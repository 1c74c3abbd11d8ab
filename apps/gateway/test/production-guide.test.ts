import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { gatewayEnvironmentVariables } from "../src/config.js";

const guide = readFileSync(fileURLToPath(new URL("../../../docs/production.md", import.meta.url)), "utf8");
/** The variables the guide's table lists: its rows' first cell, each `NAME` in it. */
const documented = new Set(
  guide
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .flatMap((line) => [...(line.split("|")[1] ?? "").matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1])),
);

describe("docs/production.md", () => {
  it("documents every environment variable of the gateway's configuration schema", () => {
    // Read from the schema itself, so a variable added to config.ts without a row here fails.
    expect(gatewayEnvironmentVariables).toContain("DATABASE_URL");
    expect(gatewayEnvironmentVariables).toContain("LANTOA_S3_BUCKET");
    expect(gatewayEnvironmentVariables.filter((name) => !documented.has(name))).toEqual([]);
  });

  it("documents the process count and the variables the replica reads need", () => {
    for (const name of ["LANTOA_WORKERS", "DATABASE_REPLICA_URLS", "LANTOA_REPLICA_MAX_LAG_MS"]) {
      expect(documented.has(name), name).toBe(true);
    }
  });
});
