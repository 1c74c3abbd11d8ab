import { err, ok, type Result } from "../errors/index.js";
import { type FormulaError, formulaError } from "./formula-error.js";

/**
 * One lexical token; operators are normalized to their ASCII spelling (`×` → `*`, `≤` → `<=`, `&&` → `and`).
 *
 * @example
 * // "a ≤ 2" → identifier "a", operator "<=", number "2", end
 */
export interface FormulaToken {
  readonly type: "number" | "identifier" | "string" | "operator" | "(" | ")" | "," | "end";
  /** Normalized text: the identifier, the canonical operator, the number's source, or a string's content. */
  readonly text: string;
  readonly value: number;
  readonly start: number;
  readonly end: number;
}

// Longest spellings first so "<=" wins over "<".
const OPERATORS: ReadonlyArray<readonly [string, string]> = [
  ["<=", "<="],
  [">=", ">="],
  ["==", "=="],
  ["!=", "!="],
  ["&&", "and"],
  ["||", "or"],
  ["+", "+"],
  ["-", "-"],
  ["\u2212", "-"], // − minus sign
  ["*", "*"],
  ["\u00d7", "*"], // ×
  ["\u00b7", "*"], // ·
  ["/", "/"],
  ["\u00f7", "/"], // ÷
  ["<", "<"],
  [">", ">"],
  ["\u2264", "<="], // ≤
  ["\u2265", ">="], // ≥
  ["=", "=="],
  ["\u2260", "!="], // ≠
  ["!", "not"],
];

const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdentPart = (c: number) => isIdentStart(c) || isDigit(c);
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x202f;

/**
 * Splits formula source into tokens. Numbers are ASCII decimals with an optional
 * fraction and exponent (`12`, `0.5`, `1e3`); identifiers are ASCII `[A-Za-z_][A-Za-z0-9_]*`;
 * strings are a criterion or group id in double or single quotes (`"novelty"`), with no
 * escapes. Anything else (a `.` after a name, brackets, `$`...) is an error with its position.
 *
 * @example
 * tokenizeFormula("2 × votes").ok // true; tokens: number 2, operator "*", identifier "votes", end
 */
export function tokenizeFormula(source: string): Result<FormulaToken[], FormulaError> {
  const tokens: FormulaToken[] = [];
  let i = 0;
  const n = source.length;
  outer: while (i < n) {
    const c = source.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (isDigit(c)) {
      const start = i;
      while (i < n && isDigit(source.charCodeAt(i))) i++;
      if (source.charCodeAt(i) === 46 /* . */) {
        i++;
        if (!isDigit(source.charCodeAt(i))) {
          return err(
            formulaError(
              "FORMULA.UNEXPECTED_CHARACTER",
              { vi: "Sau dấu chấm thập phân phải có chữ số", en: "A decimal point must be followed by digits" },
              { source, offset: i },
            ),
          );
        }
        while (i < n && isDigit(source.charCodeAt(i))) i++;
      }
      const e = source.charCodeAt(i);
      if (e === 101 || e === 69) {
        let j = i + 1;
        const sign = source.charCodeAt(j);
        if (sign === 43 || sign === 45) j++;
        if (isDigit(source.charCodeAt(j))) {
          while (j < n && isDigit(source.charCodeAt(j))) j++;
          i = j;
        }
      }
      const text = source.slice(start, i);
      const value = Number(text);
      if (!Number.isFinite(value)) {
        return err(
          formulaError(
            "FORMULA.NUMBER_TOO_LARGE",
            { vi: `Số ${text.slice(0, 20)} quá lớn`, en: `The number ${text.slice(0, 20)} is too large` },
            { source, offset: start },
          ),
        );
      }
      tokens.push({ type: "number", text, value, start, end: i });
      continue;
    }
    if (isIdentStart(c)) {
      const start = i;
      while (i < n && isIdentPart(source.charCodeAt(i))) i++;
      tokens.push({ type: "identifier", text: source.slice(start, i), value: 0, start, end: i });
      continue;
    }
    if (c === 34 || c === 39) {
      const close = source.indexOf(c === 34 ? '"' : "'", i + 1);
      const lineBreak = source.indexOf("\n", i + 1);
      if (close === -1 || (lineBreak !== -1 && lineBreak < close)) {
        return err(
          formulaError(
            "FORMULA.UNTERMINATED_STRING",
            { vi: "Chuỗi chưa có dấu nháy đóng", en: "A quoted id is missing its closing quote" },
            { source, offset: i },
          ),
        );
      }
      tokens.push({ type: "string", text: source.slice(i + 1, close), value: 0, start: i, end: close + 1 });
      i = close + 1;
      continue;
    }
    if (c === 40 || c === 41 || c === 44) {
      const type = c === 40 ? "(" : c === 41 ? ")" : ",";
      tokens.push({ type, text: type, value: 0, start: i, end: i + 1 });
      i++;
      continue;
    }
    for (const [spelling, canonical] of OPERATORS) {
      if (source.startsWith(spelling, i)) {
        tokens.push({ type: "operator", text: canonical, value: 0, start: i, end: i + spelling.length });
        i += spelling.length;
        continue outer;
      }
    }
    const shown = String.fromCodePoint(source.codePointAt(i) ?? c);
    return err(
      formulaError(
        "FORMULA.UNEXPECTED_CHARACTER",
        { vi: `Ký tự không hợp lệ '${shown}'`, en: `Unexpected character '${shown}'` },
        { source, offset: i },
        { character: shown },
      ),
    );
  }
  tokens.push({ type: "end", text: "", value: 0, start: n, end: n });
  return ok(tokens);
}
