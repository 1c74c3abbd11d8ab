export { administrativeDate, placeAndDate } from "./administrative-date.js";
export { defaultReportDraft } from "./default-report-draft.js";
export { placeNameOf } from "./place-name-of.js";
export {
  parseReportDraft,
  type ReportDraft,
  ReportDraftSchema,
  type ReportSectionKey,
  ReportSectionKeySchema,
  reportSectionHeadings,
  reportSectionKeys,
} from "./report-draft.js";
