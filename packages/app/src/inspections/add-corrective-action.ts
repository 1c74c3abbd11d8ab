import { findFindingWithInspection, insertCorrectiveAction } from "@lantoa/db";
import { err, ok } from "@lantoa/domain/errors";
import { parseInspectionPlan } from "@lantoa/domain/register";
import * as z from "zod";
import { notFound } from "../errors/not-found.js";
import { defineUseCase } from "../runner/use-case.js";
import { IsoDay, RecordId, requiredText } from "../shared/input-schemas.js";

/** A corrective action a finding requires, due by a day. */
export const AddCorrectiveActionInput = z.object({
  findingId: RecordId,
  description: requiredText(5000),
  dueOn: IsoDay,
});

/**
 * Requires a corrective action of a finding. The whole plan around it is judged by the
 * domain, so an action may not fall due before its finding. Audited.
 */
export const addCorrectiveAction = defineUseCase({
  name: "addCorrectiveAction",
  input: AddCorrectiveActionInput,
  run: async (scope, input) => {
    const found = await findFindingWithInspection(scope.trx, input.findingId);
    if (!found) return err(notFound("finding", input.findingId));
    const actionId = scope.newId();
    const [from, to] = found.period.includes("/") ? found.period.split("/") : [found.planned_on, found.planned_on];
    const plan = parseInspectionPlan({
      id: found.inspection_id,
      kind: "inspection",
      inspectedUnitId: found.unit_id,
      inspectingUnitId: found.inspecting_unit_id,
      period: { from, to },
      visits: [],
      findings: [
        {
          id: found.id,
          severity: found.severity,
          description: found.description,
          recordedOn: found.recorded_on ?? found.planned_on,
          subject: { kind: "unit" },
          correctiveActions: [
            { id: actionId, description: input.description, dueDate: input.dueOn, completedOn: null, verifiedOn: null },
          ],
          reverification: null,
        },
      ],
    });
    if (!plan.ok) return plan;
    await insertCorrectiveAction(scope.trx, {
      id: actionId,
      finding_id: input.findingId,
      description: input.description,
      due_on: input.dueOn,
      status: "open",
      verified_on: null,
      verified_by: null,
    });
    await scope.audit({
      action: "addCorrectiveAction",
      entity: "corrective_action",
      entityId: actionId,
      after: input,
    });
    return ok({ id: actionId });
  },
});
