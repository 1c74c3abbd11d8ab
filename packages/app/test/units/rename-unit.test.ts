import { createUnit, renameUnit } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";

describe.each(testEngines())("renameUnit on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** A new unit under TL named "Chi hội A", at version 1. */
  const newUnit = async () => {
    const parent = await h.database.db
      .selectFrom("units")
      .selectAll()
      .where("code", "=", "TL")
      .executeTakeFirstOrThrow();
    return accepted(
      await h.app.run(createUnit, await h.as("thanhliem.admin"), {
        parentId: parent.id,
        code: h.unique("TL-RENAME-"),
        name: "Chi hội A",
        level: parent.level,
        kind: parent.kind,
      }),
    ).id;
  };

  it("renames the unit and audits the name before and after", async () => {
    const id = await newUnit();
    accepted(
      await h.app.run(renameUnit, await h.as("thanhliem.admin"), { unitId: id, name: "Chi hội B", expectedVersion: 1 }),
    );
    const audit = await h.database.db
      .selectFrom("audit_log")
      .select(["before", "after"])
      .where("entity_id", "=", id)
      .where("action", "=", "renameUnit")
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ before: { name: "Chi hội A", version: 1 }, after: { name: "Chi hội B", version: 2 } });
  });

  it("refuses a stale version, changing nothing", async () => {
    const id = await newUnit();
    await h.expectRefusal("DB.STALE_VERSION", async () =>
      h.app.run(renameUnit, await h.as("thanhliem.admin"), { unitId: id, name: "Chi hội C", expectedVersion: 2 }),
    );
  });

  it("refuses an empty name as INPUT.INVALID, changing nothing", async () => {
    const id = await newUnit();
    await h.expectRefusal("INPUT.INVALID", async () =>
      h.app.run(renameUnit, await h.as("thanhliem.admin"), { unitId: id, name: "   ", expectedVersion: 1 }),
    );
  });

  it("refuses a unit that does not exist, changing nothing", async () => {
    await h.expectRefusal("UNIT.NOT_FOUND", async () =>
      h.app.run(renameUnit, await h.as("thanhliem.admin"), {
        unitId: "00000000-0000-4000-8000-000000000a02",
        name: "Chi hội C",
        expectedVersion: 1,
      }),
    );
  });
});
