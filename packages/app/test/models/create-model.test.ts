import { createModel } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";

describe.each(testEngines())("createModel on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  const input = async (overrides: Record<string, unknown> = {}) => ({
    code: h.unique("HPN-TEST-"),
    name: "Tổ phụ nữ tiết kiệm",
    ownerUnitId: await h.unit("TL-HPN"),
    fields: ["social-welfare"],
    annualTheme: null,
    problem: "Hội viên khó khăn thiếu vốn",
    solution: "Góp vốn xoay vòng hằng tháng",
    startDate: "2023-01-15",
    ...overrides,
  });

  it("registers a draft of the officer's unit with its first history entry, audited", async () => {
    const officer = await h.as("phunu.canbo");
    const model = await input();
    const { id } = accepted(await h.app.run(createModel, officer, model));
    const row = await h.database.db.selectFrom("models").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ code: model.code, status: "draft", owner_unit_id: model.ownerUnitId, version: 1 });
    const history = await h.database.db
      .selectFrom("model_status_history")
      .select(["to_status", "command", "actor_name"])
      .where("model_id", "=", id)
      .execute();
    expect(history).toEqual([{ to_status: "draft", command: "draft", actor_name: officer.displayName }]);
    const audit = await h.database.db
      .selectFrom("audit_log")
      .select(["action", "actor_user_id"])
      .where("entity_id", "=", id)
      .execute();
    expect(audit).toEqual([{ action: "createModel", actor_user_id: officer.userId }]);
  });

  it("returns the first model when retried with the same idempotency key", async () => {
    const officer = await h.as("phunu.canbo");
    const model = await input();
    const key = h.unique("create-model-");
    const first = accepted(await h.app.run(createModel, officer, model, { idempotencyKey: key }));
    const again = accepted(await h.app.run(createModel, officer, model, { idempotencyKey: key }));
    expect(again).toEqual(first);
    const rows = await h.database.db.selectFrom("models").select("id").where("code", "=", model.code).execute();
    expect(rows).toHaveLength(1);
  });

  it("refuses a field code outside the catalogue, naming it, changing nothing", async () => {
    const model = await input({ fields: ["social-welfare", "' OR 1=1"] });
    const error = await h.expectRefusal("MODEL.UNKNOWN_FIELD", async () =>
      h.app.run(createModel, await h.as("phunu.canbo"), model),
    );
    expect(error.details).toEqual({ codes: ["' OR 1=1"] });
  });

  it("refuses a code already used, changing nothing", async () => {
    const model = await input({ code: "TL-2021-DUONGHOA" });
    await h.expectRefusal("MODEL.DUPLICATE_CODE", async () => h.app.run(createModel, await h.as("phunu.canbo"), model));
  });

  it("refuses an officer registering for another unit, changing nothing", async () => {
    const model = await input({ ownerUnitId: await h.unit("TL-THANHHA-UBND") });
    await h.expectRefusal("MODEL.FORBIDDEN", async () => h.app.run(createModel, await h.as("phunu.canbo"), model));
  });

  it("refuses a code with spaces as INPUT.INVALID, changing nothing", async () => {
    const model = await input({ code: "HPN 2023" });
    await h.expectRefusal("INPUT.INVALID", async () => h.app.run(createModel, await h.as("phunu.canbo"), model));
  });
});
