import { planInspection, recordInspectionFinding } from "@lantoa/app";
import { type AppHarness, accepted } from "./app-harness.js";

/** A new inspection of TL-HPN's first half of 2023 by TL-CB-TT, planned 2023-08-15 by the district's admin; its id. */
export async function plannedInspection(h: AppHarness): Promise<string> {
  const { id } = accepted(
    await h.app.run(planInspection, await h.as("thanhliem.admin"), {
      inspectedUnitId: await h.unit("TL-HPN"),
      inspectingUnitId: await h.unit("TL-CB-TT"),
      periodFrom: "2023-01-01",
      periodTo: "2023-06-30",
      plannedOn: "2023-08-15",
    }),
  );
  return id;
}

/** A minor finding recorded on 2023-08-20 in a {@link plannedInspection}, by the district's admin; its id. */
export async function minorFinding(h: AppHarness): Promise<string> {
  const admin = await h.as("thanhliem.admin");
  const inspectionId = await plannedInspection(h);
  accepted(
    await h.app.run(recordInspectionFinding, admin, {
      inspectionId,
      severity: "minor",
      description: "Sổ sách chưa đầy đủ",
      recordedOn: "2023-08-20",
      expectedVersion: 1,
    }),
  );
  const row = await h.database.db
    .selectFrom("inspection_findings")
    .select("id")
    .where("inspection_id", "=", inspectionId)
    .executeTakeFirstOrThrow();
  return row.id;
}
