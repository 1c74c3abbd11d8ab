import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countUnits, listUnits, moveUnit, seedDemoData, thanhLiemUnits } from "../src/index.js";
import { createDemoTestDatabase, type TestDatabase, testEngines } from "../src/testing/index.js";

describe.each(testEngines())("units on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createDemoTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("seeds the demo tree once", async () => {
    expect(await countUnits(database.db, {})).toBe(thanhLiemUnits.length);
    expect(await seedDemoData(database.db)).toEqual({ seeded: false, units: 0, models: 0 });
    expect(await countUnits(database.db, {})).toBe(thanhLiemUnits.length);
  });

  it("lists a subtree by materialized path", async () => {
    const [thanhLiem] = await listUnits(database.db, { search: "Huyện ủy Thanh Liêm" }, { limit: 5 });
    expect(thanhLiem?.code).toBe("TL");
    const expected = thanhLiemUnits.filter((u) => u.code === "TL" || u.code.startsWith("TL-")).length;
    expect(await countUnits(database.db, { withinUnitId: thanhLiem?.id })).toBe(expected);
  });

  it("finds units without diacritics", async () => {
    const rows = await listUnits(database.db, { search: "dang uy xa liem son" }, { limit: 10 });
    expect(rows.map((r) => r.name)).toEqual(["Đảng ủy xã Liêm Sơn"]);
    const police = await countUnits(database.db, { search: "CONG AN" });
    expect(police).toBe(thanhLiemUnits.filter((u) => u.name.includes("Công an")).length);
  });

  it("pages forwards and backwards with keyset cursors and never repeats a row", async () => {
    const all = await listUnits(database.db, {}, { limit: 1000 });
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await listUnits(database.db, {}, { afterPath: after, limit: 7 });
      if (page.length === 0) break;
      seen.push(...page.map((r) => r.id));
      after = page.at(-1)?.path;
    }
    expect(seen).toEqual(all.map((r) => r.id));
    // Read backwards, the rows nearest the end come first (the Relay helper reverses them).
    const lastThree = await listUnits(database.db, {}, { limit: 3, inverted: true });
    expect(lastThree.map((r) => r.id)).toEqual(
      all
        .slice(-3)
        .reverse()
        .map((r) => r.id),
    );
  });

  it("keeps a unit from being its own parent", async () => {
    const [root] = await listUnits(database.db, {}, { limit: 1 });
    await expect(
      database.db
        .updateTable("units")
        .set({ parent_id: root?.id })
        .where("id", "=", root?.id ?? "")
        .execute(),
    ).rejects.toThrow(/units_not_own_parent/);
  });
});

describe.each(testEngines())("moving units on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createDemoTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("moves a whole subtree, rewriting paths, and refuses a cycle and a stale version", async () => {
    const byCode = async (code: string) =>
      database.db.selectFrom("units").selectAll().where("code", "=", code).executeTakeFirstOrThrow();
    const commune = await byCode("TL-THANHHA");
    const newParent = await byCode("HN");
    const subtreeBefore = await countUnits(database.db, { withinUnitId: commune.id });
    const moved = await database.db
      .transaction()
      .execute((trx) => moveUnit(trx, commune.id, newParent.id, commune.version));
    expect(moved).toEqual({ ok: true, value: { version: commune.version + 1 } });
    expect(await countUnits(database.db, { withinUnitId: commune.id })).toBe(subtreeBefore);
    const child = await byCode("TL-THANHHA-UBND");
    expect(child.path).toBe(`${newParent.path}${commune.id}/${child.id}/`);
    const thanhLiem = await byCode("TL");
    expect(
      (await listUnits(database.db, { withinUnitId: thanhLiem.id }, { limit: 500 })).some(
        (u) => u.code === "TL-THANHHA" || u.code.startsWith("TL-THANHHA-"),
      ),
    ).toBe(false);

    const cycle = await database.db
      .transaction()
      .execute((trx) => moveUnit(trx, commune.id, child.id, commune.version + 1));
    expect(cycle.ok ? null : cycle.error.code).toBe("ORG.CYCLE");
    const stale = await database.db
      .transaction()
      .execute((trx) => moveUnit(trx, commune.id, thanhLiem.id, commune.version));
    expect(stale.ok ? null : stale.error.code).toBe("DB.STALE_VERSION");
    expect((await byCode("TL-THANHHA-UBND")).path).toBe(child.path);
  });
});
