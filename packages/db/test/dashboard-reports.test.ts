import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ROUND_CODE, indicatorTotals, listPublishedRounds } from "../src/index.js";
import { createDemoTestDatabase, type TestDatabase, testEngines } from "../src/testing/index.js";

describe.each(testEngines())("the dashboard's reports on %s", (engine) => {
  let database: TestDatabase;
  let thanhLiem: string;

  beforeAll(async () => {
    database = await createDemoTestDatabase(engine);
    thanhLiem = (await database.db.selectFrom("units").select("id").where("code", "=", "TL").executeTakeFirstOrThrow())
      .id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it("rolls money up by the models' field, so charity money stands apart from the rest", async () => {
    const byField = await indicatorTotals(database.db, { withinUnitId: thanhLiem }, { by: "field" });
    const money = (field: string) =>
      byField.find((r) => r.indicatorCode === "money-raised" && r.groupKey === field)?.value ?? 0;
    // Computed on its own: the charity total of the article, filtered by field.
    const [charity] = (
      await indicatorTotals(database.db, { withinUnitId: thanhLiem, field: "social-welfare" }, { by: "total" })
    ).filter((r) => r.indicatorCode === "money-raised");
    expect(money("social-welfare")).toBe(charity?.value);
    expect(money("social-welfare")).toBeGreaterThan(2_100_000_000);
    expect(money("defence-security")).toBeGreaterThan(0);
  });

  it("counts a model of two fields under each of them", async () => {
    const byField = await indicatorTotals(database.db, { withinUnitId: thanhLiem }, { by: "field" });
    const [total] = (await indicatorTotals(database.db, { withinUnitId: thanhLiem }, { by: "total" })).filter(
      (r) => r.indicatorCode === "road-length",
    );
    const roadByField = byField.filter((r) => r.indicatorCode === "road-length");
    const summed = roadByField.reduce((sum, r) => sum + (r.value ?? 0), 0);
    expect(roadByField.length).toBeGreaterThan(1);
    expect(summed).toBeGreaterThan(total?.value ?? 0);
  });

  it("lists published rounds with their organizer and how many models they ranked", async () => {
    const rounds = await listPublishedRounds(database.db);
    const demo = rounds.find((r) => r.code === DEMO_ROUND_CODE);
    const ranked = await database.db
      .selectFrom("round_results as rr")
      .innerJoin("rounds as r", "r.id", "rr.round_id")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("r.code", "=", DEMO_ROUND_CODE)
      .executeTakeFirstOrThrow();
    expect(demo?.result_count).toBe(Number(ranked.n));
    expect(demo?.result_count).toBeGreaterThan(0);
    expect(demo?.organizer_name).toBeTruthy();
    expect(rounds.every((r) => r.status === "published")).toBe(true);
  });
});
