import { createModel, updateModel } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { demoModel } from "../support/fixtures.js";

describe.each(testEngines())("updateModel on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** A new draft of TL-HPN at version 1. */
  const newDraft = async () =>
    accepted(
      await h.app.run(createModel, await h.as("phunu.canbo"), {
        code: h.unique("HPN-EDIT-"),
        name: "Tổ phụ nữ tiết kiệm",
        ownerUnitId: await h.unit("TL-HPN"),
        fields: ["social-welfare"],
        annualTheme: "Học tập và làm theo",
        problem: "Thiếu vốn",
        solution: "Góp vốn",
        startDate: "2023-01-15",
      }),
    ).id;

  it("changes the fields given, keeps the others, clears the theme, and audits before and after", async () => {
    const id = await newDraft();
    accepted(
      await h.app.run(updateModel, await h.as("phunu.canbo"), {
        modelId: id,
        name: "Tổ phụ nữ tiết kiệm xoay vòng",
        fields: ["economy"],
        annualTheme: null,
        expectedVersion: 1,
      }),
    );
    const row = await h.database.db.selectFrom("models").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      name: "Tổ phụ nữ tiết kiệm xoay vòng",
      fields: ["economy"],
      annual_theme: null,
      problem: "Thiếu vốn",
      version: 2,
    });
    const audit = await h.database.db
      .selectFrom("audit_log")
      .select(["action", "before", "after"])
      .where("entity_id", "=", id)
      .where("action", "=", "updateModel")
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ name: "Tổ phụ nữ tiết kiệm", version: 1 });
    expect(audit.after).toMatchObject({ name: "Tổ phụ nữ tiết kiệm xoay vòng", version: 2 });
  });

  it("refuses a stale version, changing nothing", async () => {
    const id = await newDraft();
    await h.expectRefusal("DB.STALE_VERSION", async () =>
      h.app.run(updateModel, await h.as("phunu.canbo"), { modelId: id, name: "Khác", expectedVersion: 2 }),
    );
  });

  it("refuses a model that is no longer a draft, changing nothing", async () => {
    const active = await demoModel(h, "TL-HPN", "active");
    await h.expectRefusal("MODEL.NOT_EDITABLE", async () =>
      h.app.run(updateModel, await h.as("phunu.canbo"), {
        modelId: active.id,
        name: "Khác",
        expectedVersion: active.version,
      }),
    );
  });

  it("refuses a field code outside the catalogue, changing nothing", async () => {
    const id = await newDraft();
    await h.expectRefusal("MODEL.UNKNOWN_FIELD", async () =>
      h.app.run(updateModel, await h.as("phunu.canbo"), { modelId: id, fields: ["no-such-field"], expectedVersion: 1 }),
    );
  });

  it("refuses a model that does not exist, changing nothing", async () => {
    await h.expectRefusal("MODEL.NOT_FOUND", async () =>
      h.app.run(updateModel, await h.as("phunu.canbo"), {
        modelId: "00000000-0000-4000-8000-0000000000e1",
        name: "Khác",
        expectedVersion: 1,
      }),
    );
  });
});
