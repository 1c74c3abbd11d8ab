import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@lantoa/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const main = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "main.js");

/** pg_dump and pg_restore as the CLI finds them: on PATH or in Debian's /usr/lib/postgresql/<version>/bin. */
function hasPgTools(): boolean {
  const dirs = (process.env.PATH ?? "").split(":").filter(Boolean);
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) for (const version of readdirSync(root)) dirs.push(join(root, version, "bin"));
  return ["pg_dump", "pg_restore"].every((tool) => dirs.some((dir) => existsSync(join(dir, tool))));
}

const adminUrl = process.env.TEST_DATABASE_URL;
const skipReason = !adminUrl
  ? "TEST_DATABASE_URL is not set (a PostgreSQL server where the user may create databases)"
  : !hasPgTools()
    ? "pg_dump/pg_restore not found on PATH or in /usr/lib/postgresql/*/bin (Debian: apt-get install postgresql-client)"
    : null;
if (skipReason) console.log(`skipped: PostgreSQL backup and restore through the CLI — ${skipReason}`);

describe.runIf(skipReason === null)("lantoa backup and restore on PostgreSQL", () => {
  const work = mkdtempSync(join(tmpdir(), "lantoa-cli-pg-"));
  let source: TestDatabase;
  let target: TestDatabase;
  const urlOf = (database: TestDatabase) => {
    const url = new URL(adminUrl as string);
    url.pathname = `/${database.name}`;
    return url.toString();
  };

  /** Runs the built CLI against one of the test's databases. */
  function lantoa(database: TestDatabase, args: string[]) {
    const result = spawnSync(process.execPath, [main, ...args], {
      cwd: work,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", DATABASE_URL: urlOf(database) },
      timeout: 110_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  const exportAll = (database: TestDatabase, prefix: string) => {
    for (const report of ["summary", "models", "golden-book", "units"]) {
      const out = lantoa(database, ["export", report, "--format", "csv", "--out", `${prefix}-${report}.csv`]);
      expect(out.code, out.stderr).toBe(0);
    }
  };

  beforeAll(async () => {
    source = await createTestDatabase("postgres");
    target = await createTestDatabase("postgres");
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const units = async (database: TestDatabase) =>
    (await sql<{ n: number }>`select count(*)::int as n from units`.execute(database.db)).rows[0]?.n;

  // One step per test, in order: each is a few CLI runs, each a cold process.
  it("seeds a PostgreSQL database with the demo data", () => {
    const seed = lantoa(source, ["seed"]);
    expect(seed.code, seed.stderr).toBe(0);
  });

  it("exports its lists and summary", () => {
    exportAll(source, "before");
  });

  it("dumps it with pg_dump in custom format", () => {
    const backup = lantoa(source, ["backup", "--out", "dump/lantoa.pgdump"]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(readFileSync(join(work, "dump/lantoa.pgdump")).subarray(0, 5).toString("latin1")).toBe("PGDMP");
  });

  it("restores the dump into an empty database with pg_restore", async () => {
    expect(await units(target)).toBe(0);
    const restore = lantoa(target, ["restore", "--from", "dump/lantoa.pgdump"]);
    expect(restore.code, restore.stderr).toBe(0);
    expect(await units(target)).toBe(await units(source));
    expect(await units(target)).toBeGreaterThan(0);
    expect(lantoa(target, ["restore", "--from", "dump/no-such-file"]).code).toBe(1);
  });

  it("exports the same lists and summary from the restored database", () => {
    exportAll(target, "after");
    for (const report of ["summary", "models", "golden-book", "units"]) {
      expect(readFileSync(join(work, `after-${report}.csv`), "utf8")).toBe(
        readFileSync(join(work, `before-${report}.csv`), "utf8"),
      );
    }
  });

  it("keeps the constraints and the migration state", async () => {
    const index = await sql<{ n: number }>`
      select count(*)::int as n from pg_indexes where indexname = 'golden_book_natural_key'`.execute(target.db);
    expect(index.rows[0]?.n).toBe(1);
    const migrate = lantoa(target, ["migrate"]);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).not.toMatch(/Đã áp dụng [1-9]/);
  });
});
