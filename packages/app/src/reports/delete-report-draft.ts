import { deleteReportDraft as deleteDraft, findReportDraft, reportDraftFromRow, staleVersion } from "@lantoa/db";
import { err, ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { holdsRoleOver, STAFF_ROLES } from "../access/roles.js";
import { forbidden } from "../errors/forbidden.js";
import { notFound } from "../errors/not-found.js";
import { defineUseCase } from "../runner/use-case.js";
import { ExpectedVersion, RecordId } from "../shared/input-schemas.js";

/** A draft to throw away, as read at `expectedVersion`. */
export const DeleteReportDraftInput = z.object({ draftId: RecordId, expectedVersion: ExpectedVersion });

/** Deletes a report draft nobody changed since it was read. Audited with what it held. */
export const deleteReportDraft = defineUseCase({
  name: "deleteReportDraft",
  input: DeleteReportDraftInput,
  run: async (scope, input) => {
    const row = await findReportDraft(scope.trx, input.draftId, { forUpdate: true });
    if (!row) return err(notFound("report", input.draftId));
    if (!holdsRoleOver(scope.actor, STAFF_ROLES, row.unit_path)) return err(forbidden());
    if (row.version !== input.expectedVersion) {
      return err(staleVersion("report_draft", input.draftId, input.expectedVersion));
    }
    await deleteDraft(scope.trx, input.draftId);
    await scope.audit({
      action: "deleteReportDraft",
      entity: "report_draft",
      entityId: input.draftId,
      before: reportDraftFromRow(row),
    });
    return ok({ id: input.draftId });
  },
});
