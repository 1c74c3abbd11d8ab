import { randomUUID } from "node:crypto";
import { revokeCommendation } from "@lantoa/domain/register";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  contentDigest,
  findGoldenBookVerification,
  findPublicPhoto,
  listShowcaseModels,
  loadCertificates,
  loadCommendation,
  loadShowcaseModel,
  periodicReportFigures,
  publicGoldenBook,
  saveCommendation,
  showcaseFacets,
} from "../src/index.js";
import { createDemoTestDatabase, type TestDatabase, testEngines } from "../src/testing/index.js";

const ON = "2023-09-01";

describe.each(testEngines())("spreading the word: figures, showcase and certificates on %s", (engine) => {
  let database: TestDatabase;
  let unitId: (code: string) => Promise<string>;
  let modelId: (code: string) => Promise<string>;

  beforeAll(async () => {
    database = await createDemoTestDatabase(engine);
    unitId = async (code) =>
      (await database.db.selectFrom("units").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
    modelId = async (code) =>
      (await database.db.selectFrom("models").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  describe("the periodic report's figures for Thanh Liêm 2017-2022", () => {
    it("count the article's 698 models, by year, level and field consistently", async () => {
      const figures = await periodicReportFigures(database.db, await unitId("TL"), 2017, 2022);
      expect(figures?.models.total).toBe(698);
      const byLevel = figures?.models.byLevel.reduce((sum, r) => sum + r.count, 0);
      expect(byLevel).toBe(698);
      expect(figures?.models.byField.find((f) => f.key === "social-welfare")?.label.vi).toBeTruthy();
    });

    it("total the charity models' outcomes as the article does: 3,450 kg rice, over 2.1 billion đồng, 25 cows", async () => {
      const figures = await periodicReportFigures(database.db, await unitId("TL"), 2017, 2022);
      const charity = figures?.outcomesByField.find((f) => f.field.key === "social-welfare")?.outcomes ?? [];
      const value = (code: string) => charity.find((o) => o.indicatorCode === code);
      expect(value("rice-donated")).toMatchObject({ value: 3450, unitCode: "kg" });
      expect(value("cattle-donated")).toMatchObject({ value: 25 });
      expect(value("money-raised")?.value).toBeGreaterThan(2_100_000_000);
      expect(value("money-raised")?.value).toBeLessThan(2_200_000_000);
    });

    it("name the five units that adopted the flower road by the end of 2022", async () => {
      const figures = await periodicReportFigures(database.db, await unitId("TL"), 2017, 2022);
      const flowerRoad = figures?.replication.find((r) => r.originName === "Đường hoa quân sự");
      expect(flowerRoad?.directAdopters).toBe(5);
      expect(flowerRoad?.ownerName).toBe("Ban Chỉ huy Quân sự huyện Thanh Liêm");
      expect(flowerRoad?.adopters.map((a) => a.unitName)).toEqual(
        expect.arrayContaining(["Ban Chỉ huy Quân sự Phủ Lý", "Ban Chỉ huy Quân sự Bình Lục"]),
      );
    });

    it("count no adoption made after the period", async () => {
      const figures = await periodicReportFigures(database.db, await unitId("TL"), 2017, 2021);
      expect(figures?.replication.find((r) => r.originName === "Đường hoa quân sự")).toBeUndefined();
    });

    it("count the commendations decided, the verified deeds and the inspection with its finding", async () => {
      const figures = await periodicReportFigures(database.db, await unitId("TL"), 2017, 2022);
      const decided = await database.db
        .selectFrom("commendations")
        .select("id")
        .where("decision_date", "<=", "2022-12-31")
        .where("revoked_on", "is", null)
        .execute();
      expect(figures?.commendations.total).toBe(decided.length);
      const deeds = await database.db
        .selectFrom("golden_book_entries")
        .select("id")
        .where("status", "=", "verified")
        .execute();
      expect(figures?.goldenBook.total).toBe(deeds.length);
      expect(figures?.inspections).toMatchObject({
        total: 1,
        visited: 1,
        findingsBySeverity: [{ key: "minor", count: 1 }],
      });
    });

    it("are undefined for a unit that does not exist", async () => {
      expect(await periodicReportFigures(database.db, randomUUID(), 2017, 2022)).toBeUndefined();
    });
  });

  describe("the showcase", () => {
    it("finds the flower road first for “duong hoa”, without diacritics", async () => {
      const { rows, total } = await listShowcaseModels(database.db, { text: "duong hoa" }, { limit: 5, offset: 0 });
      expect(rows[0]?.code).toBe("TL-2021-DUONGHOA");
      expect(total).toBeGreaterThanOrEqual(6);
    });

    it("lists only models marked public that run or have run: no generated, private or draft model", async () => {
      const { rows, total } = await listShowcaseModels(database.db, {}, { limit: 1000, offset: 0 });
      const shown = await database.db
        .selectFrom("models")
        .select("code")
        .where("is_public", "=", true)
        .where("status", "in", ["active", "archived"])
        .execute();
      expect(total).toBe(shown.length);
      expect(rows.map((r) => r.code).sort()).toEqual(shown.map((r) => r.code).sort());
      expect(rows.some((r) => r.code.startsWith("TL-GEN-") || r.code === "TL-2017-KNTC")).toBe(false);
    });

    it("filters by field, unit subtree and start year, with the facets offering only what is shown", async () => {
      const byField = await listShowcaseModels(database.db, { field: "social-welfare" }, { limit: 100, offset: 0 });
      expect(byField.rows.every((r) => r.fields.includes("social-welfare"))).toBe(true);
      const byUnit = await listShowcaseModels(
        database.db,
        { unitId: await unitId("TL-HPN") },
        { limit: 100, offset: 0 },
      );
      expect(byUnit.rows.map((r) => r.code)).toEqual(expect.arrayContaining(["TL-2018-HUGAO", "TL-2017-HEODAT"]));
      const byYear = await listShowcaseModels(database.db, { year: 2021 }, { limit: 100, offset: 0 });
      expect(byYear.rows.every((r) => r.startDate.startsWith("2021"))).toBe(true);
      const facets = await showcaseFacets(database.db);
      expect(facets.units.reduce((sum, u) => sum + u.count, 0)).toBe(
        (await listShowcaseModels(database.db, {}, { limit: 1, offset: 0 })).total,
      );
    });

    it("tells a shown model in full: five adopters, its commendations, its outcomes", async () => {
      const model = await loadShowcaseModel(database.db, "TL-2021-DUONGHOA");
      expect(model).toMatchObject({ name: "Đường hoa quân sự", isPilot: true, adopterCount: 5 });
      expect(model?.adopters).toHaveLength(5);
      expect(model?.commendations.map((c) => c.decisionNumber)).toContain("85/QĐ-BCH");
      expect(model?.outcomes.find((o) => o.indicatorCode === "road-length")).toMatchObject({
        value: 3,
        period: "2021",
      });
    });

    it("tells nothing of a model that is not public, or not yet running", async () => {
      expect(await loadShowcaseModel(database.db, "TL-2017-KNTC")).toBeUndefined();
      expect(await loadShowcaseModel(database.db, "TL-GEN-0001")).toBeUndefined();
      await database.db
        .updateTable("models")
        .set({ status: "submitted" })
        .where("code", "=", "TL-2019-DACANH")
        .execute();
      expect(await loadShowcaseModel(database.db, "TL-2019-DACANH")).toBeUndefined();
    });

    it("serves a photo only while it and its model are public", async () => {
      const id = randomUUID();
      await database.db
        .insertInto("evidence")
        .values({
          id,
          model_id: await modelId("TL-2018-NUOIONG"),
          kind: "photo",
          title: "Đàn ong",
          storage_key: "k/1",
          mime_type: "image/png",
        })
        .execute();
      expect(await findPublicPhoto(database.db, "TL-2018-NUOIONG", id)).toBeUndefined();
      expect((await loadShowcaseModel(database.db, "TL-2018-NUOIONG"))?.photos).toEqual([]);
      await database.db.updateTable("evidence").set({ is_public: true }).where("id", "=", id).execute();
      expect(await findPublicPhoto(database.db, "TL-2018-NUOIONG", id)).toMatchObject({ storageKey: "k/1" });
      expect((await loadShowcaseModel(database.db, "TL-2018-NUOIONG"))?.photos).toEqual([{ id, title: "Đàn ong" }]);
      expect(await findPublicPhoto(database.db, "TL-2021-DUONGHOA", id)).toBeUndefined();
    });

    it("keeps the public golden book to verified entries", async () => {
      const nominated = randomUUID();
      await database.db
        .insertInto("golden_book_entries")
        .values({
          id: nominated,
          unit_id: await unitId("TL-HPN"),
          subject_kind: "person",
          subject_name: "Người được đề cử chưa xác minh",
          deed: "Việc tốt chưa được xác minh",
          deed_date: "2022-05-01",
          nominated_by: "x",
          status: "nominated",
        })
        .execute();
      const book = await publicGoldenBook(database.db, { limit: 1000, offset: 0 });
      expect(book.rows.some((r) => r.subjectName === "Người được đề cử chưa xác minh")).toBe(false);
      expect(book.years).toEqual([2022, 2021, 2020, 2019, 2018]);
      const of2022 = await publicGoldenBook(database.db, { year: 2022, limit: 1000, offset: 0 });
      expect(of2022.rows.every((r) => r.deedDate.startsWith("2022"))).toBe(true);
    });
  });

  describe("certificates", () => {
    it("say what the register says, with a verification code and the SHA-256 of the content", async () => {
      const id = (
        await database.db
          .selectFrom("commendations")
          .select("id")
          .where("decision_number", "=", "85/QĐ-BCH")
          .executeTakeFirstOrThrow()
      ).id;
      const [certificate] = await loadCertificates(database.db, { ids: [id] }, ON);
      expect(certificate?.content).toMatchObject({
        title: "BẰNG KHEN",
        issuer: "Bộ Chỉ huy Quân sự tỉnh Hà Nam",
        place: "Hà Nam",
        recipient: "Ban Chỉ huy Quân sự huyện Thanh Liêm",
        model: "Đường hoa quân sự",
      });
      expect(certificate?.content.verificationCode).toMatch(/^KT-[0-9A-F]{10}$/);
      expect(certificate?.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(certificate?.contentHash).toBe(contentDigest({ ...certificate?.content }));
      const byCode = await loadCertificates(
        database.db,
        { verificationCode: certificate?.content.verificationCode ?? "" },
        ON,
      );
      expect(byCode.map((c) => c.commendationId)).toEqual([id]);
    });

    it("of a round come all at once, the tier reached as the reason", async () => {
      const round = await database.db.selectFrom("rounds").select("id").executeTakeFirstOrThrow();
      const certificates = await loadCertificates(database.db, { roundId: round.id }, ON);
      const issued = await database.db
        .selectFrom("commendations")
        .select("id")
        .where("round_id", "=", round.id)
        .execute();
      expect(certificates).toHaveLength(issued.length);
      expect(certificates.every((c) => c.content.reason.includes("được xếp loại “"))).toBe(true);
      expect(new Set(certificates.map((c) => c.content.verificationCode)).size).toBe(certificates.length);
    });

    it("stand revoked, with the day and reason, once the commendation is revoked; the content and digest stay", async () => {
      const id = (
        await database.db
          .selectFrom("commendations")
          .select("id")
          .where("decision_number", "=", "513-QĐ/HU")
          .orderBy("id")
          .executeTakeFirstOrThrow()
      ).id;
      const [before] = await loadCertificates(database.db, { ids: [id] }, ON);
      const loaded = await loadCommendation(database.db, id);
      if (!loaded) throw new Error("no commendation");
      const revoked = revokeCommendation(loaded.commendation, {
        revokedOn: "2023-06-01",
        reason: "Kê khai sai",
        decisionNumber: null,
      });
      if (!revoked.ok) throw new Error("not revoked");
      await database.db.transaction().execute((trx) => saveCommendation(trx, revoked.value, loaded.version));
      const [after] = await loadCertificates(database.db, { ids: [id] }, ON);
      expect(before?.standing.status).toBe("in-force");
      expect(after?.standing).toMatchObject({ status: "revoked", date: "2023-06-01", reason: "Kê khai sai" });
      expect(after?.contentHash).toBe(before?.contentHash);
    });

    it("of golden-book entries are found by code, with their decision", async () => {
      const entry = await database.db
        .selectFrom("golden_book_entries")
        .select(["verification_code", "subject_name"])
        .where("status", "=", "verified")
        .executeTakeFirstOrThrow();
      const found = await findGoldenBookVerification(database.db, entry.verification_code);
      expect(found).toMatchObject({ status: "verified", content: { subjectName: entry.subject_name } });
      expect(found?.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(await findGoldenBookVerification(database.db, "SV-0000000000")).toBeUndefined();
    });
  });
});
