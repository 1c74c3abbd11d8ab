/**
 * Reports from rollups (issue 19): p50/p99 of the country-wide indicator totals,
 * model counts and replication spread read from the rollup tables, against the same
 * reports computed from the raw rows in the same run, on a fresh database of
 * BENCH_MODELS models (5 values each), plus the cost the triggers add to a write.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5433/postgres pnpm --filter @lantoa/db bench:rollups
 *
 * Optional: BENCH_MODELS (default 1000000), BENCH_UNITS (10000), BENCH_RUNS (200 for
 * the rollups; the raw baseline runs BENCH_RAW_RUNS, default 5), BENCH_DATABASE=name
 * with BENCH_REUSE=1 to time an already generated database, BENCH_KEEP=1 to keep it,
 * BENCH_REBUILD=0 to skip timing a rebuild from scratch at the end.
 */
import {
  countModels,
  countModelsFromRaw,
  type Database,
  generateScaleData,
  indicatorTotals,
  indicatorTotalsFromRaw,
  migrateToLatest,
  rebuildRollups,
  recordIndicatorValues,
  replicationSpread,
  replicationSpreadFromRaw,
} from "@lantoa/db";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";

const env = process.env;
const adminUrl = env.BENCH_DATABASE_URL;
if (!adminUrl) {
  console.log("The rollups benchmark needs BENCH_DATABASE_URL: a PostgreSQL server where it may CREATE DATABASE.");
  process.exit(0);
}
const modelCount = Number(env.BENCH_MODELS ?? 1_000_000);
const unitCount = Number(env.BENCH_UNITS ?? 10_000);
const runs = Math.max(2, Number(env.BENCH_RUNS ?? 200));
const rawRuns = Math.max(1, Number(env.BENCH_RAW_RUNS ?? 5));
const reuse = env.BENCH_REUSE === "1";
const keep = env.BENCH_KEEP === "1" || reuse;
const databaseName = env.BENCH_DATABASE ?? `lantoa_rollups_${Date.now()}`;
if (!/^[a-z_][a-z0-9_]*$/.test(databaseName)) throw new Error("BENCH_DATABASE must be a plain lower-case name");

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const url = new URL(adminUrl);
url.pathname = `/${databaseName}`;
if (!reuse) await admin(`CREATE DATABASE ${databaseName} TEMPLATE template0 ENCODING 'UTF8'`);
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: `${url}` }) }),
});

interface Timing {
  readonly p50: number;
  readonly p99: number;
}

/** One warm-up, then `count` timed runs; p99 is the nearest rank (the maximum under 100 runs). */
async function time(count: number, run: () => Promise<unknown>): Promise<Timing> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const rank = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] as number;
  return { p50: rank(0.5), p99: rank(0.99) };
}

const reports: ReadonlyArray<[name: string, rollup: () => Promise<unknown>, raw: () => Promise<unknown>]> = [
  [
    "indicator totals",
    () => indicatorTotals(db, {}, { by: "total" }),
    () => indicatorTotalsFromRaw(db, {}, { by: "total" }),
  ],
  [
    "indicator totals 2019-2022",
    () => indicatorTotals(db, { fromYear: 2019, toYear: 2022 }, { by: "total" }),
    () => indicatorTotalsFromRaw(db, { fromYear: 2019, toYear: 2022 }, { by: "total" }),
  ],
  [
    "indicator totals by year",
    () => indicatorTotals(db, {}, { by: "year" }),
    () => indicatorTotalsFromRaw(db, {}, { by: "year" }),
  ],
  [
    "indicator totals by field",
    () => indicatorTotals(db, {}, { by: "field" }),
    () => indicatorTotalsFromRaw(db, {}, { by: "field" }),
  ],
  ["model counts by level", () => countModels(db, "level"), () => countModelsFromRaw(db, "level")],
  ["model counts by status", () => countModels(db, "status"), () => countModelsFromRaw(db, "status")],
  ["model counts by field", () => countModels(db, "field"), () => countModelsFromRaw(db, "field")],
  ["replication spread, every pilot", () => replicationSpread(db), () => replicationSpreadFromRaw(db)],
  [
    "replication spread, first 50",
    () => replicationSpread(db, {}, { limit: 50 }),
    () => replicationSpreadFromRaw(db).then((rows) => rows.slice(0, 50)),
  ],
];

try {
  if (!reuse) {
    await migrateToLatest(db);
    const summary = await generateScaleData(db, {
      models: modelCount,
      units: unitCount,
      copyUrl: `${url}`,
      log: (line) => console.log(line),
    });
    console.log(`rollups rebuilt once after the load in ${summary.rollupSeconds.toFixed(1)} s`);
  }
  await sql`analyze`.execute(db);
  const counts = await sql<{ models: number; values: number; rows: number }>`select
      (select count(*)::int from models) as models, (select count(*)::int from indicator_values) as values,
      (select count(*)::int from indicator_rollups) as rows`.execute(db);
  console.log(`\n${JSON.stringify(counts.rows[0])} (rollup rows per unit × field × indicator × year)`);

  console.log(
    `\ncountry-wide, ms: rollup p50/p99 over ${runs} runs | raw p50/p99 over ${rawRuns} runs | raw ÷ rollup (p50)`,
  );
  for (const [name, rollup, raw] of reports) {
    const fast = await time(runs, rollup);
    const slow = await time(rawRuns, raw);
    console.log(
      `  ${name.padEnd(28)} ${fast.p50.toFixed(1).padStart(7)} / ${fast.p99.toFixed(1).padStart(7)}  | ${slow.p50.toFixed(0).padStart(7)} / ${slow.p99.toFixed(0).padStart(7)}  | ×${(slow.p50 / fast.p50).toFixed(0)}`,
    );
  }

  // What the triggers cost a write: one model's value re-entered, in a transaction rolled back.
  const model = await db
    .selectFrom("indicator_values")
    .select(["model_id", "indicator_code", "period", "unit_code"])
    .limit(1)
    .executeTakeFirstOrThrow();
  const write = async (paused: boolean) =>
    time(50, () =>
      db
        .transaction()
        .execute(async (trx) => {
          if (paused) await sql`set local lantoa.rollups_paused = 'on'`.execute(trx);
          await recordIndicatorValues(trx, [
            {
              modelId: model.model_id,
              indicatorCode: model.indicator_code,
              period: model.period,
              value: 42,
              unitCode: model.unit_code,
            },
          ]);
          throw new Error("roll back");
        })
        .catch(() => {}),
    );
  const withTriggers = await write(false);
  const without = await write(true);
  console.log(
    `\none value re-entered, ms p50/p99: with rollup triggers ${withTriggers.p50.toFixed(1)} / ${withTriggers.p99.toFixed(1)}, paused ${without.p50.toFixed(1)} / ${without.p99.toFixed(1)}`,
  );
  if (env.BENCH_REBUILD !== "0") {
    const t0 = performance.now();
    await rebuildRollups(db);
    console.log(`lantoa rollups rebuild (everything from scratch): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
} finally {
  await db.destroy();
  if (!keep) await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
}
