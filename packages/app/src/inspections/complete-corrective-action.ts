import { lockCorrectiveAction, staleVersion, updateVersioned } from "@lantoa/db";
import { domainError, err, ok } from "@lantoa/domain/errors";
import { CorrectiveActionSchema } from "@lantoa/domain/register";
import * as z from "zod";
import { notFound } from "../errors/not-found.js";
import { defineUseCase } from "../runner/use-case.js";
import { ExpectedVersion, IsoDay, RecordId } from "../shared/input-schemas.js";
import { correctiveActionFromRow } from "./corrective-action-from-row.js";

/** The inspected unit's report that a corrective action is done. */
export const CompleteCorrectiveActionInput = z.object({
  actionId: RecordId,
  completedOn: IsoDay,
  expectedVersion: ExpectedVersion,
});

/** Records a corrective action completed on a day, once; the domain checks the day against the action. Audited. */
export const completeCorrectiveAction = defineUseCase({
  name: "completeCorrectiveAction",
  input: CompleteCorrectiveActionInput,
  run: async (scope, input) => {
    const id = input.actionId;
    const row = await lockCorrectiveAction(scope.trx, id);
    if (!row) return err(notFound("action", id));
    if (row.version !== input.expectedVersion) return err(staleVersion("corrective_action", id, input.expectedVersion));
    if (row.completed_on !== null) {
      return err(
        domainError(
          "INSPECTION.ACTION_ALREADY_COMPLETED",
          { vi: "Biện pháp khắc phục này đã hoàn thành.", en: "This corrective action is already completed." },
          { id, completedOn: row.completed_on },
        ),
      );
    }
    const action = CorrectiveActionSchema.safeParse({
      ...correctiveActionFromRow(row),
      completedOn: input.completedOn,
    });
    if (!action.success) {
      return err(
        domainError(
          "INSPECTION.INVALID",
          { vi: "Biện pháp khắc phục không hợp lệ", en: "Invalid corrective action" },
          { issues: action.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
        ),
      );
    }
    const saved = await updateVersioned(scope.trx, "corrective_actions", id, input.expectedVersion, {
      status: "done",
      completed_on: input.completedOn,
    });
    if (!saved.ok) return saved;
    await scope.audit({
      action: "completeCorrectiveAction",
      entity: "corrective_action",
      entityId: id,
      before: { status: row.status, version: row.version },
      after: { status: "done", completedOn: input.completedOn, version: saved.value.version },
    });
    return ok({ id });
  },
});
