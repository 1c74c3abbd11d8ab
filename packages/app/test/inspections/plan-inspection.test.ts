import { planInspection } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";

describe.each(testEngines())("planInspection on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  const plan = async (overrides: Record<string, unknown> = {}) => ({
    inspectedUnitId: await h.unit("TL-HPN"),
    inspectingUnitId: await h.unit("TL-CB-TT"),
    periodFrom: "2023-01-01",
    periodTo: "2023-06-30",
    plannedOn: "2023-08-15",
    notes: "  Kiểm tra việc nhân rộng mô hình  ",
    ...overrides,
  });

  it("stores a planned inspection with the period and trimmed notes, and audits it", async () => {
    const admin = await h.as("thanhliem.admin");
    const { id } = accepted(await h.app.run(planInspection, admin, await plan()));
    const row = await h.database.db
      .selectFrom("inspections")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      unit_id: await h.unit("TL-HPN"),
      inspecting_unit_id: await h.unit("TL-CB-TT"),
      period: "2023-01-01/2023-06-30",
      planned_on: "2023-08-15",
      status: "planned",
      notes: "Kiểm tra việc nhân rộng mô hình",
      version: 1,
    });
    const audit = await h.database.db.selectFrom("audit_log").selectAll().where("entity_id", "=", id).execute();
    expect(audit).toEqual([
      expect.objectContaining({ action: "planInspection", entity: "inspection", actor_user_id: admin.userId }),
    ]);
  });

  it("returns the first inspection when retried with the same idempotency key", async () => {
    const admin = await h.as("thanhliem.admin");
    const key = h.unique("plan-retry-");
    const first = accepted(await h.app.run(planInspection, admin, await plan(), { idempotencyKey: key }));
    const count = async () => (await h.database.db.selectFrom("inspections").select("id").execute()).length;
    const before = await count();
    const again = accepted(await h.app.run(planInspection, admin, await plan(), { idempotencyKey: key }));
    expect(again).toEqual(first);
    expect(await count()).toBe(before);
  });

  it("refuses the same idempotency key with another plan, changing nothing", async () => {
    const admin = await h.as("thanhliem.admin");
    const key = h.unique("plan-reuse-");
    accepted(await h.app.run(planInspection, admin, await plan(), { idempotencyKey: key }));
    const other = await plan({ plannedOn: "2023-08-16" });
    await h.expectRefusal("DB.IDEMPOTENCY_KEY_REUSED", () =>
      h.app.run(planInspection, admin, other, { idempotencyKey: key }),
    );
  });

  it("refuses a period that ends before it starts, changing nothing", async () => {
    const input = await plan({ periodTo: "2022-12-31" });
    await h.expectRefusal("INSPECTION.INVALID", async () =>
      h.app.run(planInspection, await h.as("thanhliem.admin"), input),
    );
  });

  it("refuses a unit that does not exist, changing nothing", async () => {
    const input = await plan({ inspectingUnitId: "00000000-0000-4000-8000-00000000dead" });
    const error = await h.expectRefusal("UNIT.NOT_FOUND", async () =>
      h.app.run(planInspection, await h.as("thanhliem.admin"), input),
    );
    expect(error.details).toEqual({ id: "00000000-0000-4000-8000-00000000dead" });
  });

  it("refuses an input that is not a day as INPUT.INVALID naming the field, changing nothing", async () => {
    const input = await plan({ plannedOn: "15/08/2023" });
    const error = await h.expectRefusal("INPUT.INVALID", async () =>
      h.app.run(planInspection, await h.as("thanhliem.admin"), input),
    );
    expect(error.details).toMatchObject({ useCase: "planInspection", issues: [{ path: "plannedOn" }] });
  });
});
