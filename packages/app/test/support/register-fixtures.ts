import { issueCommendation, recordInspectionFinding } from "@lantoa/app";
import { type AppHarness, accepted } from "./app-harness.js";
import { demoModel } from "./fixtures.js";
import { plannedInspection } from "./inspection-fixtures.js";

/** What `issueCommendation` needs for a certificate of merit of TL-HPN's first active model, decided 2023-05-19. */
export async function commendationInput(h: AppHarness) {
  const model = await demoModel(h, "TL-HPN", "active");
  return {
    modelId: model.id,
    decisionNumber: h.unique("QĐ-"),
    decisionDate: "2023-05-19",
    issuer: "Ban Thường vụ Huyện ủy Thanh Liêm",
    level: "district",
    form: "certificate-of-merit",
  };
}

/** A commendation in force (version 1), issued by the district admin. */
export async function issuedCommendation(h: AppHarness): Promise<string> {
  const { id } = accepted(
    await h.app.run(issueCommendation, await h.as("thanhliem.admin"), await commendationInput(h)),
  );
  return id;
}

/**
 * A commendation suspended from 2023-08-20 by a major finding of an inspection of
 * TL-HPN (now at version 2), both through their use cases.
 */
export async function suspendedCommendation(h: AppHarness): Promise<string> {
  const admin = await h.as("thanhliem.admin");
  const commendationId = await issuedCommendation(h);
  const inspectionId = await plannedInspection(h);
  accepted(
    await h.app.run(recordInspectionFinding, admin, {
      inspectionId,
      severity: "major",
      description: "Thành tích chưa có minh chứng",
      recordedOn: "2023-08-20",
      commendationId,
      expectedVersion: 1,
    }),
  );
  return commendationId;
}
