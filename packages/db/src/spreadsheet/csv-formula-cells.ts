/**
 * The characters that make a spreadsheet program read a CSV cell as a formula (OWASP's
 * CSV injection list): a model named `=cmd|' /C calc'!A0` must not run anything on the
 * computer of whoever opens the export.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made inert for CSV: one starting like a formula gets a leading `'`, which
 * spreadsheet programs show as text. Numbers are written as numbers (a negative number
 * is not text). The import takes the `'` off again ({@link restoreCsvText}), so exported
 * lists still import back unchanged.
 *
 * @example neutralizeCsvCell("=1+1") // "'=1+1"
 */
export function neutralizeCsvCell(value: string | number | null): string | number {
  if (value === null) return "";
  return typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes {@link neutralizeCsvCell} on a cell read from a CSV. */
export function restoreCsvText(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
