import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateScaleData, type ScaleDataSummary } from "../src/index.js";
import { createTestDatabase, TEST_DATABASE_URL_VAR, type TestDatabase, testEngines } from "../src/testing/index.js";

const options = { units: 200, models: 2000, seed: 7 };

/** The COPY path needs a URL of the test's own database; PGlite takes INSERTs. */
function copyUrlOf(database: TestDatabase): string | undefined {
  const admin = process.env[TEST_DATABASE_URL_VAR];
  if (database.engine !== "postgres" || !admin) return undefined;
  const url = new URL(admin);
  url.pathname = `/${database.name}`;
  return url.toString();
}

async function count(database: TestDatabase, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(database.db);
  return rows[0]?.n ?? -1;
}

/** A digest of what the seed decides: codes, ids, owners, dates and values. */
async function fingerprint(database: TestDatabase): Promise<string> {
  const { rows } = await sql<{ digest: string }>`select md5(
      (select string_agg(concat_ws(':', u.id, u.code, u.path), ',' order by u.code) from units u) ||
      (select string_agg(concat_ws(':', m.id, m.code, m.owner_unit_id, m.start_date, m.status, m.name), ',' order by m.code) from models m) ||
      (select sum(v.value)::text from indicator_values v) ||
      (select string_agg(concat_ws(':', r.adopter_model_id, r.origin_model_id, r.adopted_on), ',' order by r.adopter_model_id) from replications r)
    ) as digest`.execute(database.db);
  return rows[0]?.digest ?? "";
}

describe.each(testEngines())("scale data on %s", (engine) => {
  let first: TestDatabase;
  let second: TestDatabase;
  let summary: ScaleDataSummary;
  beforeAll(async () => {
    first = await createTestDatabase(engine);
    second = await createTestDatabase(engine);
    summary = await generateScaleData(first.db, { ...options, copyUrl: copyUrlOf(first) });
  }, 180_000);
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it("loads by COPY on PostgreSQL and by INSERT on PGlite", () => {
    expect(summary.method).toBe(engine === "postgres" ? "copy" : "insert");
  });

  it("loads the counts it promised", async () => {
    expect(summary.units).toBeGreaterThanOrEqual(options.units);
    expect(await count(first, "units")).toBe(summary.units);
    expect(await count(first, "models")).toBe(options.models);
    expect(summary.indicatorValues).toBe(options.models * 5);
    expect(await count(first, "indicator_values")).toBe(options.models * 5);
    expect(await count(first, "replications")).toBe(summary.replications);
    expect(summary.replications).toBeGreaterThan(options.models * 0.01);
    expect(summary.replications).toBeLessThan(options.models * 0.06);
    expect(await count(first, "golden_book_entries")).toBe(summary.units * 5);
    expect(await count(first, "round_results")).toBe(options.models);
    const perTable = Object.fromEntries(summary.tables.map((t) => [t.table, t.rows]));
    expect(perTable).toMatchObject({
      units: summary.units,
      models: options.models,
      indicator_values: options.models * 5,
    });
  });

  it("gives every model an existing owner, five distinct indicators and the generated mark", async () => {
    const { rows } = await sql<{ orphans: number; notGenerated: number; uneven: number }>`select
        (select count(*)::int from models m where not exists (select 1 from units u where u.id = m.owner_unit_id)) as orphans,
        (select count(*)::int from models where not generated) as "notGenerated",
        (select count(*)::int from (select model_id from indicator_values group by model_id
           having count(*) <> 5 or count(distinct indicator_code) <> 5) x) as uneven`.execute(first.db);
    expect(rows[0]).toEqual({ orphans: 0, notGenerated: 0, uneven: 0 });
  });

  it("builds a consistent tree: every path is the parent's path plus the unit's id", async () => {
    const { rows } = await sql<{ bad: number; roots: number }>`select
        (select count(*)::int from units c left join units p on p.id = c.parent_id
          where c.path <> coalesce(p.path, '') || c.id || '/') as bad,
        (select count(*)::int from units where parent_id is null) as roots`.execute(first.db);
    expect(rows[0]?.bad).toBe(0);
    expect(rows[0]?.roots).toBeGreaterThan(0);
  });

  it("ranks the round's results 1..n with tiers on the 90/70/50 bands", async () => {
    const { rows } = await sql<{ ranks: number; max: number; badTier: number }>`select
        count(distinct rank)::int as ranks, max(rank)::int as max,
        count(*) filter (where (total_milli >= 90000) <> (tier = 'excellent'))::int as "badTier"
      from round_results`.execute(first.db);
    expect(rows[0]).toEqual({ ranks: options.models, max: options.models, badTier: 0 });
  });

  it("is deterministic: the same seed gives the same rows", async () => {
    const again = await generateScaleData(second.db, { ...options, copyUrl: copyUrlOf(second) });
    expect({ ...again, tables: [], totalSeconds: 0, indexSeconds: 0, rollupSeconds: 0 }).toEqual({
      ...summary,
      tables: [],
      totalSeconds: 0,
      indexSeconds: 0,
      rollupSeconds: 0,
    });
    expect(await fingerprint(second)).toBe(await fingerprint(first));
  }, 180_000);

  it("refuses a database that already has units", async () => {
    await expect(generateScaleData(first.db, options)).rejects.toThrow(/without units/);
  });
});
