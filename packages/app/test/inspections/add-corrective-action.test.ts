import { addCorrectiveAction } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { minorFinding } from "../support/inspection-fixtures.js";

describe.each(testEngines())("addCorrectiveAction on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  const newFinding = () => minorFinding(h);

  it("stores an open action due on a day, audited", async () => {
    const findingId = await newFinding();
    const { id } = accepted(
      await h.app.run(addCorrectiveAction, await h.as("thanhliem.admin"), {
        findingId,
        description: " Bổ sung sổ sách ",
        dueOn: "2023-09-30",
      }),
    );
    const row = await h.database.db
      .selectFrom("corrective_actions")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      finding_id: findingId,
      description: "Bổ sung sổ sách",
      due_on: "2023-09-30",
      status: "open",
    });
    const audit = await h.database.db.selectFrom("audit_log").select("action").where("entity_id", "=", id).execute();
    expect(audit).toEqual([{ action: "addCorrectiveAction" }]);
  });

  it("refuses an action due before its finding was recorded, changing nothing", async () => {
    const findingId = await newFinding();
    await h.expectRefusal("INSPECTION.INVALID", async () =>
      h.app.run(addCorrectiveAction, await h.as("thanhliem.admin"), {
        findingId,
        description: "Bổ sung sổ sách",
        dueOn: "2023-08-19",
      }),
    );
  });

  it("refuses a finding that does not exist, changing nothing", async () => {
    await h.expectRefusal("INSPECTION.NOT_FOUND", async () =>
      h.app.run(addCorrectiveAction, await h.as("thanhliem.admin"), {
        findingId: "00000000-0000-4000-8000-0000000000c1",
        description: "Bổ sung sổ sách",
        dueOn: "2023-09-30",
      }),
    );
  });
});
