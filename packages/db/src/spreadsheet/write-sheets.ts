import { PassThrough } from "node:stream";
import { stringify } from "csv-stringify/sync";
import { neutralizeCsvCell } from "./csv-formula-cells.js";
import type { Message } from "./import-problem.js";
import { CSV_TRAILER } from "./read-spreadsheet.js";

/** How a column's numbers or dates are shown. */
export type SheetFormat = "text" | "integer" | "decimal" | "percent" | "date";

/** A column of an exported sheet. */
export interface SheetColumn {
  readonly header: Message;
  readonly width: number;
  readonly format?: SheetFormat;
  /** Shown as a note on the header cell (templates use it to say how to fill the column). */
  readonly note?: Message;
}

/** A cell to write; a "date" column takes "yyyy-mm-dd" strings. */
export type SheetCell = string | number | null;

/** One sheet (or CSV section) of an export. */
export interface Sheet {
  /** Sheet tab name: at most 31 characters, none of : \ / ? * [ ]. */
  readonly name: Message;
  readonly columns: readonly SheetColumn[];
  readonly rows: readonly (readonly SheetCell[])[];
}

/** Language of headers and sheet names. */
export type SheetLanguage = "vi" | "en";

const numberFormats: Record<Exclude<SheetFormat, "text">, string> = {
  integer: "#,##0",
  decimal: "#,##0",
  percent: "0.0%",
  date: "dd/mm/yyyy",
};

/**
 * Writes sheets to an XLSX workbook: a bold, shaded, frozen header row with filters,
 * column widths, numbers with thousands separators (whole numbers without decimals),
 * percentages and real date cells shown dd/mm/yyyy.
 */
export async function writeXlsx(sheets: readonly Sheet[], lang: SheetLanguage = "vi"): Promise<Uint8Array> {
  // Loaded on first use: exceljs takes a while to load, and most users of @lantoa/db never touch XLSX.
  const { default: Excel } = await import("exceljs");
  // The streaming writer commits row by row: several times faster than the in-memory
  // workbook at 100,000 rows, and memory stays flat.
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = "Lan Tỏa";
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name[lang].slice(0, 31), {
      views: [{ state: "frozen", ySplit: 1 }],
    });
    worksheet.columns = sheet.columns.map((c) => ({ header: c.header[lang], width: c.width }));
    sheet.columns.forEach((c, index) => {
      if (c.format && c.format !== "text") worksheet.getColumn(index + 1).numFmt = numberFormats[c.format];
    });
    if (sheet.columns.length > 0) {
      worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
    }
    const header = worksheet.getRow(1);
    sheet.columns.forEach((c, index) => {
      const cell = header.getCell(index + 1);
      cell.font = { bold: true };
      cell.alignment = { vertical: "middle", wrapText: true };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2EFDA" } };
      if (c.note) cell.note = c.note[lang];
    });
    header.commit();
    for (const values of sheet.rows) {
      const row = worksheet.addRow(
        values.map((value, index) =>
          sheet.columns[index]?.format === "date" && typeof value === "string" && value !== ""
            ? new Date(`${value}T00:00:00Z`)
            : value,
        ),
      );
      // Whole numbers show without decimals (the column's format); fractions get their own.
      values.forEach((value, index) => {
        if (sheet.columns[index]?.format === "decimal" && typeof value === "number" && !Number.isInteger(value)) {
          row.getCell(index + 1).numFmt = "#,##0.00##";
        }
      });
      row.commit();
    }
    await worksheet.commit();
  }
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

const BOM = "\uFEFF";

/**
 * Writes sheets as UTF-8 CSV with a BOM (so Excel shows Vietnamese), numbers plain
 * with a dot, dates as yyyy-mm-dd, text that would start a formula neutralized. Several sheets become sections, each after a
 * title line and a blank line. With `trailer`, a last line `#HẾT,<rows>` lets an
 * import tell a complete file from one cut at a line boundary.
 */
export function writeCsv(
  sheets: readonly Sheet[],
  options: { lang?: SheetLanguage; trailer?: boolean } = {},
): Uint8Array {
  const lang = options.lang ?? "vi";
  const parts: string[] = [];
  for (const sheet of sheets) {
    if (sheets.length > 1) parts.push(stringify([[`# ${sheet.name[lang]}`]], { record_delimiter: "\r\n" }));
    parts.push(
      stringify([sheet.columns.map((c) => c.header[lang]), ...sheet.rows.map((r) => r.map(neutralizeCsvCell))], {
        record_delimiter: "\r\n",
      }),
    );
    if (options.trailer)
      parts.push(stringify([[CSV_TRAILER, String(sheet.rows.length)]], { record_delimiter: "\r\n" }));
    if (sheets.length > 1) parts.push("\r\n");
  }
  return new TextEncoder().encode(BOM + parts.join(""));
}
