import { registerReplication } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";

describe.each(testEngines())("registerReplication on %s", (engine) => {
  let h: AppHarness;
  let pilotId: string;
  beforeAll(async () => {
    h = await startAppHarness(engine);
    const pilot = await h.database.db
      .selectFrom("models")
      .select("id")
      .where("code", "=", "TL-2021-DUONGHOA")
      .executeTakeFirstOrThrow();
    pilotId = pilot.id;
  });
  afterAll(async () => {
    await h?.close();
  });

  const copy = async (overrides: Record<string, unknown> = {}) => ({
    code: h.unique("THANHHA-HOA-"),
    name: "Đường hoa xã Thanh Hà",
    ownerUnitId: await h.unit("TL-THANHHA-UBND"),
    fields: ["culture-society"],
    problem: "Đường làng chưa có cảnh quan",
    solution: "Trồng hoa hai bên đường theo cách của Ban CHQS huyện",
    startDate: "2023-03-01",
    ...overrides,
  });

  it("registers the adopter's draft linked to the pilot, adopted on its start date, audited", async () => {
    const officer = await h.as("thanhha.canbo");
    const { id } = accepted(
      await h.app.run(registerReplication, officer, { originModelId: pilotId, model: await copy() }),
    );
    const link = await h.database.db
      .selectFrom("replications")
      .selectAll()
      .where("adopter_model_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(link).toMatchObject({ origin_model_id: pilotId, adopted_on: "2023-03-01" });
    const row = await h.database.db
      .selectFrom("models")
      .select(["status", "owner_unit_id"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "draft", owner_unit_id: await h.unit("TL-THANHHA-UBND") });
    const audit = await h.database.db.selectFrom("audit_log").select("action").where("entity_id", "=", id).execute();
    expect(audit).toEqual([{ action: "registerReplication" }]);
  });

  it("refuses to replicate a model that is not a pilot, changing nothing", async () => {
    const notPilot = await h.database.db
      .selectFrom("models")
      .select("id")
      .where("code", "=", "TL-2018-HUGAO")
      .executeTakeFirstOrThrow();
    const model = await copy();
    await h.expectRefusal("REPLICATION.NOT_A_PILOT", async () =>
      h.app.run(registerReplication, await h.as("thanhha.canbo"), { originModelId: notPilot.id, model }),
    );
  });

  it("refuses an origin that does not exist, changing nothing", async () => {
    const model = await copy();
    await h.expectRefusal("MODEL.NOT_FOUND", async () =>
      h.app.run(registerReplication, await h.as("thanhha.canbo"), {
        originModelId: "00000000-0000-4000-8000-0000000000f1",
        model,
      }),
    );
  });

  it("refuses an unknown field code in the copy, changing nothing", async () => {
    const model = await copy({ fields: ["flowers"] });
    await h.expectRefusal("MODEL.UNKNOWN_FIELD", async () =>
      h.app.run(registerReplication, await h.as("thanhha.canbo"), { originModelId: pilotId, model }),
    );
  });
});
