import { recordInspectionFinding } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { commendModel, demoModel } from "../support/fixtures.js";
import { plannedInspection } from "../support/inspection-fixtures.js";

describe.each(testEngines())("recordInspectionFinding on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  const finding = (inspectionId: string, overrides: Record<string, unknown> = {}) => ({
    inspectionId,
    severity: "minor" as const,
    description: "Sổ sách ghi chép chưa đầy đủ",
    recordedOn: "2023-08-20",
    expectedVersion: 1,
    ...overrides,
  });
  const auditOf = (entityId: string) =>
    h.database.db.selectFrom("audit_log").select("action").where("entity_id", "=", entityId).orderBy("id").execute();

  it("marks the inspection visited on the day recorded, and implies nothing for a minor finding about the unit", async () => {
    const id = await plannedInspection(h);
    accepted(await h.app.run(recordInspectionFinding, await h.as("thanhliem.admin"), finding(id)));
    const inspection = await h.database.db
      .selectFrom("inspections")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(inspection).toMatchObject({ status: "visited", visited_on: "2023-08-20", version: 2 });
    const rows = await h.database.db
      .selectFrom("inspection_findings")
      .selectAll()
      .where("inspection_id", "=", id)
      .execute();
    expect(rows).toEqual([
      expect.objectContaining({ severity: "minor", effect: "none", model_id: null, commendation_id: null }),
    ]);
  });

  it("suspends the model a major finding is about, through the model's lifecycle, audited", async () => {
    const id = await plannedInspection(h);
    const model = await demoModel(h, "TL-HPN", "active");
    accepted(
      await h.app.run(
        recordInspectionFinding,
        await h.as("thanhliem.admin"),
        finding(id, { severity: "major", description: "Số liệu không trung thực", modelId: model.id }),
      ),
    );
    const stored = await h.database.db
      .selectFrom("models")
      .select(["status", "version"])
      .where("id", "=", model.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: "suspended", version: model.version + 1 });
    const history = await h.database.db
      .selectFrom("model_status_history")
      .select(["to_status", "reason"])
      .where("model_id", "=", model.id)
      .orderBy("at", "desc")
      .executeTakeFirstOrThrow();
    expect(history).toEqual({ to_status: "suspended", reason: "Số liệu không trung thực" });
    expect((await auditOf(model.id)).map((a) => a.action)).toEqual(["model.suspend"]);
    expect((await auditOf(id)).map((a) => a.action)).toEqual(["planInspection", "recordInspectionFinding"]);
  });

  it("suspends the commendation a critical finding is about from the day recorded, audited", async () => {
    const id = await plannedInspection(h);
    const model = await demoModel(h, "TL-HPN", "active", 1);
    const commendationId = await commendModel(h, model.id, "eeeeeeee-0000-4000-8000-000000000001");
    accepted(
      await h.app.run(
        recordInspectionFinding,
        await h.as("thanhliem.admin"),
        finding(id, { severity: "critical", commendationId }),
      ),
    );
    const suspensions = await h.database.db
      .selectFrom("commendation_suspensions")
      .select(["suspended_from", "suspended_until", "reason"])
      .where("commendation_id", "=", commendationId)
      .execute();
    expect(suspensions).toEqual([
      { suspended_from: "2023-08-20", suspended_until: null, reason: "Sổ sách ghi chép chưa đầy đủ" },
    ]);
    expect((await auditOf(commendationId)).map((a) => a.action)).toEqual(["commendation.suspend"]);
  });

  it("refuses a model of another unit, changing nothing", async () => {
    const id = await plannedInspection(h);
    const foreign = await demoModel(h, "TL-THANHHA-UBND", "active");
    const input = finding(id, { severity: "major", modelId: foreign.id });
    await h.expectRefusal("INSPECTION.SUBJECT_OUTSIDE_UNIT", async () =>
      h.app.run(recordInspectionFinding, await h.as("thanhliem.admin"), input),
    );
  });

  it("refuses a stale inspection version, changing nothing", async () => {
    const id = await plannedInspection(h);
    await h.expectRefusal("DB.STALE_VERSION", async () =>
      h.app.run(recordInspectionFinding, await h.as("thanhliem.admin"), finding(id, { expectedVersion: 2 })),
    );
  });

  it("refuses an inspection that does not exist, changing nothing", async () => {
    await h.expectRefusal("INSPECTION.NOT_FOUND", async () =>
      h.app.run(
        recordInspectionFinding,
        await h.as("thanhliem.admin"),
        finding("00000000-0000-4000-8000-0000000000aa"),
      ),
    );
  });

  it("refuses a finding about a model and a commendation at once as INPUT.INVALID, changing nothing", async () => {
    const id = await plannedInspection(h);
    const input = finding(id, {
      modelId: "00000000-0000-4000-8000-0000000000b1",
      commendationId: "00000000-0000-4000-8000-0000000000b2",
    });
    await h.expectRefusal("INPUT.INVALID", async () =>
      h.app.run(recordInspectionFinding, await h.as("thanhliem.admin"), input),
    );
  });

  it("rolls the whole finding back when the model cannot be suspended (an archived model), changing nothing", async () => {
    const id = await plannedInspection(h);
    const model = await demoModel(h, "TL-HPN", "active", 2);
    await h.database.db.updateTable("models").set({ status: "archived" }).where("id", "=", model.id).execute();
    await h.expectRefusal("MODEL.TRANSITION_NOT_ALLOWED", async () =>
      h.app.run(
        recordInspectionFinding,
        await h.as("thanhliem.admin"),
        finding(id, { severity: "major", modelId: model.id }),
      ),
    );
  });
});
