import { createModel, transitionModel } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";

describe.each(testEngines())("transitionModel on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  const newDraft = async () =>
    accepted(
      await h.app.run(createModel, await h.as("phunu.canbo"), {
        code: h.unique("HPN-STEP-"),
        name: "Tổ phụ nữ tiết kiệm",
        ownerUnitId: await h.unit("TL-HPN"),
        fields: ["social-welfare"],
        problem: "Thiếu vốn",
        solution: "Góp vốn",
        startDate: "2023-01-15",
      }),
    ).id;

  it("submits a draft for its unit's officer, with history and audit", async () => {
    const id = await newDraft();
    accepted(
      await h.app.run(transitionModel, await h.as("phunu.canbo"), {
        modelId: id,
        action: "submit",
        expectedVersion: 1,
      }),
    );
    const row = await h.database.db
      .selectFrom("models")
      .select(["status", "version"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "submitted", version: 2 });
    const audit = await h.database.db
      .selectFrom("audit_log")
      .select(["action", "before", "after"])
      .where("entity_id", "=", id)
      .where("action", "=", "model.submit")
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({
      action: "model.submit",
      before: { status: "draft", version: 1 },
      after: { status: "submitted", version: 2 },
    });
  });

  it("lets the district admin approve a submitted model of a unit below", async () => {
    const id = await newDraft();
    accepted(
      await h.app.run(transitionModel, await h.as("phunu.canbo"), {
        modelId: id,
        action: "submit",
        expectedVersion: 1,
      }),
    );
    accepted(
      await h.app.run(transitionModel, await h.as("thanhliem.admin"), {
        modelId: id,
        action: "approve",
        expectedVersion: 2,
      }),
    );
    const row = await h.database.db
      .selectFrom("models")
      .select("status")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("approved");
  });

  it("refuses the officer approving their own unit's model, changing nothing", async () => {
    const id = await newDraft();
    accepted(
      await h.app.run(transitionModel, await h.as("phunu.canbo"), {
        modelId: id,
        action: "submit",
        expectedVersion: 1,
      }),
    );
    const error = await h.expectRefusal("MODEL.FORBIDDEN", async () =>
      h.app.run(transitionModel, await h.as("phunu.canbo"), { modelId: id, action: "approve", expectedVersion: 2 }),
    );
    expect(error.details).toMatchObject({ reason: "role", action: "approve" });
  });

  const submitted = async () => {
    const id = await newDraft();
    accepted(
      await h.app.run(transitionModel, await h.as("phunu.canbo"), {
        modelId: id,
        action: "submit",
        expectedVersion: 1,
      }),
    );
    return id;
  };

  it("lets the unit's officer withdraw a submitted model back to draft, audited", async () => {
    const id = await submitted();
    accepted(
      await h.app.run(transitionModel, await h.as("phunu.canbo"), {
        modelId: id,
        action: "withdraw",
        expectedVersion: 2,
      }),
    );
    const row = await h.database.db
      .selectFrom("models")
      .select(["status", "version"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "draft", version: 3 });
    const audit = await h.database.db
      .selectFrom("audit_log")
      .select(["action", "before", "after"])
      .where("entity_id", "=", id)
      .where("action", "=", "model.withdraw")
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({
      action: "model.withdraw",
      before: { status: "submitted", version: 2 },
      after: { status: "draft", version: 3 },
    });
  });

  it("refuses a withdrawal once the model is approved, changing nothing", async () => {
    const id = await submitted();
    accepted(
      await h.app.run(transitionModel, await h.as("thanhliem.admin"), {
        modelId: id,
        action: "approve",
        expectedVersion: 2,
      }),
    );
    await h.expectRefusal("MODEL.TRANSITION_NOT_ALLOWED", async () =>
      h.app.run(transitionModel, await h.as("phunu.canbo"), { modelId: id, action: "withdraw", expectedVersion: 3 }),
    );
  });

  it("refuses a withdrawal by another unit's staff, changing nothing", async () => {
    const id = await submitted();
    const error = await h.expectRefusal("MODEL.FORBIDDEN", async () =>
      h.app.run(transitionModel, await h.as("thanhha.canbo"), { modelId: id, action: "withdraw", expectedVersion: 2 }),
    );
    expect(error.details).toMatchObject({ reason: "scope", action: "withdraw" });
  });

  it("refuses a step the status does not allow, changing nothing", async () => {
    const id = await newDraft();
    await h.expectRefusal("MODEL.TRANSITION_NOT_ALLOWED", async () =>
      h.app.run(transitionModel, await h.as("admin"), {
        modelId: id,
        action: "activate",
        expectedVersion: 1,
      }),
    );
  });

  it("refuses a return without a reason, changing nothing", async () => {
    const id = await newDraft();
    accepted(
      await h.app.run(transitionModel, await h.as("phunu.canbo"), {
        modelId: id,
        action: "submit",
        expectedVersion: 1,
      }),
    );
    await h.expectRefusal("MODEL.REASON_REQUIRED", async () =>
      h.app.run(transitionModel, await h.as("thanhliem.admin"), { modelId: id, action: "return", expectedVersion: 2 }),
    );
  });

  it("refuses a stale version before judging the step, changing nothing", async () => {
    const id = await newDraft();
    await h.expectRefusal("DB.STALE_VERSION", async () =>
      h.app.run(transitionModel, await h.as("phunu.canbo"), { modelId: id, action: "submit", expectedVersion: 3 }),
    );
  });

  it("refuses a step that is not a lifecycle step as INPUT.INVALID, changing nothing", async () => {
    const id = await newDraft();
    await h.expectRefusal("INPUT.INVALID", async () =>
      h.app.run(transitionModel, await h.as("phunu.canbo"), {
        modelId: id,
        action: "draft" as never,
        expectedVersion: 1,
      }),
    );
  });
});
