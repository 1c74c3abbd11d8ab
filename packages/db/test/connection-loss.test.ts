import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, isDatabaseUnavailable } from "../src/index.js";
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

  /** Ends a backend from another session, as a restart or an operator would. */
  async function terminate(pid: number | undefined): Promise<void> {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query("select pg_terminate_backend($1)", [pid]);
    } finally {
      await admin.end();
    }
  }

  it("fails a transaction whose connection the server ends with a retryable error, and the process lives on", async () => {
    // A checked-out client emits "error" on itself, not on the pool: without its own
    // listener, Node throws it and a PostgreSQL restart under load ends the gateway.
    const { db, close } = await connect({ engine: "postgres", url, maxConnections: 1 });
    try {
      const failure = await db
        .transaction()
        .execute(async (trx) => {
          const own = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
          await terminate(own.rows[0]?.pid);
          await sql`select pg_sleep(0.2)`.execute(trx);
          return null;
        })
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect(isDatabaseUnavailable(failure)).toBe(true);
      const again = await sql<{ one: number }>`select 1 as one`.execute(db);
      expect(again.rows[0]?.one).toBe(1);
    } finally {
      await close();
    }
  });

  it("is dropped from the pool with a warning, and the next query gets a fresh one", async () => {
    // A restart, an idle timeout or an operator ends a pooled connection: without a listener,
    // the pool's "error" event would be thrown and take the whole gateway down.
    const { db, close } = await connect({ engine: "postgres", url, maxConnections: 1 });
    try {
      const before = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
      const pid = before.rows[0]?.pid;
      // Only a warning after this termination counts: the test before leaves one of its own.
      const earlier = warnings.length;
      await terminate(pid);
      await expect
        .poll(() => warnings.slice(earlier).some((w) => w.includes("terminating connection")), { timeout: 10_000 })
        .toBe(true);
      const after = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
      expect(after.rows[0]?.pid).not.toBe(pid);
    } finally {
      await close();
    }
  });
});
