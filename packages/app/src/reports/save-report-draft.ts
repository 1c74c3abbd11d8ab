import { reportDraftFromRow, saveReportDraft as saveDraft } from "@lantoa/db";
import { parseReportDraft } from "@lantoa/domain/document";
import { ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";
import { ExpectedVersion, IsoDay, RecordId } from "../shared/input-schemas.js";
import { lockDraftForStaff } from "./lock-draft-for-staff.js";
import { ReportSectionsInput, ReportYear, sectionsByKey } from "./report-draft-inputs.js";

/** A draft's parts as staff wrote them; the unit stays the draft's. */
export const SaveReportDraftInput = z.object({
  draftId: RecordId,
  fromYear: ReportYear,
  toYear: ReportYear,
  superiorBody: z.string().max(300),
  issuingBody: z.string().max(300),
  numberSymbol: z.string().max(64),
  place: z.string().max(100),
  reportDate: IsoDay,
  subject: z.string().max(500),
  sections: ReportSectionsInput,
  recipients: z.array(z.string().max(300)).max(30),
  signerTitle: z.string().max(200),
  signerName: z.string().max(200),
  expectedVersion: ExpectedVersion,
});

/**
 * Saves a report draft if nobody saved it since `expectedVersion`; the domain judges the
 * whole (`REPORT.INVALID`: a period ending before it starts, a report dated before its
 * period, an empty issuing body or subject). Blank recipient lines are dropped. Audited
 * with before and after.
 */
export const saveReportDraft = defineUseCase({
  name: "saveReportDraft",
  input: SaveReportDraftInput,
  run: async (scope, input) => {
    const locked = await lockDraftForStaff(scope, input.draftId, input.expectedVersion);
    if (!locked.ok) return locked;
    const row = locked.value;
    const before = reportDraftFromRow(row);
    const draft = parseReportDraft({
      unitId: row.unit_id,
      fromYear: input.fromYear,
      toYear: input.toYear,
      superiorBody: input.superiorBody,
      issuingBody: input.issuingBody,
      numberSymbol: input.numberSymbol,
      place: input.place,
      reportDate: input.reportDate,
      subject: input.subject,
      sections: sectionsByKey(input.sections),
      recipients: input.recipients.map((r) => r.trim()).filter((r) => r !== ""),
      signerTitle: input.signerTitle,
      signerName: input.signerName,
    });
    if (!draft.ok) return draft;
    const saved = await saveDraft(scope.trx, input.draftId, draft.value, input.expectedVersion, scope.now);
    if (!saved.ok) return saved;
    await scope.audit({
      action: "saveReportDraft",
      entity: "report_draft",
      entityId: input.draftId,
      before,
      after: draft.value,
    });
    return ok({ id: input.draftId, version: saved.value.version });
  },
});
