export { CreateReportDraftInput, createReportDraft } from "./create-report-draft.js";
export { DeleteReportDraftInput, deleteReportDraft } from "./delete-report-draft.js";
export { ReportSectionsInput, ReportYear } from "./report-draft-inputs.js";
export { SaveReportDraftInput, saveReportDraft } from "./save-report-draft.js";
