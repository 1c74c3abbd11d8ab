import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Connection, connect } from "../connect.js";
import { migrateToLatest } from "../migrate.js";

/** An engine an integration suite runs on. */
export type TestEngine = "pglite" | "postgres";

/** The environment variable that points integration tests at a PostgreSQL server. */
export const TEST_DATABASE_URL_VAR = "TEST_DATABASE_URL";

/**
 * The engines to run integration suites on: PGlite always, PostgreSQL when
 * `TEST_DATABASE_URL` is set. Suites are written once and run on each.
 */
export function testEngines(env: NodeJS.ProcessEnv = process.env): TestEngine[] {
  return env[TEST_DATABASE_URL_VAR] ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * For a vitest `globalSetup`: says loudly when the PostgreSQL suites cannot run,
 * and fails under `CI=true`, where a silently skipped suite would look green.
 */
export function requirePostgresInCi(env: NodeJS.ProcessEnv = process.env): void {
  if (env[TEST_DATABASE_URL_VAR]) return;
  const why = `the PostgreSQL integration suites need ${TEST_DATABASE_URL_VAR}=postgres://user@host:port/db (a server where the user may CREATE DATABASE); bash .ci/run starts one`;
  if (env.CI === "true") throw new Error(`CI=true but ${TEST_DATABASE_URL_VAR} is not set: ${why}`);
  process.stdout.write(`\n  skipped: PostgreSQL suites, because ${why}.\n\n`);
}

/** A freshly migrated, empty database of its own for one suite; `close` drops it. */
export interface TestDatabase extends Connection {
  readonly name: string;
}

/**
 * Creates an isolated, migrated database on the engine: a new in-memory PGlite, or
 * a new database on the PostgreSQL server named by `TEST_DATABASE_URL`.
 */
export async function createTestDatabase(
  engine: TestEngine,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TestDatabase> {
  if (engine === "pglite") {
    const connection = await connect({ engine: "pglite" });
    await migrateToLatest(connection.db);
    return { ...connection, name: "memory" };
  }
  const adminUrl = env[TEST_DATABASE_URL_VAR];
  if (!adminUrl) throw new Error(`${TEST_DATABASE_URL_VAR} is not set`);
  const database = await createServerDatabase(adminUrl, "template0");
  await migrateToLatest(database.db);
  return database;
}

/** A new database on the server named by `adminUrl`, copied from `template`; `close` drops it. */
export async function createServerDatabase(adminUrl: string, template: string): Promise<TestDatabase> {
  const name = `lantoa_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template} ENCODING 'UTF8'`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const connection = await connect({ engine: "postgres", url: url.toString(), maxConnections: 4 });
  return {
    ...connection,
    name,
    close: async () => {
      await connection.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      try {
        // The pool's end resolves before its connections have closed. A forced drop would
        // kill a backend still saying goodbye, and its FATAL message would reach a client
        // nobody listens to any more: an uncaught error in whatever test runs then.
        // Wait (up to 10 s) for them to leave; force only what lingers beyond that.
        for (let tries = 0; tries < 200; tries++) {
          const left = await dropper.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1",
            [name],
          );
          if (left.rows[0]?.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
