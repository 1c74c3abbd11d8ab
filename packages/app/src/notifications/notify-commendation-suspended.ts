import { modelLabels, unitStaffOf } from "@lantoa/db";
import type { Commendation } from "@lantoa/domain/register";
import type { UseCaseScope } from "../runner/use-case.js";
import { notify } from "./notify.js";

/**
 * Tells the staff of the commended unit (the model's owner for a model's commendation, the
 * person's unit for a person's) that an inspection finding suspended the commendation.
 */
export async function notifyCommendationSuspended(
  scope: UseCaseScope,
  commendation: Commendation,
  reason: string,
): Promise<void> {
  const recipient = commendation.recipient;
  const model =
    recipient.kind === "model" ? (await modelLabels(scope.trx, [recipient.modelId])).get(recipient.modelId) : undefined;
  const unitId = recipient.kind === "model" ? model?.ownerUnitId : recipient.unitId;
  if (!unitId) return;
  await notify(scope, "commendation-suspended", await unitStaffOf(scope.trx, [unitId]), () => ({
    commendationId: commendation.id,
    decisionNumber: commendation.decisionNumber,
    modelId: recipient.kind === "model" ? recipient.modelId : null,
    modelCode: model?.code ?? commendation.decisionNumber,
    modelName: model?.name ?? "",
    reason,
  }));
}
