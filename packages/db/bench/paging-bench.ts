/**
 * Paging a unit's models (issue 19): random pages of 50 within random units, in each
 * order listModels offers, beside the statement listModels sent before models carried
 * their owner's path (a join on units, the subtree as a range on units.path, keyset on
 * code), timed in the same run on the same data.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5433/postgres pnpm --filter @lantoa/db bench:paging [--models 200000]
 *
 * Scopes take turns: the whole country, a random province, district, and smaller unit
 * (a commune or a body). The data lives in a database of its own, lantoa_paging_<models>, generated with the
 * scale generator (and ANALYZEd) when it is not there yet and kept for the next run;
 * `--drop` drops it at the end. `--samples N` pages per order (default 200),
 * `--baseline N` pages of the old statement (default 20: it takes seconds each at a
 * million models), `--seed N` for the random choices.
 */
import { parseArgs } from "node:util";
import {
  type Database,
  generateScaleData,
  listModels,
  MODEL_ORDERS,
  type ModelOrder,
  migrateToLatest,
} from "@lantoa/db";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { withAdminClient } from "./admin-client.js";

const { values: options } = parseArgs({
  options: {
    models: { type: "string", default: "1000000" },
    samples: { type: "string", default: "200" },
    baseline: { type: "string", default: "20" },
    seed: { type: "string", default: "19" },
    drop: { type: "boolean", default: false },
  },
});
const adminUrl = process.env.BENCH_DATABASE_URL;
if (!adminUrl) {
  console.log(`The paging benchmark needs a PostgreSQL server where it may CREATE DATABASE:

  BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5433/postgres pnpm --filter @lantoa/db bench:paging [--models 200000]`);
  process.exit(0);
}
const modelCount = Number(options.models);
const samples = Number(options.samples);
const baselineSamples = Number(options.baseline);
if (![modelCount, samples, baselineSamples].every((n) => Number.isInteger(n) && n > 0)) {
  throw new Error("--models, --samples and --baseline take positive integers");
}
const databaseName = `lantoa_paging_${modelCount}`;
const PAGE = 50;

/** A small seeded generator (mulberry32): the same seed draws the same units and cursors. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = randomFrom(Number(options.seed));

const admin = <T>(work: (client: pg.Client) => Promise<T>) => withAdminClient(adminUrl, work);

const url = new URL(adminUrl);
url.pathname = `/${databaseName}`;
const exists = await admin(
  async (c) => (await c.query("select 1 from pg_database where datname = $1", [databaseName])).rowCount === 1,
);
if (!exists) await admin((c) => c.query(`CREATE DATABASE ${databaseName} TEMPLATE template0 ENCODING 'UTF8'`));
const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });

interface Unit {
  readonly id: string;
  readonly path: string;
  readonly level: string;
  readonly group: string;
}

try {
  await migrateToLatest(db);
  const loaded = await db.selectFrom("models").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
  if (loaded.n !== modelCount) {
    if (loaded.n > 0) throw new Error(`${databaseName} holds ${loaded.n} models, not ${modelCount}: drop it first`);
    console.log(`generating ${modelCount.toLocaleString("en")} models into ${databaseName}`);
    await generateScaleData(db, {
      models: modelCount,
      units: 10_000,
      copyUrl: url.toString(),
      log: (line) => console.log(line),
    });
    const t0 = performance.now();
    await sql`ANALYZE`.execute(db);
    console.log(`ANALYZE in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } else {
    console.log(`reusing ${databaseName} (${modelCount.toLocaleString("en")} models)`);
  }

  const units: Unit[] = await db
    .selectFrom("units")
    .select(["id", "path", "level", sql<string>`unit_group`.as("group")])
    .execute();
  const codes = await db
    .selectFrom("models")
    .select(["code", "name", "status", "start_date"])
    .where(sql<boolean>`random() < ${2000 / modelCount}`)
    .execute();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  /** The subtree's size class, for the breakdown: the country, a province, a district, or smaller. */
  const sizeClass = (unit: Unit | null) =>
    unit === null ? "country" : unit.group === "province" || unit.group === "district" ? unit.group : "commune/body";

  interface Sample {
    readonly order: string;
    readonly scope: string;
    readonly ms: number;
    readonly rows: number;
  }
  const measured: Sample[] = [];

  // Scopes take turns: the whole country, a random province, district, or smaller unit,
  // so the large subtrees (few among 11,000 units) are timed as often as the small ones.
  const byClass = new Map<string, Unit[]>();
  for (const unit of units) byClass.set(sizeClass(unit), [...(byClass.get(sizeClass(unit)) ?? []), unit]);
  const classes = ["country", "province", "district", "commune/body"];
  let turn = 0;

  /** A random page: in the next scope's random unit, half the time the first page, else the page after a random model's position. */
  async function timePage(
    label: string,
    run: (unit: Unit | null, afterRow: (typeof codes)[number] | undefined) => Promise<unknown[]>,
  ) {
    const scope = classes[turn++ % classes.length] as string;
    const unit = scope === "country" ? null : pick(byClass.get(scope) ?? units);
    const after = random() < 0.5 ? undefined : pick(codes);
    const t0 = performance.now();
    const rows = await run(unit, after);
    measured.push({ order: label, scope: sizeClass(unit), ms: performance.now() - t0, rows: rows.length });
  }

  const position = (row: (typeof codes)[number], order: ModelOrder) =>
    order === "code"
      ? { code: row.code }
      : { value: order === "name" ? row.name : order === "status" ? row.status : row.start_date, code: row.code };

  // Warm the caches the same way for every order: one untimed pass of a few pages each.
  for (const order of MODEL_ORDERS) {
    for (let i = 0; i < 5; i++) {
      await listModels(db, { withinUnitId: pick(units).id }, { order, limit: PAGE });
    }
  }

  for (const order of MODEL_ORDERS) {
    console.log(`timing ${samples} pages by ${order}`);
    for (let i = 0; i < samples; i++) {
      await timePage(order, (unit, after) =>
        listModels(
          db,
          { withinUnitId: unit?.id },
          { order, after: after === undefined ? undefined : position(after, order), limit: PAGE },
        ),
      );
    }
  }

  // The statement listModels sent before this change, by code (the only order it had).
  console.log(`timing ${baselineSamples} pages of the old statement (join units, range on units.path, by code)`);
  for (let i = 0; i < baselineSamples; i++) {
    await timePage("old: code via units.path", async (unit, after) => {
      const scope = sql`(select s.path from units s where s.id = ${unit?.id ?? null})`;
      const { rows } = await sql`select m.*, u.path as owner_path from models m join units u on u.id = m.owner_unit_id
        where ${unit === null ? sql`true` : sql`u.path ~>=~ ${scope} and u.path ~<~ (${scope} || '~')`}
          and ${after === undefined ? sql`true` : sql`m.code > ${after.code}`}
        order by m.code limit ${PAGE}`.execute(db);
      return rows;
    });
  }

  const quantile = (sorted: number[], q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
  const summarize = (label: string, scope: string, group: Sample[]) => {
    const times = group.map((s) => s.ms).sort((a, b) => a - b);
    const rows = group.reduce((sum, s) => sum + s.rows, 0);
    const seconds = group.reduce((sum, s) => sum + s.ms, 0) / 1000;
    return [
      label,
      scope,
      String(group.length),
      quantile(times, 0.5).toFixed(2),
      quantile(times, 0.99).toFixed(2),
      (times.at(-1) ?? Number.NaN).toFixed(2),
      Math.round(rows / seconds).toLocaleString("en"),
    ];
  };
  const table: string[][] = [];
  for (const label of [...MODEL_ORDERS, "old: code via units.path"]) {
    const group = measured.filter((s) => s.order === label);
    table.push(summarize(label, "all", group));
    for (const scope of classes) {
      const part = group.filter((s) => s.scope === scope);
      if (part.length > 0) table.push(summarize(label, scope, part));
    }
  }
  const header = ["order", "scope", "pages", "p50 ms", "p99 ms", "max ms", "rows/s"];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  console.log(
    `\n${modelCount.toLocaleString("en")} models, ${units.length.toLocaleString("en")} units, pages of ${PAGE}`,
  );
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of table) console.log(line(row));
  const p = (label: string, scope: string, q: number) =>
    quantile(
      measured
        .filter((m) => m.order === label && m.scope === scope)
        .map((m) => m.ms)
        .sort((a, b) => a - b),
      q,
    );
  console.log("\nthe old statement's time over each order's, same scope (p50 / p99):");
  for (const scope of classes) {
    const ratios = MODEL_ORDERS.map((order) => {
      const [p50, p99] = [0.5, 0.99].map((q) => p("old: code via units.path", scope, q) / p(order, scope, q));
      return `${order} ${(p50 ?? 0).toFixed(1)}× / ${(p99 ?? 0).toFixed(1)}×`;
    });
    console.log(`  ${scope.padEnd(13)} ${ratios.join("   ")}`);
  }
} finally {
  await db.destroy();
  if (options.drop) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
}
