import { createUnit, moveUnit } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";

describe.each(testEngines())("moveUnit on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  const unitRow = (id: string) =>
    h.database.db.selectFrom("units").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  /** A new unit under `parentCode` (or under another new unit's id), at version 1. */
  const newUnit = async (parentId?: string) => {
    const tl = await h.database.db.selectFrom("units").selectAll().where("code", "=", "TL").executeTakeFirstOrThrow();
    return accepted(
      await h.app.run(createUnit, await h.as("thanhliem.admin"), {
        parentId: parentId ?? tl.id,
        code: h.unique("TL-MOVE-"),
        name: "Chi hội",
        level: tl.level,
        kind: tl.kind,
      }),
    ).id;
  };

  it("moves the unit with its subtree, rewriting their paths, and audits the parent before and after", async () => {
    const from = await newUnit();
    const to = await newUnit();
    const child = await newUnit(from);
    const grandchild = await newUnit(child);
    accepted(
      await h.app.run(moveUnit, await h.as("thanhliem.admin"), { unitId: child, newParentId: to, expectedVersion: 1 }),
    );
    const target = await unitRow(to);
    expect((await unitRow(child)).path).toBe(`${target.path}${child}/`);
    expect((await unitRow(grandchild)).path).toBe(`${target.path}${child}/${grandchild}/`);
    const audit = await h.database.db
      .selectFrom("audit_log")
      .select(["before", "after"])
      .where("entity_id", "=", child)
      .where("action", "=", "moveUnit")
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ before: { parentId: from, version: 1 }, after: { parentId: to, version: 2 } });
  });

  it("refuses a move under the unit's own descendant, changing nothing", async () => {
    const parent = await newUnit();
    const child = await newUnit(parent);
    await h.expectRefusal("ORG.CYCLE", async () =>
      h.app.run(moveUnit, await h.as("thanhliem.admin"), { unitId: parent, newParentId: child, expectedVersion: 1 }),
    );
  });

  it("refuses a stale version, changing nothing", async () => {
    const unit = await newUnit();
    const to = await newUnit();
    await h.expectRefusal("DB.STALE_VERSION", async () =>
      h.app.run(moveUnit, await h.as("thanhliem.admin"), { unitId: unit, newParentId: to, expectedVersion: 4 }),
    );
  });
});
