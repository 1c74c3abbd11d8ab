import { draftModel, transitionModel } from "@lantoa/domain/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appendAudit,
  countModelsMatching,
  indicatorValuesOfModels,
  insertModel,
  listModels,
  loadModel,
  loadUnitTreeFor,
  onceForKey,
  recordIndicatorValues,
  saveModel,
  updateVersioned,
} from "../src/index.js";
import { createDemoTestDatabase, type TestDatabase, testEngines } from "../src/testing/index.js";

describe.each(testEngines())("model repositories on %s", (engine) => {
  let database: TestDatabase;
  let units: Record<string, string>;
  let users: Record<string, string>;

  beforeAll(async () => {
    database = await createDemoTestDatabase(engine);
    const unitRows = await database.db.selectFrom("units").select(["id", "code"]).execute();
    units = Object.fromEntries(unitRows.map((u) => [u.code, u.id]));
    const userRows = await database.db.selectFrom("users").select(["id", "username"]).execute();
    users = Object.fromEntries(userRows.map((u) => [u.username, u.id]));
  });
  afterAll(async () => {
    await database?.close();
  });

  const newModelInput = (id: string, code: string) => ({
    kind: "collective",
    id,
    code,
    name: "Bữa sáng yêu thương",
    ownerUnitId: units["TL-HPN"],
    fieldCodes: ["social-welfare"],
    annualTheme: null,
    problem: "Học sinh nghèo nhịn ăn sáng",
    solution: "Hội viên góp gạo nấu cháo sáng",
    startDate: "2023-09-05",
    targets: [{ indicatorCode: "people-helped", targetValue: 120, unitCode: "person" }],
    evidence: [{ kind: "link", title: "Bài báo", uri: "https://example.org/bai-bao" }],
    originModelId: null,
  });

  it("drafts, submits and approves a model through the domain, keeping every step in history", async () => {
    const officer = { userId: users["phunu.canbo"]!, role: "unit-officer" as const, unitId: units["TL-HPN"]! };
    const admin = { userId: users["thanhliem.admin"]!, role: "unit-admin" as const, unitId: units.TL! };
    const id = "8f1b2c3d-4e5f-4a6b-8c7d-000000000001";
    const tree = await loadUnitTreeFor(database.db, [units["TL-HPN"]!, units.TL!]);

    const drafted = draftModel(newModelInput(id, "TL-2023-BUASANG"), {
      actor: officer,
      at: "2023-08-01T08:00:00+07:00",
      tree,
    });
    expect(drafted.ok).toBe(true);
    if (!drafted.ok) return;
    await database.db
      .transaction()
      .execute((trx) => insertModel(trx, drafted.value.model, drafted.value.entry, "Cán bộ Hội Phụ nữ"));

    let loaded = (await loadModel(database.db, id))!;
    expect(loaded.model).toEqual(drafted.value.model);
    expect(loaded.version).toBe(1);

    for (const [kind, actor, at] of [
      ["submit", officer, "2023-08-02T08:00:00+07:00"],
      ["approve", admin, "2023-08-03T08:00:00+07:00"],
    ] as const) {
      const decided = transitionModel(loaded.model, loaded.history, { kind, reason: null } as never, {
        actor,
        at,
        tree,
      });
      expect(decided.ok, kind).toBe(true);
      if (!decided.ok) return;
      const saved = await database.db
        .transaction()
        .execute((trx) =>
          saveModel(trx, decided.value.model, loaded.version, { entry: decided.value.entry, actorName: actor.userId }),
        );
      expect(saved.ok).toBe(true);
      loaded = (await loadModel(database.db, id))!;
    }
    expect(loaded.model.status).toBe("approved");
    expect(loaded.version).toBe(3);
    expect(loaded.history.map((h) => [h.from, h.to, h.command])).toEqual([
      [null, "draft", "draft"],
      ["draft", "submitted", "submit"],
      ["submitted", "approved", "approve"],
    ]);
  });

  it("keeps evidence rows (ids, uploader, time) through a save", async () => {
    const id = "8f1b2c3d-4e5f-4a6b-8c7d-000000000001";
    const evidence = () =>
      database.db
        .selectFrom("evidence")
        .select(["id", "title", "uploaded_at", "uploaded_by"])
        .where("model_id", "=", id)
        .orderBy("id")
        .execute();
    const before = await evidence();
    expect(before.length).toBeGreaterThan(0);
    const loaded = (await loadModel(database.db, id))!;
    const result = await database.db
      .transaction()
      .execute((trx) =>
        saveModel(trx, { ...loaded.model, name: `${loaded.model.name} (sửa)` }, loaded.version, { actorName: "x" }),
      );
    expect(result.ok).toBe(true);
    expect(await evidence()).toEqual(before);
    expect((await loadModel(database.db, id))!.model.evidence).toEqual(loaded.model.evidence);
  });

  it("refuses a save against a stale version and writes nothing", async () => {
    const id = "8f1b2c3d-4e5f-4a6b-8c7d-000000000001";
    const before = (await loadModel(database.db, id))!;
    const renamed = { ...before.model, name: "Tên mới" };
    const result = await database.db
      .transaction()
      .execute((trx) => saveModel(trx, renamed, before.version - 1, { actorName: "x" }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("DB.STALE_VERSION");
    expect(await loadModel(database.db, id)).toEqual(before);
  });

  it("filters and pages models", async () => {
    const filter = { withinUnitId: units.TL, field: "social-welfare", excludeGenerated: true };
    const total = await countModelsMatching(database.db, filter);
    const first = await listModels(database.db, filter, { limit: 3 });
    const rest = await listModels(database.db, filter, { limit: 100, after: first.at(-1) });
    expect(first.length + rest.length).toBe(total);
    expect([...first, ...rest].every((m) => m.fields.includes("social-welfare") && !m.generated)).toBe(true);
    const found = await listModels(database.db, { text: "duong hoa quan su", withinUnitId: units.TL }, { limit: 10 });
    expect(found.map((m) => m.name)).toEqual(["Đường hoa quân sự"]);
  });

  it("records indicator values idempotently: re-entering a period replaces it", async () => {
    const id = "8f1b2c3d-4e5f-4a6b-8c7d-000000000001";
    const value = { modelId: id, indicatorCode: "people-helped", period: "2023", value: 80, unitCode: "person" };
    await recordIndicatorValues(database.db, [value]);
    await recordIndicatorValues(database.db, [{ ...value, value: 95 }]);
    const [values] = await indicatorValuesOfModels(database.db, [id]);
    expect(values?.map((v) => [v.indicator_code, v.period, v.value])).toEqual([["people-helped", "2023", 95]]);
  });

  it("runs a create once per idempotency key, and refuses the key for a different request", async () => {
    const userId = users.admin!;
    let runs = 0;
    const create = async () => {
      runs++;
      return { id: "created-1" };
    };
    const call = { userId, key: "k-1", operation: "createThing", request: { name: "a" } };
    const first = await database.db.transaction().execute((trx) => onceForKey(trx, call, create));
    const retry = await database.db.transaction().execute((trx) => onceForKey(trx, call, create));
    expect(first).toEqual({ ok: true, value: { response: { id: "created-1" }, replayed: false } });
    expect(retry).toEqual({ ok: true, value: { response: { id: "created-1" }, replayed: true } });
    expect(runs).toBe(1);
    const other = await database.db
      .transaction()
      .execute((trx) => onceForKey(trx, { ...call, request: { name: "b" } }, create));
    expect(other.ok).toBe(false);
    expect(runs).toBe(1);
  });

  it("keeps the audit entry only when its transaction commits", async () => {
    const count = async () => (await database.db.selectFrom("audit_log").select("id").execute()).length;
    const before = await count();
    await expect(
      database.db.transaction().execute(async (trx) => {
        await appendAudit(trx, { actorUserId: null, action: "rename", entity: "unit", entityId: "x", after: { a: 1 } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await count()).toBe(before);
  });
});

describe.each(testEngines())("optimistic concurrency on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createDemoTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("lets the first of two editors save and refuses the second, who read the same version", async () => {
    const unit = await database.db
      .selectFrom("units")
      .select(["id", "version", "name"])
      .where("code", "=", "TL-THANHHA")
      .executeTakeFirstOrThrow();
    const first = await updateVersioned(database.db, "units", unit.id, unit.version, {
      name: "Đảng ủy xã Thanh Hà (mới)",
    });
    const second = await updateVersioned(database.db, "units", unit.id, unit.version, { name: "Tên khác" });
    expect(first).toEqual({ ok: true, value: { version: unit.version + 1 } });
    expect(second.ok).toBe(false);
    if (!second.ok)
      expect(second.error).toMatchObject({ code: "DB.STALE_VERSION", details: { entity: "units", id: unit.id } });
    const after = await database.db
      .selectFrom("units")
      .select(["name", "version"])
      .where("id", "=", unit.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ name: "Đảng ủy xã Thanh Hà (mới)", version: unit.version + 1 });
  });
});
