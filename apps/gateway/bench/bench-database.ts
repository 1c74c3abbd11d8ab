import { type Database, generateScaleData, hashPassword, migrateToLatest, openSession } from "@lantoa/db";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";

/** The benchmark's user: a system admin, so every page reads the whole country. */
export const BENCH_USER = { username: "bench.admin", password: "lantoa-bench" } as const;

/** Options of {@link prepareBenchDatabase}. */
export interface BenchDatabaseOptions {
  /** A server where the benchmark may CREATE DATABASE. */
  readonly serverUrl: string;
  readonly name: string;
  readonly models: number;
  readonly units: number;
  readonly log: (line: string) => void;
}

/**
 * The benchmark's database on `serverUrl`: created, migrated and filled with scale data
 * on first use, reused afterwards (generating takes minutes; timing should not wait).
 * Returns its URL and a session token of {@link BENCH_USER}.
 */
export async function prepareBenchDatabase(options: BenchDatabaseOptions): Promise<{ url: string; token: string }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(options.name)) throw new Error("BENCH_DATABASE must be a plain lower-case name");
  const url = new URL(options.serverUrl);
  url.pathname = `/${options.name}`;
  const server = new pg.Client({ connectionString: options.serverUrl });
  await server.connect();
  const exists = await server.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.name]);
  if (exists.rowCount === 0) {
    await server.query(`CREATE DATABASE ${options.name} TEMPLATE template0 ENCODING 'UTF8'`);
  }
  await server.end();
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 2 }) }),
  });
  try {
    await migrateToLatest(db);
    const filled = await db.selectFrom("models").select("id").limit(1).executeTakeFirst();
    if (!filled) {
      options.log(`Generating ${options.models} models over ${options.units} units in ${options.name}…`);
      await generateScaleData(db, {
        models: options.models,
        units: options.units,
        copyUrl: url.toString(),
        log: options.log,
      });
      await sql`ANALYZE`.execute(db);
    }
    const user = await db
      .selectFrom("users")
      .select("id")
      .where("username", "=", BENCH_USER.username)
      .executeTakeFirst();
    if (!user) {
      const { id } = await db
        .insertInto("users")
        .values({
          username: BENCH_USER.username,
          display_name: "Benchmark",
          password_hash: await hashPassword(BENCH_USER.password),
          unit_id: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db.insertInto("role_assignments").values({ user_id: id, role: "system-admin", unit_id: null }).execute();
    }
    const session = await openSession(db, BENCH_USER, new Date(Date.now() + 6 * 3_600_000));
    if (!session) throw new Error("The benchmark user could not sign in.");
    return { url: url.toString(), token: session.token };
  } finally {
    await db.destroy();
  }
}
