import { type Kysely, sql } from "kysely";
import pg from "pg";
import type { Database } from "../database.js";
import { rebuildRollups } from "../reports/rebuild-rollups.js";
import { seedConfiguration } from "../seed/seed-configuration.js";
import {
  indicatorValueColumns,
  indicatorValueRows,
  type ModelFacts,
  modelColumns,
  modelRows,
  replicationColumns,
  replicationRows,
} from "./scale-models.js";
import { goldenBookColumns, goldenBookRows, roundIds, roundResultColumns, roundResultRows } from "./scale-registers.js";
import { generateCountry, unitColumns, unitRows } from "./scale-units.js";
import { copyLoader, insertLoader, type ScaleValue, type TableLoader } from "./table-loader.js";

/** What {@link generateScaleData} generates; every field has a default. */
export interface ScaleOptions {
  /** Seed of every random choice: the same seed gives the same rows. Default 2026. */
  readonly seed?: number;
  /** At least this many units (the country's shape is rounded up). Default 10,000. */
  readonly units?: number;
  /** Exactly this many models. Default 1,000,000. */
  readonly models?: number;
  /** Indicator values per model, 1-5. Default 5. */
  readonly valuesPerModel?: number;
  /** Share of models adopting another one. Default 0.03. */
  readonly replicationShare?: number;
  /** Golden-book entries per unit. Default 5. */
  readonly goldenBookPerUnit?: number;
  /** Models with a result in the finished round. Default 10,000 (at most all models). */
  readonly roundResults?: number;
  /**
   * A PostgreSQL URL of the same database: rows then go in with COPY FROM STDIN over
   * a connection of their own (and, while the tables are empty, secondary indexes are
   * dropped and rebuilt after, the usual bulk-load order). Without it, multi-row
   * INSERTs through `db` (what PGlite takes).
   */
  readonly copyUrl?: string;
  /** Receives a line per step (progress and rates). Default: silent. */
  readonly log?: (line: string) => void;
}

/** Rows loaded into one table and how fast. */
export interface ScaleTableLoad {
  readonly table: string;
  readonly rows: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
}

/** What {@link generateScaleData} loaded. */
export interface ScaleDataSummary {
  readonly method: "copy" | "insert";
  readonly units: number;
  readonly models: number;
  readonly indicatorValues: number;
  readonly replications: number;
  readonly goldenBookEntries: number;
  readonly roundResults: number;
  readonly roundId: string;
  readonly tables: readonly ScaleTableLoad[];
  /** Time spent rebuilding the secondary indexes dropped for the COPY (0 otherwise). */
  readonly indexSeconds: number;
  /** Time spent rebuilding the report rollups once at the end. */
  readonly rollupSeconds: number;
  readonly totalSeconds: number;
}

/** Tables whose secondary indexes are rebuilt after a COPY rather than maintained row by row. */
const bulkTables = ["models", "indicator_values", "replications", "golden_book_entries", "round_results"];

/**
 * Generates a whole country's worth of data into an empty migrated database, for
 * benchmarks: 63 provinces with their districts, communes and unit bodies (at least
 * `units` units), `models` models (marked `generated`) across units, fields, years
 * 2017-2025 and statuses, `valuesPerModel` indicator values each, replications of
 * pilot models, golden-book entries, and a published round with results. Loads with
 * COPY when `copyUrl` is given, batched INSERTs otherwise; either way the report
 * rollups are rebuilt once at the end (a COPY loads with their triggers paused).
 *
 * @example
 * const summary = await generateScaleData(db, { models: 1_000_000, copyUrl: url, log: console.log });
 * summary.totalSeconds; // e.g. 140
 */
export async function generateScaleData(db: Kysely<Database>, options: ScaleOptions = {}): Promise<ScaleDataSummary> {
  const seed = options.seed ?? 2026;
  const modelCount = options.models ?? 1_000_000;
  const perModel = options.valuesPerModel ?? 5;
  if (!Number.isInteger(perModel) || perModel < 1 || perModel > 5) throw new Error("valuesPerModel must be 1-5");
  if (!Number.isInteger(modelCount) || modelCount < 1) throw new Error("models must be a positive integer");
  const log = options.log ?? (() => {});
  const started = performance.now();

  const existing = await db.selectFrom("units").select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
  if (existing.n > 0) throw new Error("generateScaleData needs a database without units");
  await seedConfiguration(db);

  const client = options.copyUrl === undefined ? null : new pg.Client({ connectionString: options.copyUrl });
  if (client) await client.connect();
  // Row by row the rollup triggers would make a COPY of millions crawl: this session
  // pauses them and the rollups are rebuilt once at the end.
  if (client) await client.query("set lantoa.rollups_paused = 'on'");
  const loader: TableLoader = client ? copyLoader(client) : insertLoader(db);
  const dropped = client ? await dropSecondaryIndexes(client) : [];
  const tables: ScaleTableLoad[] = [];
  const load = async (table: string, columns: readonly string[], rows: Iterable<ScaleValue[]>) => {
    const t0 = performance.now();
    const count = await loader.load(table, columns, rows);
    const seconds = (performance.now() - t0) / 1000;
    const entry = { table, rows: count, seconds, rowsPerSecond: count / Math.max(seconds, 1e-6) };
    tables.push(entry);
    log(
      `  ${table.padEnd(22)} ${String(count).padStart(10)} rows in ${seconds.toFixed(1).padStart(6)} s  (${Math.round(entry.rowsPerSecond).toLocaleString("en")} rows/s)`,
    );
    return count;
  };

  try {
    log(`generating scale data (seed ${seed}) by ${client ? "COPY" : "batched INSERT"}`);
    const units = generateCountry(seed, options.units ?? 10_000);
    await load("units", unitColumns, unitRows(units));

    const facts: ModelFacts = {
      count: modelCount,
      ownerIndex: new Uint32Array(modelCount),
      startDay: new Uint16Array(modelCount),
      field: new Uint8Array(modelCount),
    };
    await load("models", modelColumns, modelRows(seed, units, facts));
    const indicatorValues = await load(
      "indicator_values",
      indicatorValueColumns,
      indicatorValueRows(seed, facts, perModel),
    );
    const replications = await load(
      "replications",
      replicationColumns,
      replicationRows(seed, facts, options.replicationShare ?? 0.03),
    );
    const goldenBookEntries = await load(
      "golden_book_entries",
      goldenBookColumns,
      goldenBookRows(seed, units, options.goldenBookPerUnit ?? 5),
    );

    const ids = roundIds(seed);
    const organizer = units[0];
    if (!organizer) throw new Error("generateScaleData: no units generated");
    await load("criteria_sets", ["id", "code", "name"], [[ids.criteriaSetId, "SCALE", "Bộ tiêu chí (dữ liệu quy mô)"]]);
    await load(
      "criteria_set_versions",
      ["id", "criteria_set_id", "version_number", "status", "definition", "content_hash", "published_at"],
      [[ids.versionId, ids.criteriaSetId, 1, "published", "{}", "scale", "2025-01-01T00:00:00Z"]],
    );
    await load(
      "rounds",
      [
        "id",
        "code",
        "name",
        "criteria_version_id",
        "organizer_unit_id",
        "status",
        "period",
        "reference_date",
        "finalized_at",
        "published_at",
      ],
      [
        [
          ids.roundId,
          "SCALE-2025",
          "Đợt bình xét 2025 (dữ liệu quy mô)",
          ids.versionId,
          organizer.id,
          // Loaded as a council sitting: the database locks a published round's children.
          "council",
          "2025",
          "2025-12-31",
          "2025-12-20T00:00:00Z",
          "2025-12-31T00:00:00Z",
        ],
      ],
    );
    const results = roundResultRows(seed, facts, options.roundResults ?? 10_000);
    await load(
      "round_models",
      ["round_id", "model_id"],
      results.map((r) => [r[0] as string, r[1] as string]),
    );
    const roundResults = await load("round_results", roundResultColumns, results);
    await db.updateTable("rounds").set({ status: "published" }).where("id", "=", ids.roundId).execute();

    let indexSeconds = 0;
    if (client && dropped.length > 0) {
      const t0 = performance.now();
      const rebuilt = dropped.length;
      await recreateIndexes(client, dropped);
      dropped.length = 0;
      indexSeconds = (performance.now() - t0) / 1000;
      log(`  rebuilt ${rebuilt} secondary indexes in ${indexSeconds.toFixed(1)} s`);
    }
    const rollupsStarted = performance.now();
    await rebuildRollups(db);
    const rollupSeconds = (performance.now() - rollupsStarted) / 1000;
    log(`  rebuilt the report rollups in ${rollupSeconds.toFixed(1)} s`);
    const totalSeconds = (performance.now() - started) / 1000;
    log(`loaded in ${totalSeconds.toFixed(1)} s`);
    return {
      method: client ? "copy" : "insert",
      units: units.length,
      models: modelCount,
      indicatorValues,
      replications,
      goldenBookEntries,
      roundResults,
      roundId: ids.roundId,
      tables,
      indexSeconds,
      rollupSeconds,
      totalSeconds,
    };
  } finally {
    // On failure, put back whatever was dropped so the schema stays the migrations' one.
    if (client && dropped.length > 0) await recreateIndexes(client, dropped).catch(() => {});
    await client?.end();
  }
}

interface DroppedIndex {
  readonly name: string;
  readonly definition: string;
}

/**
 * Drops the indexes of the bulk tables that back no constraint (primary keys,
 * unique constraints stay: COPY must still reject duplicates), remembering their
 * exact definitions. Only while those tables are empty.
 */
async function dropSecondaryIndexes(client: pg.Client): Promise<DroppedIndex[]> {
  const { rows: nonEmpty } = await client.query<{ n: number }>(
    `select (select count(*) from (select 1 from models limit 1) m) + (select count(*) from (select 1 from indicator_values limit 1) v) as n`,
  );
  if (Number(nonEmpty[0]?.n) > 0) return [];
  const { rows } = await client.query<DroppedIndex>(
    `select i.relname as name, pg_get_indexdef(i.oid) as definition
     from pg_index x
     join pg_class i on i.oid = x.indexrelid
     join pg_class t on t.oid = x.indrelid
     join pg_namespace n on n.oid = t.relnamespace
     where n.nspname = current_schema() and t.relname = any($1)
       and not exists (select 1 from pg_constraint c where c.conindid = i.oid)
     order by i.relname`,
    [bulkTables],
  );
  for (const index of rows) await client.query(`DROP INDEX ${pg.escapeIdentifier(index.name)}`);
  return rows;
}

async function recreateIndexes(client: pg.Client, indexes: readonly DroppedIndex[]): Promise<void> {
  for (const index of indexes) await client.query(index.definition);
}
