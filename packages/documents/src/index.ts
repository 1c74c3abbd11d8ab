export type { CertificateSheet } from "./certificate/certificate-sheet.js";
export { renderCertificates } from "./certificate/render-certificates.js";
export { DOCX_FONT, notoSerif } from "./fonts.js";
export { type PdfContent, type PdfDefinition, renderPdf } from "./pdf/render-pdf.js";
export { composeReport } from "./report/compose-report.js";
export { formatCount, formatOutcome } from "./report/format-figures.js";
export type { ReportBlock, ReportDocument, ReportTable } from "./report/report-document.js";
export { renderReportDocx } from "./report/report-docx.js";
export { renderReportPdf } from "./report/report-pdf.js";
