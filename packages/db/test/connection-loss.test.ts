import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "../src/index.js";
import { createTestDatabase, TEST_DATABASE_URL_VAR, type TestDatabase } from "../src/testing/index.js";

const adminUrl = process.env[TEST_DATABASE_URL_VAR];

// PostgreSQL only: PGlite runs in this process, nothing outside can close its connections.
describe.runIf(adminUrl)("a PostgreSQL connection the server closes while idle", () => {
  let database: TestDatabase;
  let url: string;
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.message);
  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    const u = new URL(adminUrl as string);
    u.pathname = `/${database.name}`;
    url = u.toString();
    process.on("warning", onWarning);
  });
  afterAll(async () => {
    process.off("warning", onWarning);
    await database?.close();
  });

  it("is dropped from the pool with a warning, and the next query gets a fresh one", async () => {
    // A restart, an idle timeout or an operator ends a pooled connection: without a listener,
    // the pool's "error" event would be thrown and take the whole gateway down.
    const { db, close } = await connect({ engine: "postgres", url, maxConnections: 1 });
    try {
      const before = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
      const pid = before.rows[0]?.pid;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        await admin.query("select pg_terminate_backend($1)", [pid]);
      } finally {
        await admin.end();
      }
      await expect
        .poll(() => warnings.some((w) => w.includes("terminating connection")), { timeout: 10_000 })
        .toBe(true);
      const after = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
      expect(after.rows[0]?.pid).not.toBe(pid);
    } finally {
      await close();
    }
  });
});
