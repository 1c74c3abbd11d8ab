/**
 * The scale benchmark of issue 5: a fresh database on BENCH_DATABASE_URL's server,
 * migrated, filled with a country's worth of generated data, then timed (median of
 * warm runs) with EXPLAIN (ANALYZE, BUFFERS) summaries for the subtree queries, a
 * leaderboard page, every report, and the subtree strategies compared.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:55433/postgres pnpm --filter @lantoa/db bench
 */
import {
  countModels,
  countUnits,
  type Database,
  generateScaleData,
  goldenBookCounts,
  indicatorTotals,
  listUnits,
  migrateToLatest,
  type ReportFilter,
  replicationSpread,
  withinSubtree,
} from "@lantoa/db";
import { type CompiledQuery, Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { withAdminClient } from "./admin-client.js";
import { explainSummary, type PlanSummary } from "./explain-summary.js";

const env = process.env;
const adminUrl = env.BENCH_DATABASE_URL;
if (!adminUrl) {
  console.log(`The scale benchmark needs a PostgreSQL server where it may CREATE DATABASE:

  BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:55433/postgres pnpm --filter @lantoa/db bench

Optional: BENCH_MODELS (default 1000000), BENCH_UNITS (10000), BENCH_RUNS (5),
BENCH_DATABASE=name with BENCH_REUSE=1 to time an already generated database,
BENCH_KEEP=1 to keep the database afterwards, BENCH_PLANS=0 to hide plan trees.`);
  process.exit(0);
}

const modelCount = Number(env.BENCH_MODELS ?? 1_000_000);
const unitCount = Number(env.BENCH_UNITS ?? 10_000);
const runs = Math.max(1, Number(env.BENCH_RUNS ?? 5));
const reuse = env.BENCH_REUSE === "1";
const keep = env.BENCH_KEEP === "1" || reuse;
const showPlans = env.BENCH_PLANS !== "0";
const databaseName = env.BENCH_DATABASE ?? `lantoa_bench_${Date.now()}`;
if (!/^[a-z_][a-z0-9_]*$/.test(databaseName)) throw new Error("BENCH_DATABASE must be a plain lower-case name");

const admin = <T>(work: (client: pg.Client) => Promise<T>) => withAdminClient(adminUrl, work);

const url = new URL(adminUrl);
url.pathname = `/${databaseName}`;
if (!reuse) await admin((c) => c.query(`CREATE DATABASE ${databaseName} TEMPLATE template0 ENCODING 'UTF8'`));

const captured: CompiledQuery[] = [];
const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool }),
  log: (event) => {
    if (event.level === "query") captured.push(event.query);
  },
});

interface Result {
  readonly group: string;
  readonly name: string;
  readonly scope: string;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly answer: string;
  readonly plan: PlanSummary | null;
}
const results: Result[] = [];
let loadedModels = 0;

function describe(answer: unknown): string {
  if (Array.isArray(answer)) return `${answer.length} rows`;
  if (typeof answer === "number") return answer.toLocaleString("en");
  return String(answer);
}

async function explain(query: CompiledQuery): Promise<PlanSummary> {
  const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.sql}`, [...query.parameters]);
  return explainSummary(rows[0]["QUERY PLAN"][0]);
}

/** Warm-up run, then `runs` timed runs (fewer for slow queries); EXPLAIN of the last query it sent. */
async function measure(group: string, name: string, scope: string, run: () => Promise<unknown>): Promise<void> {
  captured.length = 0;
  const warm = performance.now();
  const answer = await run();
  const warmMs = performance.now() - warm;
  const queries = [...captured];
  const times: number[] = [];
  const count = warmMs > 5000 ? Math.min(runs, 2) : warmMs > 1500 ? Math.min(runs, 3) : runs;
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const last = queries.at(-1);
  const plan = last ? await explain(last) : null;
  const medianMs = times[Math.floor(times.length / 2)] ?? warmMs;
  const result = {
    group,
    name,
    scope,
    medianMs,
    minMs: times[0] ?? warmMs,
    maxMs: times.at(-1) ?? warmMs,
    answer: describe(answer),
    plan,
  };
  results.push(result);
  console.log(
    `\n[${group}] ${name} — ${scope}: median ${medianMs.toFixed(1)} ms over ${count} runs (${result.minMs.toFixed(1)}–${result.maxMs.toFixed(1)}), ${result.answer}`,
  );
  if (plan) {
    console.log(`  indexes: ${plan.indexes.join(", ") || "none"}; seq scans: ${plan.seqScans.join(", ") || "none"}`);
    console.log(
      `  EXPLAIN ANALYZE: ${plan.executionMs.toFixed(1)} ms, buffers hit ${plan.sharedHit} read ${plan.sharedRead}`,
    );
    if (showPlans) for (const line of plan.tree.slice(0, 24)) console.log(`    ${line}`);
  }
}

try {
  if (!reuse) {
    console.log(`database ${databaseName} on ${url.host}: migrating`);
    await migrateToLatest(db);
    const summary = await generateScaleData(db, {
      models: modelCount,
      units: unitCount,
      copyUrl: url.toString(),
      log: (line) => console.log(line),
    });
    const t0 = performance.now();
    await sql`ANALYZE`.execute(db);
    console.log(`ANALYZE in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    console.log(
      `loaded ${summary.units} units, ${summary.models} models, ${summary.indicatorValues} indicator values, ${summary.replications} replications, ${summary.goldenBookEntries} golden-book entries, ${summary.roundResults} round results in ${summary.totalSeconds.toFixed(1)} s`,
    );
  }

  loadedModels = (await db.selectFrom("models").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow()).n;

  // Scopes: a province (Hà Nam, the source article's) and one of its districts.
  const province =
    (await db.selectFrom("units").select(["id", "code", "path"]).where("code", "=", "P26").executeTakeFirst()) ??
    (await db
      .selectFrom("units")
      .select(["id", "code", "path"])
      .where("parent_id", "is", null)
      .orderBy("code")
      .executeTakeFirstOrThrow());
  const district = await db
    .selectFrom("units")
    .select(["id", "code", "path"])
    .where("parent_id", "=", province.id)
    .where("level", "=", "district")
    .orderBy("code")
    .executeTakeFirstOrThrow();
  const round = await db.selectFrom("rounds").select("id").orderBy("code").executeTakeFirstOrThrow();
  const provinceScope = `province ${province.code}`;
  const scopes: Array<[string, ReportFilter]> = [
    [provinceScope, { withinUnitId: province.id }],
    ["whole country", {}],
  ];

  // 1. The subtree queries as the repositories run them.
  await measure("subtree", "listUnits (first 50)", provinceScope, () =>
    listUnits(db, { withinUnitId: province.id }, { limit: 50 }),
  );
  await measure("subtree", "countUnits", provinceScope, () => countUnits(db, { withinUnitId: province.id }));
  await measure("subtree", "countUnits", `district ${district.code}`, () =>
    countUnits(db, { withinUnitId: district.id }),
  );
  for (const [label, id] of [
    [provinceScope, province.id],
    [`district ${district.code}`, district.id],
  ] as const) {
    await measure("subtree", "models in subtree (count)", label, async () => {
      const row = await db
        .selectFrom("models as m")
        .innerJoin("units as u", "u.id", "m.owner_unit_id")
        .where(withinSubtree("u.path", id))
        .select(sql<number>`count(*)::int`.as("n"))
        .executeTakeFirstOrThrow();
      return row.n;
    });
  }

  // 2. A leaderboard page: the top 50 of the round, then a page deep in it (keyset on rank).
  for (const [label, afterRank] of [
    ["top 50", 0],
    ["50 after rank 5000", 5000],
  ] as const) {
    await measure("leaderboard", `round results ${label}`, "round", () =>
      db
        .selectFrom("round_results as r")
        .innerJoin("models as m", "m.id", "r.model_id")
        .innerJoin("units as u", "u.id", "m.owner_unit_id")
        .select(["r.rank", "r.total_milli", "r.tier", "m.code", "m.name", "u.name as unit_name"])
        .where("r.round_id", "=", round.id)
        .where("r.rank", ">", afterRank)
        .orderBy("r.rank")
        .limit(50)
        .execute(),
    );
  }

  // 3. Every report, scoped to the province and unscoped.
  for (const [label, filter] of scopes) {
    for (const dimension of ["level", "field", "unit-kind", "status", "year"] as const) {
      await measure("report", `countModels by ${dimension}`, label, () => countModels(db, dimension, filter));
    }
    await measure("report", "indicatorTotals total", label, () => indicatorTotals(db, filter, { by: "total" }));
    await measure("report", "indicatorTotals by year", label, () => indicatorTotals(db, filter, { by: "year" }));
    if (filter.withinUnitId !== undefined) {
      await measure("report", "indicatorTotals by child unit", label, () =>
        indicatorTotals(db, filter, { by: "child-unit" }),
      );
    }
    await measure("report", "replicationSpread", label, () => replicationSpread(db, filter));
    for (const dimension of ["year", "field", "unit-kind", "status", "subject"] as const) {
      await measure("report", `goldenBookCounts by ${dimension}`, label, () => goldenBookCounts(db, dimension, filter));
    }
  }

  // 4. Subtree strategies compared on the same scopes.
  await compareSubtreeStrategies(province, district);
} finally {
  await db.destroy();
  if (!keep) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
  else console.log(`\nkept database ${databaseName}`);
}

await printTable();

async function compareSubtreeStrategies(
  province: { id: string; code: string },
  district: { id: string; code: string },
): Promise<void> {
  console.log("\nbuilding the alternatives: a closure table and an ltree column (in bench-only tables)");
  let t0 = performance.now();
  await sql`DROP TABLE IF EXISTS bench_unit_closure`.execute(db);
  await sql`CREATE TABLE bench_unit_closure AS
    SELECT a.id AS ancestor_id, d.id AS descendant_id
    FROM units d CROSS JOIN LATERAL unnest(string_to_array(rtrim(d.path, '/'), '/')) AS seg
    JOIN units a ON a.id = seg::uuid`.execute(db);
  await sql`ALTER TABLE bench_unit_closure ADD PRIMARY KEY (ancestor_id, descendant_id)`.execute(db);
  await sql`ANALYZE bench_unit_closure`.execute(db);
  const closureRows = await sql<{ n: number }>`select count(*)::int as n from bench_unit_closure`.execute(db);
  console.log(`  closure table: ${closureRows.rows[0]?.n} rows, built in ${(performance.now() - t0).toFixed(0)} ms`);

  let ltree = true;
  try {
    t0 = performance.now();
    await sql`CREATE EXTENSION IF NOT EXISTS ltree`.execute(db);
    await sql`DROP TABLE IF EXISTS bench_unit_ltree`.execute(db);
    // PostgreSQL 15's ltree labels take letters, digits and underscores only.
    await sql`CREATE TABLE bench_unit_ltree AS
      SELECT id, text2ltree(replace(replace(rtrim(path, '/'), '-', '_'), '/', '.')) AS lpath FROM units`.execute(db);
    await sql`ALTER TABLE bench_unit_ltree ADD PRIMARY KEY (id)`.execute(db);
    await sql`CREATE INDEX bench_unit_ltree_gist ON bench_unit_ltree USING gist (lpath)`.execute(db);
    await sql`ANALYZE bench_unit_ltree`.execute(db);
    console.log(`  ltree table built in ${(performance.now() - t0).toFixed(0)} ms`);
  } catch (error) {
    ltree = false;
    console.log(`  ltree unavailable, skipped: ${String(error)}`);
  }

  const strategies: Array<[string, (id: string) => ReturnType<typeof sql<{ id: string }>>]> = [
    [
      "path LIKE (subquery)||'%' [withinSubtree]",
      (id) => sql`select u.id from units u where ${withinSubtree("u.path", id)}`,
    ],
    [
      "path LIKE literal prefix (path fetched first)",
      // What a caller holding the scope's path could send: the planner sees the prefix.
      (id) => sql`select u.id from units u where u.path like ${sql.lit(`${pathOf.get(id) ?? ""}%`)}`,
    ],
    [
      "path range ~>=~ / ~<~ (subquery)",
      (id) => sql`select u.id from units u
        where u.path ~>=~ (select s.path from units s where s.id = ${id})
          and u.path ~<~ (select s.path || '~' from units s where s.id = ${id})`,
    ],
    [
      "recursive CTE over parent_id",
      (id) => sql`with recursive sub(id) as (
          select ${id}::uuid union all select c.id from units c join sub on c.parent_id = sub.id)
        select id from sub`,
    ],
    ["closure table", (id) => sql`select c.descendant_id as id from bench_unit_closure c where c.ancestor_id = ${id}`],
  ];
  if (ltree) {
    strategies.push([
      "ltree <@ (GiST)",
      (id) =>
        sql`select l.id from bench_unit_ltree l where l.lpath <@ (select s.lpath from bench_unit_ltree s where s.id = ${id})`,
    ]);
  }
  const pathOf = new Map<string, string>();
  for (const unit of await db
    .selectFrom("units")
    .select(["id", "path"])
    .where("id", "in", [province.id, district.id])
    .execute()) {
    pathOf.set(unit.id, unit.path);
  }

  for (const [label, scope] of [
    [`province ${province.code}`, province.id],
    [`district ${district.code}`, district.id],
  ] as const) {
    for (const [name, subtree] of strategies) {
      await measure("strategy units", name, label, async () => {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from (${subtree(scope)}) s`.execute(db);
        return rows[0]?.n ?? 0;
      });
      await measure("strategy models", name, label, async () => {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from models m
          where m.owner_unit_id in (select s.id from (${subtree(scope)}) s)`.execute(db);
        return rows[0]?.n ?? 0;
      });
    }
  }
}

async function printTable(): Promise<void> {
  console.log(`\n=== summary: ${loadedModels.toLocaleString("en")} models, median of up to ${runs} warm runs ===\n`);
  const header = ["group", "query", "scope", "median ms", "min–max ms", "answer", "indexes used", "seq scans"];
  const rows = results.map((r) => [
    r.group,
    r.name,
    r.scope,
    r.medianMs.toFixed(1),
    `${r.minMs.toFixed(1)}–${r.maxMs.toFixed(1)}`,
    r.answer,
    r.plan?.indexes.join(", ") || "none",
    r.plan?.seqScans.join(", ") || "none",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
}
