import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToEmpty, migrateToLatest, migrations } from "../src/index.js";
import { createTestDatabase, type TestDatabase, testEngines } from "../src/testing/index.js";

async function userTables(database: TestDatabase): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_name not like 'kysely_%' order by table_name`.execute(database.db);
  return rows.map((r) => r.name);
}

describe.each(testEngines())("migrations on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("go down to an empty schema and up again to the same tables", async () => {
    const tablesAfterUp = await userTables(database);
    expect(tablesAfterUp).toContain("units");

    const reverted = await migrateToEmpty(database.db);
    expect(reverted.sort()).toEqual(Object.keys(migrations).sort());
    expect(await userTables(database)).toEqual([]);

    const applied = await migrateToLatest(database.db);
    expect(applied).toEqual(Object.keys(migrations));
    expect(await userTables(database)).toEqual(tablesAfterUp);
  });

  it("are a no-op when already at the latest", async () => {
    expect(await migrateToLatest(database.db)).toEqual([]);
  });
});
