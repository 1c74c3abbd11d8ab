import { addCorrectiveAction, completeCorrectiveAction } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { minorFinding } from "../support/inspection-fixtures.js";

describe.each(testEngines())("completeCorrectiveAction on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** An open corrective action (version 1), due 2023-09-30, of a finding recorded 2023-08-20. */
  const newAction = async () => {
    const admin = await h.as("thanhliem.admin");
    const findingId = await minorFinding(h);
    const { id } = accepted(
      await h.app.run(addCorrectiveAction, admin, {
        findingId,
        description: "Bổ sung",
        dueOn: "2023-09-30",
      }),
    );
    return id;
  };

  it("records the day the unit completed the action and bumps its version, audited", async () => {
    const actionId = await newAction();
    accepted(
      await h.app.run(completeCorrectiveAction, await h.as("phunu.canbo"), {
        actionId,
        completedOn: "2023-09-10",
        expectedVersion: 1,
      }),
    );
    const row = await h.database.db
      .selectFrom("corrective_actions")
      .selectAll()
      .where("id", "=", actionId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "done", completed_on: "2023-09-10", version: 2 });
    const audit = await h.database.db
      .selectFrom("audit_log")
      .select(["action", "after"])
      .where("entity_id", "=", actionId)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["addCorrectiveAction", "completeCorrectiveAction"]);
  });

  it("refuses completing an action twice, changing nothing", async () => {
    const actionId = await newAction();
    const officer = await h.as("phunu.canbo");
    accepted(
      await h.app.run(completeCorrectiveAction, officer, { actionId, completedOn: "2023-09-10", expectedVersion: 1 }),
    );
    await h.expectRefusal("INSPECTION.ACTION_ALREADY_COMPLETED", () =>
      h.app.run(completeCorrectiveAction, officer, { actionId, completedOn: "2023-09-11", expectedVersion: 2 }),
    );
  });

  it("refuses a stale version, changing nothing", async () => {
    const actionId = await newAction();
    await h.expectRefusal("DB.STALE_VERSION", async () =>
      h.app.run(completeCorrectiveAction, await h.as("phunu.canbo"), {
        actionId,
        completedOn: "2023-09-10",
        expectedVersion: 2,
      }),
    );
  });

  it("refuses an action that does not exist, changing nothing", async () => {
    await h.expectRefusal("INSPECTION.NOT_FOUND", async () =>
      h.app.run(completeCorrectiveAction, await h.as("phunu.canbo"), {
        actionId: "00000000-0000-4000-8000-0000000000d1",
        completedOn: "2023-09-10",
        expectedVersion: 1,
      }),
    );
  });
});
