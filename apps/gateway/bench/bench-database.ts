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

/** One random request: GraphQL variables for the gateway, a path for the bare handler. */
export interface Draw {
  readonly variables: Record<string, unknown>;
  readonly barePath: string;
}

/** Random requests of each kind the benchmarks time, and how many models there are. */
export interface RequestPicks {
  readonly modelCount: number;
  /** 50 models after a random model's code (the gateway's cursor is its base64url). */
  page(): Draw;
  /** The first 50 models within a random unit. */
  unitPage(): Draw;
  /** A random model's detail: half the draws among models with a published result, half among models without. */
  detail(): Draw;
  /** Model counts within a random unit. */
  report(): Draw;
}

/** Draws random models, codes and units from the database at `url` once; each call then picks one at random. */
export async function pickRequests(url: string): Promise<RequestPicks> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const column = async (text: string): Promise<string[]> => (await client.query(text)).rows.map((r) => r.v);
    const withResults = await column(
      "SELECT v FROM (SELECT DISTINCT model_id AS v FROM round_results) r ORDER BY random() LIMIT 2000",
    );
    const withoutResults = await column(
      "SELECT id AS v FROM models m WHERE NOT EXISTS (SELECT 1 FROM round_results r WHERE r.model_id = m.id) ORDER BY random() LIMIT 2000",
    );
    const codes = await column("SELECT code AS v FROM models ORDER BY random() LIMIT 4000");
    const unitIds = await column("SELECT id AS v FROM units ORDER BY random() LIMIT 4000");
    const modelCount = Number((await client.query("SELECT count(*) AS n FROM models")).rows[0].n);
    const any = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;
    const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
    return {
      modelCount,
      page: () => {
        const code = any(codes);
        return {
          variables: { after: Buffer.from(code).toString("base64url") },
          barePath: `/page?after=${encodeURIComponent(code)}`,
        };
      },
      unitPage: () => {
        const unit = any(unitIds);
        return { variables: { u: gid("Unit", unit) }, barePath: `/unit-page?unit=${unit}` };
      },
      detail: () => {
        const model = any(Math.random() < 0.5 && withResults.length ? withResults : withoutResults);
        return { variables: { id: gid("Model", model) }, barePath: `/detail?id=${model}` };
      },
      report: () => {
        const unit = any(unitIds);
        return { variables: { u: gid("Unit", unit) }, barePath: `/report?unit=${unit}` };
      },
    };
  } finally {
    await client.end();
  }
}
