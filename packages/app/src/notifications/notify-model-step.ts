import { modelLabels, nearestAdminsAbove, unitStaffOf } from "@lantoa/db";
import type { UseCaseScope } from "../runner/use-case.js";
import { notify } from "./notify.js";

/**
 * Tells who acts next on a model's step: a submission goes to the admins of the nearest unit
 * above the owner that has any (who approve it), and so does its withdrawal (it no longer
 * waits for them); a return or an approval goes to the staff of the owner unit (who filed
 * it). Other steps notify nobody.
 */
export async function notifyModelStep(
  scope: UseCaseScope,
  modelId: string,
  step: string,
  reason: string | null,
): Promise<void> {
  if (step !== "submit" && step !== "withdraw" && step !== "return" && step !== "approve") return;
  const model = (await modelLabels(scope.trx, [modelId])).get(modelId);
  if (!model) return;
  const payload = { modelId, modelCode: model.code, modelName: model.name, reason };
  if (step === "submit" || step === "withdraw") {
    const kind = step === "submit" ? "model-submitted" : "model-withdrawn";
    await notify(scope, kind, await nearestAdminsAbove(scope.trx, model.ownerPath), () => payload);
    return;
  }
  const staff = await unitStaffOf(scope.trx, [model.ownerUnitId]);
  await notify(scope, step === "return" ? "model-returned" : "model-approved", staff, () => payload);
}
