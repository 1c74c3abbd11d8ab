import { setModelPublic } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { auditOf } from "../support/audit-of.js";
import { demoModel } from "../support/fixtures.js";

describe.each(testEngines())("setModelPublic on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  const isPublic = async (id: string) =>
    (await h.database.db.selectFrom("models").select("is_public").where("id", "=", id).executeTakeFirstOrThrow())
      .is_public;

  it("shows a model of the admin's subtree and audits the change", async () => {
    const model = await demoModel(h, "TL-HND", "active", 1);
    await h.database.db.updateTable("models").set({ is_public: false }).where("id", "=", model.id).execute();
    const admin = await h.as("thanhliem.admin");
    expect(accepted(await h.app.run(setModelPublic, admin, { modelId: model.id, isPublic: true }))).toEqual({
      id: model.id,
      isPublic: true,
    });
    expect(await isPublic(model.id)).toBe(true);
    expect(await auditOf(h, model.id)).toEqual([
      {
        action: "setModelPublic",
        entity: "model",
        actor_user_id: admin.userId,
        before: { isPublic: false },
        after: { isPublic: true },
      },
    ]);
  });

  it("hides a shown model again", async () => {
    const model = await demoModel(h, "TL-HPN", "active", 0);
    await h.database.db.updateTable("models").set({ is_public: true }).where("id", "=", model.id).execute();
    accepted(await h.app.run(setModelPublic, await h.as("admin"), { modelId: model.id, isPublic: false }));
    expect(await isPublic(model.id)).toBe(false);
  });

  it("writes and audits nothing when the flag already has that value", async () => {
    const model = await demoModel(h, "TL-DTN", "active", 0);
    await h.database.db.updateTable("models").set({ is_public: true }).where("id", "=", model.id).execute();
    accepted(await h.app.run(setModelPublic, await h.as("thanhliem.admin"), { modelId: model.id, isPublic: true }));
    expect(await auditOf(h, model.id)).toEqual([]);
  });

  it("refuses an officer, who may not decide what the public sees, changing nothing", async () => {
    const model = await demoModel(h, "TL-HPN", "active", 1);
    const officer = await h.as("phunu.canbo");
    await h.expectRefusal("AUTH.FORBIDDEN", () =>
      h.app.run(setModelPublic, officer, { modelId: model.id, isPublic: true }),
    );
  });

  it("refuses an admin of another subtree, changing nothing", async () => {
    const model = await demoModel(h, "PHULY-BCHQS", "active", 0);
    const admin = await h.as("thanhliem.admin");
    await h.expectRefusal("AUTH.FORBIDDEN", () =>
      h.app.run(setModelPublic, admin, { modelId: model.id, isPublic: false }),
    );
  });

  it("refuses a model that does not exist", async () => {
    const admin = await h.as("admin");
    await h.expectRefusal("MODEL.NOT_FOUND", () =>
      h.app.run(setModelPublic, admin, { modelId: "00000000-0000-4000-8000-00000000dead", isPublic: true }),
    );
  });
});
