/** A message in Vietnamese and English, as the domain's errors carry. */
export interface Message {
  readonly vi: string;
  readonly en: string;
}

/**
 * One thing wrong with an imported file, where a person can find it: the sheet row
 * (1 is the header row, so data starts at 2; 0 for the file as a whole) and the
 * column's Vietnamese header ("" for the whole row or file). Codes are namespaced:
 * `IMPORT.*` for the file's shape and references, the domain's own codes
 * (`OUTCOME.PERCENT_OUT_OF_RANGE`…) for its rules.
 *
 * @example
 * { row: 12, column: "Mã đơn vị", code: "IMPORT.UNKNOWN_UNIT",
 *   message: { vi: "Không có đơn vị mã “XA-1”", en: "No unit has code “XA-1”" } }
 */
export interface ImportProblem {
  readonly row: number;
  readonly column: string;
  readonly code: string;
  readonly message: Message;
}

/** Builds an {@link ImportProblem}. */
export function importProblem(row: number, column: string, code: string, vi: string, en: string): ImportProblem {
  return { row, column, code, message: { vi, en } };
}
