import type { DbExecutor as Db } from "../executor.js";
import { type ImportProblem, importProblem } from "../spreadsheet/import-problem.js";
import { type CellValue, readSpreadsheet } from "../spreadsheet/read-spreadsheet.js";
import { type Sheet, writeCsv, writeXlsx } from "../spreadsheet/write-sheets.js";
import type { ExportedFile } from "./export-round.js";
import { listRoundAssignments } from "./reviewer-assignments.js";

const t = (vi: string, en: string) => ({ vi, en });

/** The columns of an assignments sheet; an import needs the first and the third, in any order. */
export const ASSIGNMENT_COLUMNS = {
  modelCode: t("Mã mô hình", "Model code"),
  modelName: t("Tên mô hình", "Model name"),
  reviewerUsername: t("Tên đăng nhập giám khảo", "Reviewer username"),
  reviewerName: t("Giám khảo", "Reviewer"),
  source: t("Cách phân công", "Assigned by"),
} as const;

const sourceWords: Record<string, string> = {
  manual: "Phân công trực tiếp",
  bulk: "Phân công hàng loạt",
  draw: "Bốc thăm",
  disagreement: "Bốc thêm do chênh lệch điểm",
};

/**
 * A round's assignments as XLSX or CSV (UTF-8 with BOM), Vietnamese headers: one row per
 * model and reviewer (declared conflicts left out), by model code. The same file, edited,
 * imports back (`readAssignmentSheet`).
 *
 * @example
 * const file = await exportRoundAssignments(db, roundId, "xlsx"); file?.filename // "TL-XET-2023-phan-cong.xlsx"
 */
export async function exportRoundAssignments(
  db: Db,
  roundId: string,
  format: "xlsx" | "csv",
): Promise<ExportedFile | null> {
  const round = await db.selectFrom("rounds").select("code").where("id", "=", roundId).executeTakeFirst();
  if (!round) return null;
  const rows = (await listRoundAssignments(db, roundId)).filter((a) => a.conflict_declared_at === null);
  const sheet: Sheet = {
    name: t("Phân công", "Assignments"),
    columns: [
      { header: ASSIGNMENT_COLUMNS.modelCode, width: 22 },
      { header: ASSIGNMENT_COLUMNS.modelName, width: 50 },
      { header: ASSIGNMENT_COLUMNS.reviewerUsername, width: 24 },
      { header: ASSIGNMENT_COLUMNS.reviewerName, width: 32 },
      { header: ASSIGNMENT_COLUMNS.source, width: 24 },
    ],
    rows: rows.map((a) => [a.model_code, a.model_name, a.username, a.display_name, sourceWords[a.source] ?? a.source]),
  };
  return format === "xlsx"
    ? {
        bytes: await writeXlsx([sheet], "vi"),
        filename: `${round.code}-phan-cong.xlsx`,
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      }
    : {
        bytes: writeCsv([sheet], { lang: "vi" }),
        filename: `${round.code}-phan-cong.csv`,
        mimeType: "text/csv; charset=utf-8",
      };
}

/** A row of an assignments sheet: where it is, the model's code and the reviewer's username, as typed (trimmed). */
export interface AssignmentSheetRow {
  readonly row: number;
  readonly modelCode: string;
  readonly reviewerUsername: string;
}

const fold = (text: string) => text.trim().toLowerCase();
const text = (cell: CellValue | undefined) => (cell === null || cell === undefined ? "" : String(cell).trim());

/**
 * Reads an assignments sheet (XLSX or CSV): the model code and reviewer username of
 * every non-blank row, found by their headers in Vietnamese or English. A file that does
 * not read, a missing column or an empty cell is a problem with its row; with any
 * problem no row is returned.
 *
 * @example
 * const read = await readAssignmentSheet(bytes);
 * if (read.ok) read.rows // [{ row: 2, modelCode: "TL-2018-HUGAO", reviewerUsername: "giamkhao.1" }]
 */
export async function readAssignmentSheet(
  file: Uint8Array,
): Promise<{ ok: true; rows: AssignmentSheetRow[] } | { ok: false; problems: ImportProblem[] }> {
  const read = await readSpreadsheet(file);
  if (!read.ok) return { ok: false, problems: [read.problem] };
  const header = read.table.header.map(fold);
  const find = (column: { vi: string; en: string }) =>
    header.findIndex((h) => h === fold(column.vi) || h === fold(column.en));
  const codeAt = find(ASSIGNMENT_COLUMNS.modelCode);
  const userAt = find(ASSIGNMENT_COLUMNS.reviewerUsername);
  const missing = [
    ...(codeAt < 0 ? [ASSIGNMENT_COLUMNS.modelCode] : []),
    ...(userAt < 0 ? [ASSIGNMENT_COLUMNS.reviewerUsername] : []),
  ];
  if (missing.length > 0) {
    return {
      ok: false,
      problems: missing.map((c) =>
        importProblem(1, c.vi, "IMPORT.MISSING_COLUMN", `Thiếu cột “${c.vi}”`, `The column “${c.en}” is missing`),
      ),
    };
  }
  const problems: ImportProblem[] = [];
  const rows: AssignmentSheetRow[] = [];
  for (const r of read.table.rows) {
    const modelCode = text(r.cells[codeAt]);
    const reviewerUsername = text(r.cells[userAt]);
    if (modelCode === "")
      problems.push(
        importProblem(r.row, ASSIGNMENT_COLUMNS.modelCode.vi, "IMPORT.REQUIRED", "Thiếu mã mô hình", "No model code"),
      );
    if (reviewerUsername === "")
      problems.push(
        importProblem(
          r.row,
          ASSIGNMENT_COLUMNS.reviewerUsername.vi,
          "IMPORT.REQUIRED",
          "Thiếu tên đăng nhập giám khảo",
          "No reviewer username",
        ),
      );
    if (modelCode !== "" && reviewerUsername !== "") rows.push({ row: r.row, modelCode, reviewerUsername });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}
