import {
  type DbTransaction,
  insertFinding,
  loadCommendation,
  lockInspection,
  modelOwnerPath,
  saveCommendation,
  staleVersion,
  updateVersioned,
} from "@lantoa/db";
import { type DomainError, domainError, err, ok, type Result } from "@lantoa/domain/errors";
import {
  type FindingImplication,
  FindingSeveritySchema,
  findingImplications,
  type InspectionFinding,
  suspendCommendation,
} from "@lantoa/domain/register";
import * as z from "zod";
import { notFound } from "../errors/not-found.js";
import { changeModelStatus } from "../models/change-model-status.js";
import { notifyCommendationSuspended } from "../notifications/notify-commendation-suspended.js";
import { defineUseCase, orRefuse, type UseCaseScope } from "../runner/use-case.js";
import { ExpectedVersion, IsoDay, RecordId, requiredText } from "../shared/input-schemas.js";

/** A finding is about the unit in general, one of its models, or one of its commendations, never two things. */
export function isAboutOneSubject(input: { modelId?: unknown; commendationId?: unknown }): boolean {
  return !(input.modelId && input.commendationId);
}

/** A finding to record against an inspection read at `expectedVersion`. */
export const RecordInspectionFindingInput = z
  .object({
    inspectionId: RecordId,
    severity: FindingSeveritySchema,
    description: requiredText(5000),
    recordedOn: IsoDay,
    /** When the finding is about one of the unit's models. */
    modelId: RecordId.nullish(),
    /** When the finding is about one of the unit's commendations. */
    commendationId: RecordId.nullish(),
    /** The inspection's version. */
    expectedVersion: ExpectedVersion,
  })
  .refine(isAboutOneSubject, { message: "A finding is about a model or a commendation, not both." });

/**
 * Records a finding and, in the same transaction, applies what the domain says it implies
 * (`findingImplications`): from major severity, a finding about a model suspends the
 * model (through the model's lifecycle, so the inspector needs that authority) and one
 * about a commendation suspends the commendation from the day recorded. The inspection
 * becomes visited. Each change is audited.
 */
export const recordInspectionFinding = defineUseCase({
  name: "recordInspectionFinding",
  input: RecordInspectionFindingInput,
  run: async (scope, input) => {
    const { trx } = scope;
    const inspection = await lockInspection(trx, input.inspectionId);
    if (!inspection) return err(notFound("inspection", input.inspectionId));
    if (inspection.version !== input.expectedVersion) {
      return err(staleVersion("inspection", input.inspectionId, input.expectedVersion));
    }
    if (inspection.status === "closed") return err(inspectionClosed(input.inspectionId));
    const subject = await findingSubject(trx, inspection.unit_path, input.modelId, input.commendationId);
    if (!subject.ok) return subject;
    const finding: InspectionFinding = {
      id: scope.newId(),
      severity: input.severity,
      description: input.description,
      recordedOn: input.recordedOn,
      subject: subject.value,
      correctiveActions: [],
      reverification: null,
    };
    const implications = findingImplications(finding);
    await insertFinding(trx, {
      id: finding.id,
      inspection_id: input.inspectionId,
      severity: finding.severity,
      description: finding.description,
      recorded_on: finding.recordedOn,
      model_id: subject.value.kind === "model" ? subject.value.modelId : null,
      commendation_id: subject.value.kind === "commendation" ? subject.value.commendationId : null,
      effect: effectOf(implications),
    });
    for (const implication of implications) await apply(scope, implication);
    const saved = await updateVersioned(trx, "inspections", input.inspectionId, input.expectedVersion, {
      status: "visited",
      visited_on: inspection.visited_on ?? input.recordedOn,
    });
    if (!saved.ok) return saved;
    await scope.audit({
      action: "recordInspectionFinding",
      entity: "inspection",
      entityId: input.inspectionId,
      after: { finding, implications },
    });
    return ok({ id: input.inspectionId });
  },
});

function effectOf(implications: readonly FindingImplication[]) {
  if (implications.some((i) => i.kind === "suspend-model")) return "suspend-model" as const;
  if (implications.some((i) => i.kind === "suspend-commendation")) return "suspend-commendation" as const;
  return "none" as const;
}

async function apply(scope: UseCaseScope, implication: FindingImplication): Promise<void> {
  switch (implication.kind) {
    case "suspend-model":
      orRefuse(
        await changeModelStatus(scope, {
          modelId: implication.modelId,
          command: { kind: "suspend", reason: implication.reason },
        }),
      );
      return;
    case "suspend-commendation": {
      const loaded = await loadCommendation(scope.trx, implication.commendationId, { forUpdate: true });
      if (!loaded) return orRefuse(err(notFound("commendation", implication.commendationId)));
      const decided = orRefuse(
        suspendCommendation(loaded.commendation, {
          from: implication.from,
          reason: implication.reason,
          findingId: implication.findingId,
        }),
      );
      orRefuse(await saveCommendation(scope.trx, decided, loaded.version));
      await scope.audit({
        action: "commendation.suspend",
        entity: "commendation",
        entityId: loaded.commendation.id,
        before: loaded.commendation.suspensions,
        after: decided.suspensions,
      });
      await notifyCommendationSuspended(scope, loaded.commendation, implication.reason);
      return;
    }
    // A new finding is never already re-verified, so nothing is reinstated or lifted here.
    case "reinstate-model":
    case "lift-commendation-suspension":
      return;
    default: {
      const never: never = implication;
      return never;
    }
  }
}

function inspectionClosed(inspectionId: string): DomainError {
  return domainError(
    "INSPECTION.CLOSED",
    { vi: "Cuộc kiểm tra đã kết thúc.", en: "The inspection is closed." },
    { inspectionId },
  );
}

/** The finding's subject, checked to belong to the inspected unit's subtree. */
async function findingSubject(
  trx: DbTransaction,
  unitPath: string,
  modelId: string | null | undefined,
  commendationId: string | null | undefined,
): Promise<Result<InspectionFinding["subject"]>> {
  if (modelId) {
    const ownerPath = await modelOwnerPath(trx, modelId);
    return ownerPath?.startsWith(unitPath) ? ok({ kind: "model", modelId }) : err(outsideUnit(modelId));
  }
  if (commendationId) {
    const loaded = await loadCommendation(trx, commendationId);
    return loaded?.unitPath?.startsWith(unitPath)
      ? ok({ kind: "commendation", commendationId })
      : err(outsideUnit(commendationId));
  }
  return ok({ kind: "unit" });
}

function outsideUnit(id: string): DomainError {
  return domainError(
    "INSPECTION.SUBJECT_OUTSIDE_UNIT",
    {
      vi: "Kết luận chỉ nói về mô hình hoặc khen thưởng của đơn vị được kiểm tra.",
      en: "A finding may only concern a model or commendation of the inspected unit.",
    },
    { id },
  );
}
