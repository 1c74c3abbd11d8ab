import { setEvidencePublic } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { auditOf } from "../support/audit-of.js";
import { demoModel } from "../support/fixtures.js";

describe.each(testEngines())("setEvidencePublic on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** A photo of a model of the unit, stored off (as every upload is). */
  async function photo(unitCode: string): Promise<{ id: string; modelId: string }> {
    const model = await demoModel(h, unitCode);
    const row = await h.database.db
      .insertInto("evidence")
      .values({
        model_id: model.id,
        kind: "photo",
        title: h.unique("Ảnh "),
        storage_key: `${model.id}/${h.unique("k")}`,
        mime_type: "image/png",
      })
      .returning(["id", "is_public"])
      .executeTakeFirstOrThrow();
    expect(row.is_public).toBe(false);
    return { id: row.id, modelId: model.id };
  }

  const isPublic = async (id: string) =>
    (await h.database.db.selectFrom("evidence").select("is_public").where("id", "=", id).executeTakeFirstOrThrow())
      .is_public;

  it("shows a photo, audited on its model", async () => {
    const { id, modelId } = await photo("TL-HCCB");
    const admin = await h.as("thanhliem.admin");
    expect(accepted(await h.app.run(setEvidencePublic, admin, { evidenceId: id, isPublic: true }))).toEqual({
      id,
      modelId,
      isPublic: true,
    });
    expect(await isPublic(id)).toBe(true);
    expect(await auditOf(h, modelId)).toEqual([
      expect.objectContaining({
        action: "setEvidencePublic",
        actor_user_id: admin.userId,
        before: { evidenceId: id, isPublic: false },
        after: { evidenceId: id, isPublic: true },
      }),
    ]);
  });

  it("hides it again", async () => {
    const { id } = await photo("TL-HND");
    const admin = await h.as("thanhliem.admin");
    accepted(await h.app.run(setEvidencePublic, admin, { evidenceId: id, isPublic: true }));
    accepted(await h.app.run(setEvidencePublic, admin, { evidenceId: id, isPublic: false }));
    expect(await isPublic(id)).toBe(false);
  });

  it("refuses an officer, changing nothing", async () => {
    const { id } = await photo("TL-HPN");
    const officer = await h.as("phunu.canbo");
    await h.expectRefusal("AUTH.FORBIDDEN", () =>
      h.app.run(setEvidencePublic, officer, { evidenceId: id, isPublic: true }),
    );
  });

  it("refuses evidence that does not exist", async () => {
    const admin = await h.as("admin");
    await h.expectRefusal("EVIDENCE.NOT_FOUND", () =>
      h.app.run(setEvidencePublic, admin, { evidenceId: "00000000-0000-4000-8000-00000000dead", isPublic: true }),
    );
  });
});
