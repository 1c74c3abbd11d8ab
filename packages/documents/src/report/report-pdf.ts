import { placeAndDate } from "@lantoa/domain/document";
import { type PdfContent, renderPdf } from "../pdf/render-pdf.js";
import type { ReportBlock, ReportDocument } from "./report-document.js";

/** Points per millimetre. */
const MM = 72 / 25.4;

function bodyBlock(block: ReportBlock): PdfContent {
  switch (block.kind) {
    case "heading":
      return { text: block.text, bold: true, fontSize: 13, margin: [28, 6, 0, 3] };
    case "paragraph":
      return {
        text: block.text,
        italics: block.draft ?? false,
        alignment: "justify",
        leadingIndent: 28,
        lineHeight: 1.2,
        margin: [0, 0, 0, 6],
      };
    case "table": {
      const total = block.widths.reduce((sum, w) => sum + w, 0);
      return {
        margin: [0, 2, 0, 8],
        fontSize: 11,
        table: {
          headerRows: 1,
          widths: block.widths.map((w) => `${((w / total) * 100).toFixed(2)}%`),
          body: [
            block.headers.map((h) => ({ text: h, bold: true, alignment: "center" as const })),
            ...block.rows.map((row) =>
              row.map((text, i) => ({ text, alignment: block.numeric[i] ? ("right" as const) : ("left" as const) })),
            ),
          ],
        },
      };
    }
    default: {
      const never: never = block;
      return never;
    }
  }
}

/**
 * The same periodic report as a PDF, laid out like the DOCX (Nghị định 30 margins and
 * parts) in the embedded Noto Serif, for reading and printing where Word is not at hand.
 *
 * @example await writeFile("bao-cao.pdf", await renderReportPdf(composeReport(draft, figures)));
 */
export function renderReportPdf(report: ReportDocument): Promise<Uint8Array> {
  const d = report.draft;
  const recipients = d.recipients.map((r, i) => `- ${r}${i === d.recipients.length - 1 ? "." : ";"}`);
  return renderPdf({
    info: { title: `Báo cáo ${d.subject}`, creator: "Lan Tỏa" },
    pageSize: "A4",
    pageMargins: [30 * MM, 20 * MM, 15 * MM, 20 * MM],
    defaultStyle: { fontSize: 13 },
    header: (page) =>
      page === 1 ? null : { text: String(page), alignment: "center", fontSize: 11, margin: [0, 24, 0, 0] },
    content: [
      {
        columns: [
          {
            width: "40%",
            alignment: "center",
            fontSize: 12,
            stack: [
              ...(d.superiorBody ? [{ text: d.superiorBody.toLocaleUpperCase("vi") }] : []),
              { text: d.issuingBody.toLocaleUpperCase("vi"), bold: true },
              { text: "———" },
              { text: `Số: ${d.numberSymbol || "…"}` },
            ],
          },
          {
            width: "60%",
            alignment: "center",
            fontSize: 12,
            stack: [
              { text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true },
              { text: "Độc lập - Tự do - Hạnh phúc", bold: true, decoration: "underline", fontSize: 13 },
              { text: placeAndDate(d.place, d.reportDate), italics: true, fontSize: 13, margin: [0, 8, 0, 0] },
            ],
          },
        ],
      },
      { text: "BÁO CÁO", bold: true, alignment: "center", fontSize: 14, margin: [0, 18, 0, 0] },
      { text: d.subject, bold: true, alignment: "center", fontSize: 13 },
      { text: "———", alignment: "center", margin: [0, 0, 0, 10] },
      ...report.blocks.map(bodyBlock),
      {
        margin: [0, 16, 0, 0],
        unbreakable: true,
        columns: [
          {
            width: "50%",
            stack: [
              { text: "Nơi nhận:", bold: true, italics: true, fontSize: 11 },
              ...recipients.map((r) => ({ text: r, fontSize: 10 })),
            ],
          },
          {
            width: "50%",
            alignment: "center",
            stack: [
              { text: d.signerTitle.toLocaleUpperCase("vi"), bold: true },
              { text: "(Ký, ghi rõ họ tên, đóng dấu)", italics: true, fontSize: 10 },
              { text: d.signerName, bold: true, margin: [0, 48, 0, 0] },
            ],
          },
        ],
      },
    ],
  });
}
