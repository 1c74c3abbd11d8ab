import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit, countAuditEntries, exportAuditLog, listAuditEntries } from "../src/index.js";
import { createDemoTestDatabase, type TestDatabase, testEngines } from "../src/testing/index.js";

describe.each(testEngines())("reading the audit log on %s", (engine) => {
  let database: TestDatabase;
  let units: Record<string, string>;
  let models: Record<string, string>;
  let admin: string;

  beforeAll(async () => {
    database = await createDemoTestDatabase(engine);
    const unitRows = await database.db.selectFrom("units").select(["id", "code"]).execute();
    units = Object.fromEntries(unitRows.map((u) => [u.code, u.id]));
    const modelRows = await database.db.selectFrom("models").select(["id", "code"]).execute();
    models = Object.fromEntries(modelRows.map((m) => [m.code, m.id]));
    admin = (
      await database.db
        .selectFrom("users")
        .select("id")
        .where("username", "=", "thanhliem.admin")
        .executeTakeFirstOrThrow()
    ).id;
    // Three changes: a model in Thanh Hà commune, a model of another district, a criteria set (no unit).
    await appendAudit(database.db, {
      actorUserId: admin,
      action: "model.approve",
      entity: "model",
      entityId: models["TL-2019-CHUAHETVIEC"] as string,
      before: { status: "submitted" },
      after: { status: "approved" },
    });
    await appendAudit(database.db, {
      actorUserId: null,
      action: "model.submit",
      entity: "model",
      entityId: models["DUYTIEN-2023-DUONGHOA"] as string,
      after: { status: "submitted" },
    });
    await appendAudit(database.db, {
      actorUserId: admin,
      action: "createCriteriaSet",
      entity: "criteria_set",
      entityId: "hoi-thi-2026",
      after: { code: "hoi-thi-2026" },
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it("gives a unit admin only the entries about records of their subtree", async () => {
    const rows = await listAuditEntries(database.db, { withinUnitIds: [units.TL as string] }, { limit: 50 });
    const ids = rows.map((r) => r.entityId);
    expect(ids).toContain(models["TL-2019-CHUAHETVIEC"]);
    expect(ids).not.toContain(models["DUYTIEN-2023-DUONGHOA"]);
    expect(ids).not.toContain("hoi-thi-2026");
  });

  it("gives everything, newest first, when no scope is set (a system admin)", async () => {
    const rows = await listAuditEntries(database.db, {}, { limit: 3 });
    expect(rows.map((r) => r.entityId)).toEqual([
      "hoi-thi-2026",
      models["DUYTIEN-2023-DUONGHOA"],
      models["TL-2019-CHUAHETVIEC"],
    ]);
  });

  it("says who, what, when, about which unit, with before and after", async () => {
    const [entry] = await listAuditEntries(database.db, { action: "model.approve" }, { limit: 1 });
    expect(entry).toMatchObject({
      actorUsername: "thanhliem.admin",
      action: "model.approve",
      entity: "model",
      unitId: units["TL-THANHHA-UBND"],
      before: { status: "submitted" },
      after: { status: "approved" },
    });
    expect(Date.parse(entry?.at ?? "")).toBeGreaterThan(0);
  });

  it("filters by the start of an action, the actor and the kind of record", async () => {
    const byAction = await listAuditEntries(database.db, { action: "model" }, { limit: 50 });
    expect(byAction.map((r) => r.action).sort()).toEqual(["model.approve", "model.submit"]);
    const byActor = await listAuditEntries(database.db, { actor: "thanhliem.admin" }, { limit: 50 });
    expect(byActor.map((r) => r.action).sort()).toEqual(["createCriteriaSet", "model.approve"]);
    expect(await countAuditEntries(database.db, { entity: "criteria_set" })).toBe(1);
  });

  it("takes _ and % in an action filter literally", async () => {
    expect(await countAuditEntries(database.db, { action: "m%" })).toBe(0);
    expect(await countAuditEntries(database.db, { action: "model_approve" })).toBe(0);
  });

  it("filters by day, both ends included", async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(await countAuditEntries(database.db, { fromDate: today, toDate: today })).toBe(3);
    expect(await countAuditEntries(database.db, { toDate: "2000-01-01" })).toBe(0);
  });

  it("pages by entry id without repeating one", async () => {
    const [first, second] = await listAuditEntries(database.db, {}, { limit: 2 });
    const [next] = await listAuditEntries(database.db, {}, { beforeId: second?.id, limit: 1 });
    expect(new Set([first?.id, second?.id, next?.id]).size).toBe(3);
    expect(next?.id).toBeLessThan(second?.id ?? 0);
  });

  it("refuses a unit admin without units everything", async () => {
    expect(await countAuditEntries(database.db, { withinUnitIds: [] })).toBe(0);
  });
});

describe.each(testEngines())("exporting the audit log on %s", (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createDemoTestDatabase(engine);
    await appendAudit(database.db, {
      actorUserId: null,
      action: "createCriteriaSet",
      entity: "criteria_set",
      entityId: "hoi-thi-2026",
      after: { code: "hoi-thi-2026", name: "Hội thi, 2026" },
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it("writes one CSV row per entry, with before and after as JSON", async () => {
    const text = new TextDecoder().decode(await exportAuditLog(database.db, { entity: "criteria_set" }, "csv"));
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Thời điểm,Người thực hiện,Tên đăng nhập,Thao tác,Loại bản ghi,Mã bản ghi,Đơn vị,Trước,Sau");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(
      ',createCriteriaSet,criteria_set,hoi-thi-2026,,,"{""code"":""hoi-thi-2026"",""name"":""Hội thi, 2026""}"',
    );
    expect(lines[1]).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d UTC,/);
  });

  it("writes an XLSX workbook too", async () => {
    const bytes = await exportAuditLog(database.db, {}, "xlsx");
    expect(Array.from(bytes.slice(0, 2))).toEqual([0x50, 0x4b]);
  });
});
