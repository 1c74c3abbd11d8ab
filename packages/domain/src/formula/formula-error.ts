import { type DomainError, domainError, type LocalizedText } from "../errors/index.js";

/**
 * Error codes of the formula language.
 *
 * @example
 * const code: FormulaErrorCode = "FORMULA.DIVISION_BY_ZERO";
 */
export type FormulaErrorCode =
  | "FORMULA.TOO_LONG"
  | "FORMULA.UNEXPECTED_CHARACTER"
  | "FORMULA.UNEXPECTED_TOKEN"
  | "FORMULA.UNEXPECTED_END"
  | "FORMULA.NUMBER_TOO_LARGE"
  | "FORMULA.UNKNOWN_FUNCTION"
  | "FORMULA.CHAINED_COMPARISON"
  | "FORMULA.TOO_DEEP"
  | "FORMULA.TOO_COMPLEX"
  | "FORMULA.UNKNOWN_INPUT"
  | "FORMULA.UNTERMINATED_STRING"
  | "FORMULA.REFERENCE_ARGUMENT"
  | "FORMULA.UNKNOWN_REFERENCE"
  | "FORMULA.TYPE_MISMATCH"
  | "FORMULA.ARITY"
  | "FORMULA.MISSING_INPUT"
  | "FORMULA.DIVISION_BY_ZERO"
  | "FORMULA.NOT_FINITE"
  | "FORMULA.STEP_LIMIT";

/**
 * A formula failure; `details` carries `offset`, `line`, `column` and a caret `excerpt` when a position is known.
 *
 * @example
 * if (!r.ok) r.error.details?.column // where a FormulaError points
 */
export type FormulaError = DomainError<FormulaErrorCode>;

/**
 * Where in the source an error is: 0-based offset, 1-based line and column, and the
 * offending line with a caret under the column.
 *
 * @example
 * formulaPosition("a +\nb ) c", 6) // { offset: 6, line: 2, column: 3, excerpt: "b ) c\n  ^" }
 */
export function formulaPosition(
  source: string,
  offset: number,
): { offset: number; line: number; column: number; excerpt: string } {
  const at = Math.max(0, Math.min(offset, source.length));
  const lineStart = source.lastIndexOf("\n", at - 1) + 1;
  const nextBreak = source.indexOf("\n", at);
  const lineEnd = nextBreak === -1 ? source.length : nextBreak;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (source.charCodeAt(i) === 10) line++;
  const column = at - lineStart + 1;
  // Long lines are cut around the column so the caret stays readable.
  const from = Math.max(lineStart, at - 40);
  const to = Math.min(lineEnd, at + 40);
  const text = source.slice(from, to).replace(/[\t\r]/g, " ");
  const excerpt = `${from > lineStart ? "…" : ""}${text}${to < lineEnd ? "…" : ""}\n${" ".repeat(at - from + (from > lineStart ? 1 : 0))}^`;
  return { offset: at, line, column, excerpt };
}

/**
 * Builds a {@link FormulaError}; with a source and offset the message ends with the
 * position and `details` carry it.
 *
 * @example
 * formulaError("FORMULA.UNEXPECTED_TOKEN", { vi: "Gặp ')' không mong đợi", en: "Unexpected ')'" }, { source: "1 + )", offset: 4 })
 */
export function formulaError(
  code: FormulaErrorCode,
  message: LocalizedText,
  where?: { source: string; offset: number },
  details: Record<string, unknown> = {},
): FormulaError {
  if (where === undefined) return domainError(code, message, details);
  const position = formulaPosition(where.source, where.offset);
  return domainError(
    code,
    {
      vi: `${message.vi} (dòng ${position.line}, cột ${position.column})`,
      en: `${message.en} (line ${position.line}, column ${position.column})`,
    },
    { ...details, ...position },
  );
}
