import { deleteReportDraft as deleteDraft, reportDraftFromRow } from "@lantoa/db";
import { ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";
import { ExpectedVersion, RecordId } from "../shared/input-schemas.js";
import { lockDraftForStaff } from "./lock-draft-for-staff.js";

/** A draft to throw away, as read at `expectedVersion`. */
export const DeleteReportDraftInput = z.object({ draftId: RecordId, expectedVersion: ExpectedVersion });

/** Deletes a report draft nobody changed since it was read. Audited with what it held. */
export const deleteReportDraft = defineUseCase({
  name: "deleteReportDraft",
  input: DeleteReportDraftInput,
  run: async (scope, input) => {
    const locked = await lockDraftForStaff(scope, input.draftId, input.expectedVersion);
    if (!locked.ok) return locked;
    const row = locked.value;
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
