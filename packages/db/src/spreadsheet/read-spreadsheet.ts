import { parse } from "csv-parse/sync";
import type ExcelJS from "exceljs";
import { restoreCsvText } from "./csv-formula-cells.js";
import { type ImportProblem, importProblem } from "./import-problem.js";
import { zipDeclaredSizes } from "./zip-declared-sizes.js";

/** A cell as read: text from a CSV, or what an XLSX cell holds. */
export type CellValue = string | number | boolean | Date | null;

/** One data row and the sheet row number it came from (the header is row 1). */
export interface SheetRow {
  readonly row: number;
  readonly cells: readonly CellValue[];
}

/** A sheet's header cells and its non-blank data rows. */
export interface SheetTable {
  readonly format: "xlsx" | "csv";
  readonly header: readonly string[];
  readonly rows: readonly SheetRow[];
}

/**
 * The optional last line of a CSV that says how many data rows come before it:
 * `#HẾT,10000` (or `#END,10000`). Exports write it; with it, a file cut at a line
 * boundary is caught too.
 */
export const CSV_TRAILER = "#HẾT";
const TRAILERS = new Set([CSV_TRAILER, "#END"]);

/**
 * How big a spreadsheet may be, checked before the work its size would cost: the file's
 * bytes, what an XLSX declares it inflates to (a zip bomb of 429 KB unpacking to 147 MB
 * of sheet XML took 2.5 GB of memory), its rows and its columns. 100,000 rows of the
 * models template take about 4 MB as XLSX and 43 MB inflated.
 */
export const SPREADSHEET_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxInflatedBytes: 64 * 1024 * 1024,
  maxZipEntries: 200,
  maxRows: 100_000,
  maxColumns: 60,
} as const;

function tooLarge(vi: string, en: string): { ok: false; problem: ImportProblem } {
  return { ok: false, problem: importProblem(0, "", "IMPORT.TOO_LARGE", vi, en) };
}

const tooManyRows = (rows: number | string) =>
  tooLarge(
    `Tệp có ${rows} dòng dữ liệu, quá giới hạn ${SPREADSHEET_LIMITS.maxRows.toLocaleString("vi-VN")} dòng: hãy chia thành nhiều tệp`,
    `The file has ${rows} data rows, over the limit of ${SPREADSHEET_LIMITS.maxRows.toLocaleString("en-US")}: split it into several files`,
  );

const tooManyColumns = (columns: number) =>
  tooLarge(
    `Tệp có ${columns} cột, quá giới hạn ${SPREADSHEET_LIMITS.maxColumns} cột`,
    `The file has ${columns} columns, over the limit of ${SPREADSHEET_LIMITS.maxColumns}`,
  );

/** Whether the bytes are a ZIP container (an XLSX workbook), not text. */
export function looksLikeXlsx(file: Uint8Array): boolean {
  return file.length >= 4 && file[0] === 0x50 && file[1] === 0x4b && file[2] === 0x03 && file[3] === 0x04;
}

function unreadable(vi: string, en: string): { ok: false; problem: ImportProblem } {
  return { ok: false, problem: importProblem(0, "", "IMPORT.UNREADABLE", vi, en) };
}

function isBlank(cells: readonly CellValue[]): boolean {
  return cells.every((c) => c === null || (typeof c === "string" && c.trim() === ""));
}

/** What an XLSX cell holds, flattened: rich text to text, a formula to its result, an error to null. */
function xlsxCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("result" in value) return xlsxCell((value.result ?? null) as ExcelJS.CellValue);
    if ("text" in value && typeof value.text === "string") return value.text;
  }
  return null;
}

async function readXlsx(
  file: Uint8Array,
): Promise<{ ok: true; table: SheetTable } | { ok: false; problem: ImportProblem }> {
  const cutOff = () =>
    unreadable(
      "Không đọc được tệp Excel: tệp hỏng hoặc bị cắt cụt",
      "The Excel file cannot be read: it is damaged or cut off",
    );
  // Refused by what the archive declares, before a byte is inflated; a cut-off file has no directory.
  const declared = zipDeclaredSizes(file);
  if (!declared) return cutOff();
  if (
    declared.entries > SPREADSHEET_LIMITS.maxZipEntries ||
    declared.uncompressedBytes > SPREADSHEET_LIMITS.maxInflatedBytes
  ) {
    const mb = (bytes: number) => Math.ceil(bytes / 1024 / 1024);
    return tooLarge(
      `Tệp Excel giải nén ra ${mb(declared.uncompressedBytes)} MB, quá giới hạn ${mb(SPREADSHEET_LIMITS.maxInflatedBytes)} MB`,
      `The Excel file unpacks to ${mb(declared.uncompressedBytes)} MB, over the limit of ${mb(SPREADSHEET_LIMITS.maxInflatedBytes)} MB`,
    );
  }
  // Loaded on first use: exceljs takes a while to load, and most users of @lantoa/db never touch XLSX.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  try {
    // Not exceljs's streaming reader, though it is three times faster: in 4.4.0 it splits
    // multi-byte UTF-8 characters at chunk boundaries and garbles Vietnamese text.
    // exceljs types its input as its own Buffer interface; a Node Buffer is what it reads.
    await workbook.xlsx.load(Buffer.from(file.buffer, file.byteOffset, file.byteLength) as never);
  } catch {
    return cutOff();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return unreadable("Tệp Excel không có trang tính nào", "The Excel file has no worksheet");
  if (sheet.actualRowCount - 1 > SPREADSHEET_LIMITS.maxRows) return tooManyRows(sheet.actualRowCount - 1);
  const width = sheet.columnCount;
  if (width > SPREADSHEET_LIMITS.maxColumns) return tooManyColumns(width);
  let header: string[] = [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    for (let c = 1; c <= width; c++) cells.push(xlsxCell(row.getCell(c).value));
    if (rowNumber === 1) header = cells.map((c) => (c === null ? "" : String(c)));
    else if (!isBlank(cells)) rows.push({ row: rowNumber, cells });
  });
  return { ok: true, table: { format: "xlsx", header, rows } };
}

function readCsv(file: Uint8Array): { ok: true; table: SheetTable } | { ok: false; problem: ImportProblem } {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(file);
  if (text.trim() === "") return unreadable("Tệp trống", "The file is empty");
  let records: string[][];
  try {
    // Header, the rows allowed, a trailer, and one more record to tell a file over the limit.
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      to: SPREADSHEET_LIMITS.maxRows + 3,
    });
  } catch (error) {
    return unreadable(
      `Không đọc được tệp CSV (có thể bị cắt cụt giữa chừng): ${(error as Error).message}`,
      `The CSV file cannot be read (it may be cut off): ${(error as Error).message}`,
    );
  }
  if (records.length > SPREADSHEET_LIMITS.maxRows + 2) return tooManyRows(`> ${SPREADSHEET_LIMITS.maxRows}`);
  const [header = [], ...body] = records;
  if (header.length > SPREADSHEET_LIMITS.maxColumns) return tooManyColumns(header.length);
  const last = body.at(-1);
  let data = body;
  if (last && TRAILERS.has((last[0] ?? "").trim())) {
    data = body.slice(0, -1);
    const declared = Number((last[1] ?? "").trim());
    if (!Number.isInteger(declared) || declared !== data.length) {
      return unreadable(
        `Dòng cuối báo ${last[1] ?? "?"} dòng dữ liệu nhưng tệp có ${data.length}: tệp không đầy đủ`,
        `The last line declares ${last[1] ?? "?"} data rows but the file has ${data.length}: it is incomplete`,
      );
    }
  } else if (!/[\r\n]$/.test(text)) {
    // Spreadsheet programs end every line, the last too; a file without a final line
    // break was most likely cut off mid-row, and its last value may be short.
    return unreadable(
      "Tệp CSV không kết thúc bằng xuống dòng: có thể bị cắt cụt giữa chừng",
      "The CSV file does not end with a line break: it may have been cut off",
    );
  }
  if (data.length > SPREADSHEET_LIMITS.maxRows) return tooManyRows(data.length);
  const rows: SheetRow[] = [];
  for (const [index, cells] of data.entries()) {
    if (isBlank(cells)) continue;
    if (cells.length !== header.length) {
      const last = index === data.length - 1;
      return unreadable(
        `Dòng ${index + 2} có ${cells.length} cột, dòng tiêu đề có ${header.length}${last ? ": tệp có thể bị cắt cụt" : ""}`,
        `Row ${index + 2} has ${cells.length} columns, the header has ${header.length}${last ? ": the file may be cut off" : ""}`,
      );
    }
    rows.push({ row: index + 2, cells: cells.map(restoreCsvText) });
  }
  return { ok: true, table: { format: "csv", header, rows } };
}

/**
 * Reads the first sheet of an XLSX workbook, or a UTF-8 CSV (with or without BOM),
 * into a header and rows, within {@link SPREADSHEET_LIMITS} (over them: IMPORT.TOO_LARGE). A file that does not unzip or parse, a CSV whose last line
 * is cut, or whose `#HẾT` trailer disagrees with its row count, gives a problem
 * instead: nothing partial is ever returned.
 */
export async function readSpreadsheet(
  file: Uint8Array,
): Promise<{ ok: true; table: SheetTable } | { ok: false; problem: ImportProblem }> {
  if (file.byteLength > SPREADSHEET_LIMITS.maxBytes) {
    return tooLarge(
      `Tệp lớn hơn ${SPREADSHEET_LIMITS.maxBytes / 1024 / 1024} MB`,
      `The file is larger than ${SPREADSHEET_LIMITS.maxBytes / 1024 / 1024} MB`,
    );
  }
  return looksLikeXlsx(file) ? readXlsx(file) : readCsv(file);
}
