import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUnit, seedConfiguration } from "../src/index.js";
import { createTestDatabase, type TestDatabase, testEngines } from "../src/testing/index.js";

describe.each(testEngines())("the golden book's natural key on %s", (engine) => {
  let database: TestDatabase;
  let unitId: string;
  const entry = (subjectName: string, deed: string, deedDate = "2024-05-01") => ({
    unit_id: unitId,
    subject_kind: "person" as const,
    subject_name: subjectName,
    deed,
    deed_date: deedDate,
    nominated_by: "Chi bộ thôn 1",
    status: "nominated" as const,
  });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedConfiguration(database.db);
    unitId = (
      await insertUnit(database.db, {
        code: "XA-1",
        name: "Xã Một",
        parentId: null,
        level: "commune",
        kind: "party-committee",
      })
    ).id;
    await database.db
      .insertInto("golden_book_entries")
      .values(entry("Nguyễn Văn An", "Hiến 200 m² đất làm đường"))
      .execute();
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it("refuses the same entry again, spelled with other case and spacing", async () => {
    const twin = database.db
      .insertInto("golden_book_entries")
      .values(entry("  nguyễn  văn AN ", "hiến 200 m²   đất làm ĐƯỜNG"))
      .execute();
    await expect(twin).rejects.toThrow(/golden_book_natural_key/);
  });

  it("refuses a twin whose name is in decomposed Unicode (as some keyboards type it)", async () => {
    const decomposed = "Nguyễn Văn An".normalize("NFD");
    expect(decomposed).not.toBe("Nguyễn Văn An");
    const twin = database.db
      .insertInto("golden_book_entries")
      .values(entry(decomposed, "Hiến 200 m² đất làm đường"))
      .execute();
    await expect(twin).rejects.toThrow(/golden_book_natural_key/);
  });

  it("accepts another deed, another date or another person", async () => {
    await database.db
      .insertInto("golden_book_entries")
      .values([
        entry("Nguyễn Văn An", "Hiến 300 m² đất làm đường"),
        entry("Nguyễn Văn An", "Hiến 200 m² đất làm đường", "2024-06-01"),
        entry("Nguyễn Văn Ân", "Hiến 200 m² đất làm đường"),
      ])
      .execute();
    const count = await database.db
      .selectFrom("golden_book_entries")
      .select(database.db.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(4);
  });
});
