import { createReportDraft, deleteReportDraft } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { auditOf } from "../support/audit-of.js";

describe.each(testEngines())("deleteReportDraft on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function draft(username = "thanhliem.admin", unitCode = "TL"): Promise<string> {
    const actor = await h.as(username);
    return accepted(
      await h.app.run(createReportDraft, actor, { unitId: await h.unit(unitCode), fromYear: 2022, toYear: 2022 }),
    ).id;
  }

  it("deletes a draft and audits what it held", async () => {
    const id = await draft();
    const admin = await h.as("thanhliem.admin");
    accepted(await h.app.run(deleteReportDraft, admin, { draftId: id, expectedVersion: 1 }));
    expect(await h.database.db.selectFrom("report_drafts").select("id").where("id", "=", id).execute()).toEqual([]);
    expect((await auditOf(h, id)).at(-1)).toMatchObject({
      action: "deleteReportDraft",
      before: { issuingBody: "Huyện ủy Thanh Liêm" },
    });
  });

  it("refuses a stale version, changing nothing", async () => {
    const id = await draft();
    await h.expectRefusal("DB.STALE_VERSION", async () =>
      h.app.run(deleteReportDraft, await h.as("thanhliem.admin"), { draftId: id, expectedVersion: 2 }),
    );
  });

  it("refuses staff of a unit that does not hold it", async () => {
    const id = await draft("phunu.canbo", "TL-HPN");
    await h.expectRefusal("AUTH.FORBIDDEN", async () =>
      h.app.run(deleteReportDraft, await h.as("thanhha.canbo"), { draftId: id, expectedVersion: 1 }),
    );
  });
});
