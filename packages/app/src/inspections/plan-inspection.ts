import { insertInspection } from "@lantoa/db";
import { ok } from "@lantoa/domain/errors";
import { parseInspectionPlan } from "@lantoa/domain/register";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";
import { IsoDay, RecordId } from "../shared/input-schemas.js";
import { requireUnits } from "../shared/require-units.js";

/** A planned inspection of one unit by another, over a period. */
export const PlanInspectionInput = z.object({
  inspectedUnitId: RecordId,
  inspectingUnitId: RecordId,
  /** First day of the period inspected. */
  periodFrom: IsoDay,
  /** Last day of the period inspected. */
  periodTo: IsoDay,
  /** The planned visit day. */
  plannedOn: IsoDay,
  notes: z.string().trim().max(5000).nullish(),
});

/**
 * Plans an inspection; the domain judges the plan (a period that ends before it starts
 * is refused). Audited.
 */
export const planInspection = defineUseCase({
  name: "planInspection",
  input: PlanInspectionInput,
  run: async (scope, input) => {
    const units = await requireUnits(scope.trx, [input.inspectedUnitId, input.inspectingUnitId]);
    if (!units.ok) return units;
    const plan = parseInspectionPlan({
      id: scope.newId(),
      kind: "inspection",
      inspectedUnitId: input.inspectedUnitId,
      inspectingUnitId: input.inspectingUnitId,
      period: { from: input.periodFrom, to: input.periodTo },
      visits: [],
      findings: [],
    });
    if (!plan.ok) return plan;
    const notes = input.notes ?? null;
    await insertInspection(scope.trx, {
      id: plan.value.id,
      unit_id: plan.value.inspectedUnitId,
      inspecting_unit_id: plan.value.inspectingUnitId,
      period: `${plan.value.period.from}/${plan.value.period.to}`,
      planned_on: input.plannedOn,
      status: "planned",
      notes,
    });
    await scope.audit({
      action: "planInspection",
      entity: "inspection",
      entityId: plan.value.id,
      after: { ...plan.value, plannedOn: input.plannedOn, notes },
    });
    return ok({ id: plan.value.id });
  },
});
