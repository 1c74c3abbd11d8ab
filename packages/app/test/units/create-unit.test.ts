import { createUnit } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";

describe.each(testEngines())("createUnit on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  const parentRow = () =>
    h.database.db.selectFrom("units").selectAll().where("code", "=", "TL").executeTakeFirstOrThrow();
  const input = async (overrides: Record<string, unknown> = {}) => ({
    parentId: (await parentRow()).id,
    code: h.unique("TL-NEW-"),
    name: "  Chi hội Cựu chiến binh  ",
    level: (await parentRow()).level,
    kind: (await parentRow()).kind,
    ...overrides,
  });

  it("adds the unit below its parent with its materialized path, audited", async () => {
    const parent = await parentRow();
    const { id } = accepted(await h.app.run(createUnit, await h.as("thanhliem.admin"), await input()));
    const row = await h.database.db.selectFrom("units").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ parent_id: parent.id, name: "Chi hội Cựu chiến binh", path: `${parent.path}${id}/` });
    const audit = await h.database.db.selectFrom("audit_log").select("action").where("entity_id", "=", id).execute();
    expect(audit).toEqual([{ action: "createUnit" }]);
  });

  it("refuses a code already used, changing nothing", async () => {
    const unit = await input({ code: "TL-HPN" });
    await h.expectRefusal("ORG.DUPLICATE_CODE", async () => h.app.run(createUnit, await h.as("thanhliem.admin"), unit));
  });

  it("refuses a level that is not configured, changing nothing", async () => {
    const unit = await input({ level: "galaxy" });
    await h.expectRefusal("ORG.UNKNOWN_CONFIGURATION", async () =>
      h.app.run(createUnit, await h.as("thanhliem.admin"), unit),
    );
  });

  it("refuses a parent that does not exist, changing nothing", async () => {
    const unit = await input({ parentId: "00000000-0000-4000-8000-000000000a01" });
    await h.expectRefusal("UNIT.NOT_FOUND", async () => h.app.run(createUnit, await h.as("thanhliem.admin"), unit));
  });
});
