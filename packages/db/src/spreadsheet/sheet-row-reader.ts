import { z } from "zod";
import { type ImportColumn, type ImportKind, importColumns } from "./import-columns.js";
import { type ImportProblem, importProblem } from "./import-problem.js";
import { cellText, matchKey } from "./parse-cell.js";
import type { CellValue, SheetRow, SheetTable } from "./read-spreadsheet.js";

/** Reads a data row's cells by column key, and collects that row's problems. */
export interface RowReader {
  /** Whether the file has this column at all. */
  has(key: string): boolean;
  raw(row: SheetRow, key: string): CellValue;
  /** Trimmed text of the cell; "" when empty or the column is absent. */
  text(row: SheetRow, key: string): string;
  /** The Vietnamese header of a column, as problems name it. */
  header(key: string): string;
}

/** Finds each template column among the file's headers (Vietnamese, English or key; case and spacing aside). */
export function mapColumns(
  kind: ImportKind,
  table: SheetTable,
): { ok: true; reader: RowReader } | { ok: false; problems: ImportProblem[] } {
  const columns = importColumns[kind];
  const positions = new Map<string, number>();
  const problems: ImportProblem[] = [];
  table.header.forEach((cell, index) => {
    const key = matchKey(cell);
    if (key === "") return;
    const column = columns.find(
      (c) => matchKey(c.header.vi) === key || matchKey(c.header.en) === key || matchKey(c.key) === key,
    );
    if (!column) return;
    if (positions.has(column.key)) {
      problems.push(
        importProblem(1, column.header.vi, "IMPORT.DUPLICATE_COLUMN", "Cột bị lặp lại", "The column appears twice"),
      );
    } else positions.set(column.key, index);
  });
  for (const column of columns) {
    if (column.required && !positions.has(column.key)) {
      problems.push(
        importProblem(
          1,
          column.header.vi,
          "IMPORT.MISSING_COLUMN",
          `Thiếu cột bắt buộc “${column.header.vi}”`,
          `The required column “${column.header.en}” is missing`,
        ),
      );
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const byKey = new Map<string, ImportColumn>(columns.map((c) => [c.key, c]));
  const reader: RowReader = {
    has: (key) => positions.has(key),
    raw: (row, key) => {
      const at = positions.get(key);
      return at === undefined ? null : (row.cells[at] ?? null);
    },
    text: (row, key) => cellText(reader.raw(row, key)),
    header: (key) => byKey.get(key)?.header.vi ?? key,
  };
  return { ok: true, reader };
}

/** Codes are short identifiers: letters, digits and . _ - / (no spaces). */
export const CodeSchema = z
  .string()
  .max(64)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._\-/]*$/u);

/** Checks text against a zod schema, as an import problem on that cell. */
export function checkText(schema: z.ZodType<string>, text: string, row: number, column: string): ImportProblem | null {
  const result = schema.safeParse(text);
  if (result.success) return null;
  const issue = result.error.issues[0];
  if (issue?.code === "too_big") {
    return importProblem(
      row,
      column,
      "IMPORT.TOO_LONG",
      `Quá dài (tối đa ${String(issue.maximum)} ký tự)`,
      `Too long (at most ${String(issue.maximum)} characters)`,
    );
  }
  return importProblem(
    row,
    column,
    "IMPORT.INVALID_TEXT",
    `“${text}” không hợp lệ: chỉ dùng chữ, số và . _ - / (không dấu cách)`,
    `“${text}” is not valid: use letters, digits and . _ - / (no spaces)`,
  );
}

/** "This cell must be filled" for a column. */
export function requiredProblem(row: number, column: string): ImportProblem {
  return importProblem(row, column, "IMPORT.REQUIRED", "Ô này không được để trống", "This cell must be filled");
}
