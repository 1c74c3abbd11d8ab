import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  countModels,
  DEMO_OPEN_ROUND_CODE,
  DEMO_ROUND_CODE,
  goldenBookCounts,
  indicatorTotals,
  replicationSpread,
  searchGoldenBook,
  searchModels,
  searchUnits,
  seedDemoData,
  thanhLiemModels,
} from "../src/index.js";
import { createTestDatabase, type TestDatabase, testEngines } from "../src/testing/index.js";

describe.each(testEngines())("demo data, search and reports on %s", (engine) => {
  let database: TestDatabase;
  let ids: { thanhLiem: string; haNam: string };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const result = await seedDemoData(database.db);
    expect(result.seeded).toBe(true);
    const units = await database.db
      .selectFrom("units")
      .select(["id", "code"])
      .where("code", "in", ["TL", "HN"])
      .execute();
    ids = {
      thanhLiem: units.find((u) => u.code === "TL")!.id,
      haNam: units.find((u) => u.code === "HN")!.id,
    };
  });
  afterAll(async () => {
    await database?.close();
  });

  it("counts the article's 698 models for 2017-2022", async () => {
    const byYear = await countModels(database.db, "year", {
      withinUnitId: ids.thanhLiem,
      fromYear: 2017,
      toYear: 2022,
    });
    expect(byYear.map((r) => r.key)).toEqual(["2017", "2018", "2019", "2020", "2021", "2022"]);
    expect(byYear.reduce((sum, r) => sum + r.count, 0)).toBe(698);
    const inThanhLiem = await countModels(database.db, "status", {
      withinUnitId: ids.thanhLiem,
      fromYear: 2017,
      toYear: 2022,
    });
    expect(inThanhLiem.reduce((sum, r) => sum + r.count, 0)).toBe(698);
  });

  it("totals the charity models as the article does: 3,450 kg rice, over 2.1 billion VND, 25 cows, over 1,500 people", async () => {
    const totals = await indicatorTotals(
      database.db,
      { withinUnitId: ids.thanhLiem, field: "social-welfare" },
      { by: "total" },
    );
    const value = (code: string) => totals.find((t) => t.indicatorCode === code)?.value;
    expect(value("rice-donated")).toBe(3450);
    expect(value("money-raised")).toBeGreaterThan(2_100_000_000);
    expect(value("money-raised")).toBeLessThan(2_200_000_000);
    expect(value("cattle-donated")).toBe(25);
    expect(value("people-helped")).toBeGreaterThan(1500);
  });

  it("finds models, units and golden-book entries without diacritics and despite a typo", async () => {
    const [first] = await searchModels(database.db, "duong hoa");
    expect(first?.title).toBe("Đường hoa quân sự");
    const typo = await searchModels(database.db, "duong hao quan su");
    expect(typo.map((h) => h.title)).toContain("Đường hoa quân sự");
    const rice = await searchModels(database.db, "HU GAO");
    expect(rice[0]?.title).toBe("Hũ gạo tiết kiệm");
    expect(rice[0]!.score).toBeGreaterThan(0.9);
    const scoped = await searchModels(database.db, "duong hoa", { withinUnitId: ids.thanhLiem });
    expect(scoped.map((h) => h.title)).toContain("Đường hoa quân sự");
    expect(scoped.some((h) => h.title.startsWith("Đường hoa quân sự ("))).toBe(false);
    expect((await searchUnits(database.db, "liem son"))[0]?.title).toBe("Đảng ủy xã Liêm Sơn");
    expect((await searchGoldenBook(database.db, "bo vang sinh san")).length).toBeGreaterThan(0);
    expect(await searchModels(database.db, "   ")).toEqual([]);
  });

  it("counts models by every dimension consistently with the rows themselves", async () => {
    const rows = await database.db
      .selectFrom("models as m")
      .innerJoin("units as u", "u.id", "m.owner_unit_id")
      .select(["m.fields", "m.status", "m.start_date", "u.level", "u.kind"])
      .execute();
    const tally = (keys: string[]) => {
      const counts = new Map<string, number>();
      for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
      return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => (a.key < b.key ? -1 : 1));
    };
    expect(await countModels(database.db, "level")).toEqual(tally(rows.map((r) => r.level)));
    expect(await countModels(database.db, "unit-kind")).toEqual(tally(rows.map((r) => r.kind)));
    expect(await countModels(database.db, "status")).toEqual(tally(rows.map((r) => r.status)));
    expect(await countModels(database.db, "field")).toEqual(tally(rows.flatMap((r) => r.fields)));
    expect(await countModels(database.db, "year")).toEqual(tally(rows.map((r) => r.start_date.slice(0, 4))));
  });

  it("rolls indicator totals up the tree: children add up to the parent, and a percent is averaged, never summed", async () => {
    const total = await indicatorTotals(database.db, { withinUnitId: ids.thanhLiem }, { by: "total" });
    const byChild = await indicatorTotals(database.db, { withinUnitId: ids.thanhLiem }, { by: "child-unit" });
    const byYear = await indicatorTotals(database.db, { withinUnitId: ids.thanhLiem }, { by: "year" });
    for (const row of total.filter((t) => t.aggregation === "sum")) {
      const children = byChild
        .filter((c) => c.indicatorCode === row.indicatorCode)
        .reduce((s, c) => s + (c.value ?? 0), 0);
      const years = byYear.filter((c) => c.indicatorCode === row.indicatorCode).reduce((s, c) => s + (c.value ?? 0), 0);
      expect(children, row.indicatorCode).toBeCloseTo(row.value ?? 0, 6);
      expect(years, row.indicatorCode).toBeCloseTo(row.value ?? 0, 6);
    }
    // Independent sum over the raw rows for one indicator.
    const raw = await database.db
      .selectFrom("indicator_values")
      .select("value")
      .where("indicator_code", "=", "households-participating")
      .execute();
    const households = total.find((t) => t.indicatorCode === "households-participating");
    expect(households?.value).toBe(raw.reduce((s, r) => s + Number(r.value), 0));
    const resolved = total.find((t) => t.indicatorCode === "complaints-resolved");
    expect(resolved).toMatchObject({ aggregation: "weighted-average", value: 95 });
    const satisfaction = total.find((t) => t.indicatorCode === "satisfaction");
    expect(satisfaction).toMatchObject({ aggregation: "none", value: null });
  });

  it("reports the flower road's spread to the five other districts", async () => {
    const spread = await replicationSpread(database.db, { withinUnitId: ids.haNam });
    const flowerRoad = spread.find((s) => s.originName === "Đường hoa quân sự");
    expect(flowerRoad).toMatchObject({
      directAdopters: 5,
      allAdopters: 5,
      depth: 1,
      adoptingUnits: 5,
      levelsReached: ["district"],
    });
    // Seven military commands in the province; the owner does not count as eligible.
    expect(flowerRoad?.eligibleUnits).toBe(6);
    expect(flowerRoad?.coverage).toBeCloseTo(5 / 6, 6);
    expect(flowerRoad?.firstAdoptionDays).toBeGreaterThan(0);
    const adopters = thanhLiemModels.filter((m) => m.replicates?.originCode === "TL-2021-DUONGHOA");
    expect(adopters).toHaveLength(5);
  });

  it("counts golden-book entries by year and field, matching the rows", async () => {
    const byYear = await goldenBookCounts(database.db, "year", { withinUnitId: ids.thanhLiem });
    const entries = await database.db.selectFrom("golden_book_entries").select("deed_date").execute();
    expect(byYear.reduce((s, r) => s + r.count, 0)).toBe(entries.length);
    expect(byYear.map((r) => r.key)).toEqual(["2018", "2019", "2020", "2021", "2022"]);
  });

  it("refuses to change or delete the audit log", async () => {
    await database.db.insertInto("audit_log").values({ action: "test", entity: "unit", entity_id: "x" }).execute();
    await expect(
      database.db
        .updateTable("audit_log")
        .set({ action: "changed" } as never)
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(database.db.deleteFrom("audit_log").execute()).rejects.toThrow(/append-only/);
  });
});

describe.each(testEngines())("the demo's finished 2022 round on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDemoData(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("is published under the published default criteria set, with one result per model and a matching hash", async () => {
    const round = await database.db
      .selectFrom("rounds as r")
      .innerJoin("criteria_set_versions as v", "v.id", "r.criteria_version_id")
      .select(["r.id", "r.status", "r.results_hash", "v.status as versionStatus"])
      .where("r.code", "=", DEMO_ROUND_CODE)
      .executeTakeFirstOrThrow();
    expect(round).toMatchObject({ status: "published", versionStatus: "published" });
    const members = await database.db
      .selectFrom("round_models")
      .select("model_id")
      .where("round_id", "=", round.id)
      .execute();
    const results = await database.db
      .selectFrom("round_results")
      .select(["model_id", "total_milli", "max_milli", "eliminated", "tier", "rank", "breakdown", "explanation"])
      .where("round_id", "=", round.id)
      .execute();
    expect(results.map((r) => r.model_id).sort()).toEqual(members.map((m) => m.model_id).sort());
    expect(members.length).toBeGreaterThan(40);
    for (const r of results) {
      expect(r.total_milli).toBeGreaterThanOrEqual(0);
      expect(r.total_milli).toBeLessThanOrEqual(r.max_milli);
    }
    // Ranks order totals: a model never ranks behind one with a lower total.
    const qualified = results.filter((r) => !r.eliminated);
    for (const r of qualified) {
      for (const o of qualified) if (r.total_milli > o.total_milli) expect(r.rank!).toBeLessThan(o.rank!);
    }
    expect(results.filter((r) => r.eliminated).every((r) => r.rank === null)).toBe(true);
    const tiers = new Set(qualified.map((r) => r.tier));
    expect(tiers.has("good")).toBe(true);
    // The quota: at most 20% as many "excellent" as "good".
    const excellent = qualified.filter((r) => r.tier === "excellent").length;
    const good = qualified.filter((r) => r.tier === "good").length;
    expect(excellent).toBeLessThanOrEqual(Math.floor(((good + excellent) * 20) / 100));
  });

  it("never assigned a reviewer to a model of their own unit or a unit below it, and called a third reviewer on disagreement", async () => {
    const rows = await database.db
      .selectFrom("reviewer_assignments as a")
      .innerJoin("users as r", "r.id", "a.reviewer_user_id")
      .innerJoin("units as ru", "ru.id", "r.unit_id")
      .innerJoin("models as m", "m.id", "a.model_id")
      .innerJoin("units as mu", "mu.id", "m.owner_unit_id")
      .select(["ru.path as reviewerPath", "mu.path as ownerPath", "a.source"])
      .execute();
    expect(rows.length).toBeGreaterThan(80);
    expect(rows.filter((r) => r.ownerPath.startsWith(r.reviewerPath))).toEqual([]);
    expect(rows.some((r) => r.source === "disagreement")).toBe(true);
  });

  it("gives each of the article's models a report as evidence, and generated models none", async () => {
    const rows = await database.db
      .selectFrom("models as m")
      .leftJoin("evidence as e", "e.model_id", "m.id")
      .select(["m.code", "m.generated", "e.kind", "e.uri"])
      .execute();
    const article = rows.filter((r) => !r.generated);
    expect(article.map((r) => r.code).sort()).toEqual(thanhLiemModels.map((m) => m.code).sort());
    expect(article.every((r) => r.kind === "link" && r.uri?.startsWith("https://"))).toBe(true);
    expect(rows.filter((r) => r.generated && r.kind !== null)).toEqual([]);
  });

  it("holds the 2023 round open for review: eligible article models, self-assessments in, two reviewers each, none conflicted", async () => {
    const round = await database.db
      .selectFrom("rounds")
      .select(["id", "status"])
      .where("code", "=", DEMO_OPEN_ROUND_CODE)
      .executeTakeFirstOrThrow();
    expect(round.status).toBe("review");
    const members = await database.db
      .selectFrom("round_models")
      .select(["model_id", "eligible"])
      .where("round_id", "=", round.id)
      .execute();
    const eligible = members.filter((m) => m.eligible).map((m) => m.model_id);
    expect(eligible.length).toBeGreaterThanOrEqual(30);
    const self = await database.db
      .selectFrom("scorecards")
      .select("model_id")
      .where("round_id", "=", round.id)
      .where("kind", "=", "self")
      .where("status", "=", "submitted")
      .execute();
    expect(self.map((s) => s.model_id).sort()).toEqual([...eligible].sort());
    const assigned = await database.db
      .selectFrom("reviewer_assignments as a")
      .innerJoin("users as r", "r.id", "a.reviewer_user_id")
      .innerJoin("units as ru", "ru.id", "r.unit_id")
      .innerJoin("models as m", "m.id", "a.model_id")
      .innerJoin("units as mu", "mu.id", "m.owner_unit_id")
      .select(["a.model_id", "r.username", "ru.path as reviewerPath", "mu.path as ownerPath"])
      .where("a.round_id", "=", round.id)
      .execute();
    for (const id of eligible) expect(assigned.filter((a) => a.model_id === id)).toHaveLength(2);
    expect(new Set(assigned.map((a) => a.username))).toEqual(
      new Set(["giamkhao.1", "giamkhao.2", "giamkhao.3", "giamkhao.4"]),
    );
    expect(assigned.filter((a) => a.ownerPath.startsWith(a.reviewerPath))).toEqual([]);
    const reviews = await database.db
      .selectFrom("scorecards")
      .select("id")
      .where("round_id", "=", round.id)
      .where("kind", "=", "review")
      .execute();
    expect(reviews).toEqual([]);
  });

  it("commended the top tiers from the results, into the models' records", async () => {
    const commendations = await database.db
      .selectFrom("commendations as c")
      .innerJoin("round_results as r", (join) =>
        join.onRef("r.model_id", "=", "c.recipient_model_id").onRef("r.round_id", "=", "c.round_id"),
      )
      .select(["r.tier", "c.decision_number", "c.form"])
      .execute();
    expect(commendations.length).toBeGreaterThan(0);
    expect(commendations.every((c) => c.tier === "excellent" || c.tier === "good")).toBe(true);
  });
});
