import { findUnitWithParentName, insertReportDraft } from "@lantoa/db";
import { defaultReportDraft, parseReportDraft } from "@lantoa/domain/document";
import { err, ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { holdsRoleOver, STAFF_ROLES } from "../access/roles.js";
import { forbidden } from "../errors/forbidden.js";
import { notFound } from "../errors/not-found.js";
import { defineUseCase } from "../runner/use-case.js";
import { RecordId } from "../shared/input-schemas.js";
import { ReportYear } from "./report-draft-inputs.js";

/** A new periodic report for a unit's subtree and a span of years. */
export const CreateReportDraftInput = z.object({
  unitId: RecordId,
  fromYear: ReportYear,
  toYear: ReportYear,
});

/**
 * Starts a report draft for the unit's staff, filled with the unit's defaults (its place,
 * its superior, a subject for the period) and dated today, or the period's last day when
 * that came first. Audited.
 */
export const createReportDraft = defineUseCase({
  name: "createReportDraft",
  input: CreateReportDraftInput,
  run: async (scope, input) => {
    const unit = await findUnitWithParentName(scope.trx, input.unitId);
    if (!unit) return err(notFound("unit", input.unitId));
    if (!holdsRoleOver(scope.actor, STAFF_ROLES, unit.path)) return err(forbidden());
    const lastDay = `${input.toYear}-12-31`;
    const draft = parseReportDraft(
      defaultReportDraft({
        unitId: unit.id,
        unitName: unit.name,
        parentName: unit.parentName,
        fromYear: input.fromYear,
        toYear: input.toYear,
        reportDate: scope.today < lastDay ? scope.today : lastDay,
      }),
    );
    if (!draft.ok) return draft;
    const id = scope.newId();
    await insertReportDraft(scope.trx, id, draft.value);
    await scope.audit({ action: "createReportDraft", entity: "report_draft", entityId: id, after: draft.value });
    return ok({ id });
  },
});
