import { placeAndDate } from "@lantoa/domain/document";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { DOCX_FONT } from "../fonts.js";
import type { ReportBlock, ReportDocument, ReportTable } from "./report-document.js";

/** Twips per millimetre (Word measures pages in twentieths of a point). */
const MM = 56.7;
/** Font sizes in half-points, as Word counts them. */
const pt = (points: number) => points * 2;

interface RunStyle {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly underline?: boolean;
  readonly size?: number;
}

function line(
  text: string,
  style: RunStyle = {},
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER,
  after = 0,
) {
  return new Paragraph({
    alignment,
    spacing: { after },
    children: [
      new TextRun({
        text,
        bold: style.bold ?? false,
        italics: style.italics ?? false,
        ...(style.underline ? { underline: {} } : {}),
        size: pt(style.size ?? 13),
      }),
    ],
  });
}

function cell(children: Paragraph[], widthPercent: number) {
  return new TableCell({ children, width: { size: widthPercent, type: WidthType.PERCENTAGE } });
}

/** Two columns without borders: the header (issuer | national title) and the foot (recipients | signature). */
function sideBySide(left: Paragraph[], right: Paragraph[], leftWidth: number) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, leftWidth), cell(right, 100 - leftWidth)] })],
  });
}

function headerBlock(report: ReportDocument) {
  const d = report.draft;
  const left = [
    ...(d.superiorBody ? [line(d.superiorBody.toLocaleUpperCase("vi"))] : []),
    line(d.issuingBody.toLocaleUpperCase("vi"), { bold: true }),
    line("———", {}, AlignmentType.CENTER),
    line(`Số: ${d.numberSymbol || "…"}`),
  ];
  const right = [
    line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true }),
    line("Độc lập - Tự do - Hạnh phúc", { bold: true, underline: true, size: 14 }),
    line(""),
    line(placeAndDate(d.place, d.reportDate), { italics: true, size: 14 }),
  ];
  return sideBySide(left, right, 40);
}

function tableBlock(block: ReportTable) {
  const total = block.widths.reduce((sum, w) => sum + w, 0);
  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const row = (cells: readonly string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      children: cells.map(
        (text, i) =>
          new TableCell({
            width: { size: Math.round(((block.widths[i] ?? 1) / total) * 100), type: WidthType.PERCENTAGE },
            children: [
              new Paragraph({
                alignment: header ? AlignmentType.CENTER : block.numeric[i] ? AlignmentType.RIGHT : AlignmentType.LEFT,
                children: [new TextRun({ text, bold: header, size: pt(12) })],
              }),
            ],
          }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [row(block.headers, true), ...block.rows.map((r) => row(r, false))],
  });
}

function bodyBlock(block: ReportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case "heading":
      return [
        new Paragraph({
          spacing: { before: 120, after: 60 },
          indent: { firstLine: Math.round(10 * MM) },
          children: [new TextRun({ text: block.text, bold: true, size: pt(14) })],
        }),
      ];
    case "paragraph":
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: { after: 120, line: 300 },
          indent: { firstLine: Math.round(10 * MM) },
          children: [new TextRun({ text: block.text, size: pt(14), italics: block.draft ?? false })],
        }),
      ];
    case "table":
      return [tableBlock(block), new Paragraph({ spacing: { after: 60 }, children: [] })];
    default: {
      const never: never = block;
      return never;
    }
  }
}

function footBlock(report: ReportDocument) {
  const d = report.draft;
  const recipients = d.recipients.map((r, i) =>
    line(`- ${r}${i === d.recipients.length - 1 ? "." : ";"}`, { size: 11 }, AlignmentType.LEFT),
  );
  const left = [line("Nơi nhận:", { bold: true, italics: true, size: 12 }, AlignmentType.LEFT), ...recipients];
  const right = [
    line(d.signerTitle.toLocaleUpperCase("vi"), { bold: true, size: 14 }),
    line("(Ký, ghi rõ họ tên, đóng dấu)", { italics: true, size: 11 }),
    line(""),
    line(""),
    line(""),
    line(d.signerName, { bold: true, size: 14 }),
  ];
  return sideBySide(left, right, 50);
}

/**
 * A periodic report as a Word document in the Nghị định 30/2020/NĐ-CP layout: A4 with
 * its margins (top and bottom 20 mm, left 30 mm, right 15 mm), Times New Roman, the
 * issuer and number on the left and the national title, motto, place and date on the
 * right, "BÁO CÁO" and the subject line, the body, then the recipients and the
 * signature; page numbers at the top from the second page.
 *
 * @example await writeFile("bao-cao.docx", await renderReportDocx(composeReport(draft, figures)));
 */
export async function renderReportDocx(report: ReportDocument): Promise<Uint8Array> {
  const document = new Document({
    creator: "Lan Tỏa",
    title: `Báo cáo ${report.draft.subject}`,
    styles: { default: { document: { run: { font: DOCX_FONT, size: pt(14) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(20 * MM),
              bottom: Math.round(20 * MM),
              left: Math.round(30 * MM),
              right: Math.round(15 * MM),
            },
          },
        },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(13) })],
              }),
            ],
          }),
        },
        children: [
          headerBlock(report),
          line("", {}, AlignmentType.CENTER, 120),
          line("BÁO CÁO", { bold: true, size: 14 }),
          line(report.draft.subject, { bold: true, size: 14 }),
          line("———", {}, AlignmentType.CENTER, 240),
          ...report.blocks.flatMap(bodyBlock),
          line("", {}, AlignmentType.CENTER, 240),
          footBlock(report),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
