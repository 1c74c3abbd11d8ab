import { stringify } from "csv-stringify/sync";
import { type Kysely, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import {
  countModels,
  type Database,
  importSpreadsheet,
  indicatorTotals,
  type ModelCountDimension,
  moveUnit,
  type ReportFilter,
  rebuildRollups,
  recordIndicatorValues,
  replicationSpread,
} from "../src/index.js";
import { countModelsFromRaw } from "../src/reports/count-models-from-raw.js";
import { indicatorTotalsFromRaw } from "../src/reports/indicator-totals-from-raw.js";
import { replicationSpreadFromRaw } from "../src/reports/replication-spread-from-raw.js";
import { seededRandom } from "../src/seed/seeded-random.js";
import { createDemoTestDatabase, type TestDatabase, testEngines } from "../src/testing/index.js";

// The oracle: the report queries as they were before the rollups, reading the raw rows.

const rollupTables = [
  "indicator_rollups",
  "indicator_rollups_country",
  "model_count_rollups",
  "model_count_rollups_country",
  "replication_spread_rollups",
] as const;

/**
 * Every row of every rollup table, in a stable order. Through JSON, so a sum kept by
 * deltas (669.0, after a 0.5 came and went) equals the same sum recomputed (669).
 */
async function rollupRows(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of rollupTables) {
    const { rows } = await sql<{ row: string }>`select to_jsonb(t)::text as row from ${sql.table(table)} t`.execute(db);
    out[table] = rows.map((r) => JSON.stringify(JSON.parse(r.row))).sort();
  }
  return out;
}

interface Scopes {
  readonly root: string;
  readonly inner: readonly string[];
}

async function scopes(db: Kysely<Database>): Promise<Scopes> {
  const units = await db.selectFrom("units").select(["id", "parent_id", "path"]).orderBy("path").execute();
  const root = units.find((u) => u.parent_id === null)?.id as string;
  // Units with children, so child-unit groupings have something to split.
  const parents = new Set(units.map((u) => u.parent_id));
  return { root, inner: units.filter((u) => parents.has(u.id) && u.id !== root).map((u) => u.id) };
}

/** Every report, through the rollups and through the raw rows, for a spread of filters. */
async function expectReportsEqualRaw(db: Kysely<Database>): Promise<void> {
  const { root, inner } = await scopes(db);
  const fields = (await db.selectFrom("fields").select("code").orderBy("code").execute()).map((f) => f.code);
  const years: ReportFilter[] = [{}, { fromYear: 2019, toYear: 2021 }, { fromYear: 2020 }, { toYear: 2019 }];
  const units = [undefined, root, ...inner.slice(0, 1)];
  const filters: ReportFilter[] = [];
  for (const withinUnitId of units) {
    for (const y of years) filters.push({ ...y, withinUnitId });
    filters.push({ withinUnitId, field: fields[0] }, { withinUnitId, field: "social-welfare", fromYear: 2018 });
  }
  for (const filter of filters) {
    for (const by of ["total", "year", "field", "child-unit"] as const) {
      if (by === "child-unit" && filter.withinUnitId === undefined) continue;
      const label = JSON.stringify({ filter, by });
      expect(await indicatorTotals(db, filter, { by }), label).toEqual(
        await indicatorTotalsFromRaw(db, filter, { by }),
      );
    }
    for (const dimension of ["level", "field", "unit-kind", "status", "year"] as ModelCountDimension[]) {
      const label = JSON.stringify({ filter, dimension });
      expect(await countModels(db, dimension, filter), label).toEqual(await countModelsFromRaw(db, dimension, filter));
    }
  }
  const byId = <T extends { originModelId: string }>(rows: T[]) =>
    [...rows].sort((a, b) => a.originModelId.localeCompare(b.originModelId));
  for (const withinUnitId of units) {
    const filter = { withinUnitId };
    expect(byId(await replicationSpread(db, filter))).toEqual(byId(await replicationSpreadFromRaw(db, filter)));
  }
}

/** The rollups kept by the triggers are exactly what a rebuild from scratch gives. */
async function expectRollupsEqualRebuild(db: Kysely<Database>): Promise<void> {
  const kept = await rollupRows(db);
  await rebuildRollups(db);
  expect(await rollupRows(db)).toEqual(kept);
}

/** Random writes of every kind that feeds a rollup, each in its own statement or transaction. */
async function randomWrites(db: Kysely<Database>, seed: number, steps: number): Promise<void> {
  const random = seededRandom(seed);
  const units = await db.selectFrom("units").select(["id", "code"]).execute();
  const indicators = await db.selectFrom("indicators").select(["code", "unit_code"]).execute();
  const fields = (await db.selectFrom("fields").select("code").execute()).map((f) => f.code);
  const statuses = ["draft", "submitted", "approved", "active", "archived"];
  const modelIds = async () => (await db.selectFrom("models").select("id").execute()).map((m) => m.id);
  let created = 0;

  for (let step = 0; step < steps; step++) {
    const models = await modelIds();
    const model = random.pick(models);
    const action = random.int(0, 10);
    if (action <= 2) {
      // New or corrected values, some in quarters of a year, some re-entered.
      const batch = Array.from({ length: random.int(1, 6) }, () => {
        const indicator = random.pick(indicators);
        const year = random.int(2016, 2024);
        const period = random.next() < 0.3 ? `${year}-Q${random.int(1, 4)}` : String(year);
        return { modelId: random.pick(models), indicatorCode: indicator.code, period, value: random.int(0, 400) / 4 };
      });
      const unique = new Map(batch.map((v) => [`${v.modelId}|${v.indicatorCode}|${v.period}`, v]));
      await recordIndicatorValues(
        db,
        [...unique.values()].map((v) => ({
          ...v,
          unitCode: indicators.find((i) => i.code === v.indicatorCode)?.unit_code as string,
        })),
      );
    } else if (action === 3) {
      await db
        .updateTable("indicator_values")
        .set({ value: random.int(1, 999) })
        .where("model_id", "=", model)
        .execute();
    } else if (action === 4) {
      const value = await db.selectFrom("indicator_values").select("id").orderBy("id").executeTakeFirst();
      const victims = await db.selectFrom("indicator_values").select("id").where("model_id", "=", model).execute();
      const ids = victims.filter(() => random.next() < 0.5).map((v) => v.id);
      if (ids.length > 0) await db.deleteFrom("indicator_values").where("id", "in", ids).execute();
      else if (value) await db.deleteFrom("indicator_values").where("id", "=", value.id).execute();
    } else if (action === 5) {
      // The owner, fields, status or start changes.
      await db
        .updateTable("models")
        .set({
          owner_unit_id: random.pick(units).id,
          fields: random.next() < 0.3 ? [random.pick(fields), random.pick(fields)] : [random.pick(fields)],
          status: random.pick(statuses),
          name: `Mô hình đổi tên ${step}`,
          start_date: `${random.int(2016, 2023)}-0${random.int(1, 9)}-1${random.int(0, 9)}`,
        })
        .where("id", "=", model)
        .execute();
    } else if (action === 6) {
      const unit = random.pick(units);
      const parent = random.pick(units);
      const { version } = await db
        .selectFrom("units")
        .select("version")
        .where("id", "=", unit.id)
        .executeTakeFirstOrThrow();
      await db.transaction().execute((trx) => moveUnit(trx, unit.id, parent.id, version));
    } else if (action === 7) {
      // A replication from an origin to a model that adopts nothing yet and is not above the origin.
      const origin = random.pick(models);
      const adopter = random.pick(models);
      const { rows } = await sql<{ id: string }>`
        with recursive up(id) as (select ${origin}::uuid union select r.origin_model_id from up join replications r on r.adopter_model_id = up.id)
        select id from up`.execute(db);
      const taken = await db
        .selectFrom("replications")
        .select("adopter_model_id")
        .where("adopter_model_id", "=", adopter)
        .executeTakeFirst();
      if (!taken && !rows.some((r) => r.id === adopter)) {
        await db
          .insertInto("replications")
          .values({
            adopter_model_id: adopter,
            origin_model_id: origin,
            adopted_on: `202${random.int(0, 5)}-0${random.int(1, 9)}-15`,
          })
          .execute();
      }
    } else if (action === 8) {
      const replication = await db
        .selectFrom("replications")
        .select("adopter_model_id")
        .where("adopter_model_id", "=", model)
        .executeTakeFirst();
      if (replication) await db.deleteFrom("replications").where("adopter_model_id", "=", model).execute();
      else
        await db
          .updateTable("replications")
          .set({ adopted_on: `2024-0${random.int(1, 9)}-01` })
          .where("origin_model_id", "=", model)
          .execute();
    } else if (action === 9) {
      // A model comes with values, and another goes with its values (cascade).
      created++;
      const owner = random.pick(units).id;
      const { id } = await db
        .insertInto("models")
        .values({
          code: `RU-${seed}-${created}`,
          name: `Mô hình thử ${created}`,
          owner_unit_id: owner,
          kind: "collective",
          fields: [random.pick(fields)],
          start_date: "2021-03-01",
          status: "active",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const indicator = random.pick(indicators);
      await recordIndicatorValues(db, [
        { modelId: id, indicatorCode: indicator.code, period: "2021", value: 7, unitCode: indicator.unit_code },
      ]);
      const doomed = await db
        .selectFrom("models")
        .select("id")
        .where("code", "like", `RU-${seed}-%`)
        .where("id", "<>", id)
        .executeTakeFirst();
      if (doomed) {
        await db.deleteFrom("replications").where("origin_model_id", "=", doomed.id).execute();
        await db.deleteFrom("models").where("id", "=", doomed.id).execute();
      }
    } else {
      await importModels(db, seed * 1000 + step, random.pick(units).code);
    }
  }
}

/** A models spreadsheet of a few models in one unit, with values over two years (some upserted again). */
async function importModels(db: Kysely<Database>, seed: number, unitCode: string): Promise<void> {
  const header = ["Mã mô hình", "Tên mô hình", "Mã đơn vị", "Lĩnh vực", "Ngày bắt đầu", "Chỉ tiêu", "Kỳ", "Giá trị"];
  const rows: string[][] = [];
  for (let m = 0; m < 3; m++) {
    for (const [indicator, period, value] of [
      ["money-raised", "2019", String(seed + m)],
      ["money-raised", "2021", "1000"],
      ["complaints-received", "2020", String(10 + m)],
      ["complaints-resolved", "2020", String(50 + m)],
    ] as const) {
      rows.push([
        `IM-${seed % 7}-${m}`,
        `Mô hình nhập ${m}`,
        unitCode,
        m === 0 ? "economy; social-welfare" : "health",
        "01/02/2019",
        indicator,
        period,
        value,
      ]);
    }
  }
  const body = stringify([header, ...rows], { record_delimiter: "\r\n" });
  const report = await importSpreadsheet(db, "models", new TextEncoder().encode(`\uFEFF${body}`));
  expect(report.problems).toEqual([]);
}

// Each case runs a few hundred report queries twice over: slow on a loaded machine, not stuck.
describe.each(testEngines())("reports from rollups on %s", { timeout: 180_000 }, (engine) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it("reads the same reports from the migrated demo data as from its raw rows", async () => {
    database = await createDemoTestDatabase(engine);
    await expectReportsEqualRaw(database.db);
  });

  it("keeps every rollup row equal to a rebuild from the raw rows through random writes, moves and imports", async () => {
    database = await createDemoTestDatabase(engine);
    await randomWrites(database.db, 11, 80);
    await expectRollupsEqualRebuild(database.db);
  });

  it("answers every report as the raw rows do after random writes, moves and imports", async () => {
    database = await createDemoTestDatabase(engine);
    await randomWrites(database.db, 23, 80);
    await expectReportsEqualRaw(database.db);
  });

  it.runIf(engine === "postgres")(
    "lets a second transaction writing values of the same unit wait for the first, so neither loses figures",
    async () => {
      database = await createDemoTestDatabase(engine);
      const db = database.db;
      const [first, second] = await db
        .selectFrom("models")
        .select(["id", "owner_unit_id"])
        .where("owner_unit_id", "=", (eb) =>
          eb
            .selectFrom("models")
            .select("owner_unit_id")
            .groupBy("owner_unit_id")
            .having(sql`count(*)`, ">", 1)
            .limit(1),
        )
        .limit(2)
        .execute();
      const value = (modelId: string) => ({
        modelId,
        indicatorCode: "money-raised",
        period: "2030",
        value: 1_000_000,
        unitCode: "vnd",
      });
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let wrote = () => {};
      const firstWrote = new Promise<void>((resolve) => {
        wrote = resolve;
      });
      const one = db.transaction().execute(async (trx) => {
        await recordIndicatorValues(trx, [value(first?.id as string)]);
        wrote();
        await held;
      });
      await firstWrote;
      const two = db.transaction().execute((trx) => recordIndicatorValues(trx, [value(second?.id as string)]));
      // The second is inside its trigger, waiting for the first's lock, before the first commits.
      await expect
        .poll(async () => {
          const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
          return rows[0]?.n;
        })
        .toBe(1);
      release();
      await Promise.all([one, two]);
      const [year] = await indicatorTotals(db, { fromYear: 2030 }, { by: "total" });
      expect(year).toMatchObject({ indicatorCode: "money-raised", value: 2_000_000, models: 2 });
      await expectRollupsEqualRebuild(db);
    },
  );

  it("leaves the rollups alone while a session pauses them, and a rebuild catches up", async () => {
    database = await createDemoTestDatabase(engine);
    const before = await rollupRows(database.db);
    await database.db.transaction().execute(async (trx) => {
      await sql`set local lantoa.rollups_paused = 'on'`.execute(trx);
      await trx.updateTable("indicator_values").set({ value: 1 }).execute();
    });
    expect(await rollupRows(database.db)).toEqual(before);
    await rebuildRollups(database.db);
    await expectReportsEqualRaw(database.db);
  });
});
