import type { Message } from "./import-problem.js";
import type { CellValue } from "./read-spreadsheet.js";

/** A parsed cell, or why it could not be parsed. */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: string; readonly message: Message };

const fail = (code: string, vi: string, en: string): Parsed<never> => ({ ok: false, code, message: { vi, en } });

/** The cell as trimmed NFC text; "" when empty. Numbers print plainly, dates as yyyy-mm-dd. */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).normalize("NFC").trim();
}

/** Lower-case, single-spaced text, for matching codes, names and headers. */
export function matchKey(text: string): string {
  return text.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");
}

function isValidDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    year <= 2200 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A calendar date as "yyyy-mm-dd": a date cell, an Excel serial number, "yyyy-mm-dd",
 * or the Vietnamese "dd/mm/yyyy" (also with "-" or ".").
 *
 * @example parseDateCell("15/03/2019") // ok("2019-03-15")
 * parseDateCell("31/02/2019") // IMPORT.BAD_DATE
 */
export function parseDateCell(value: CellValue): Parsed<string> {
  const bad = (shown: string) =>
    fail(
      "IMPORT.BAD_DATE",
      `Ngày “${shown}” không hợp lệ (dùng dd/mm/yyyy hoặc yyyy-mm-dd)`,
      `“${shown}” is not a valid date (use dd/mm/yyyy or yyyy-mm-dd)`,
    );
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return bad("?");
    return { ok: true, value: value.toISOString().slice(0, 10) };
  }
  if (typeof value === "number") {
    // Excel's day 25569 is 1970-01-01 (the 1900 date system).
    const date = new Date(Math.round((value - 25569) * 86_400_000));
    if (!Number.isFinite(value) || Number.isNaN(date.getTime()) || value < 1) return bad(String(value));
    return parseDateCell(date);
  }
  const text = cellText(value);
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return isValidDate(y, m, d) ? { ok: true, value: `${y}-${pad(m)}-${pad(d)}` } : bad(text);
  }
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) {
    const [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return isValidDate(y, m, d) ? { ok: true, value: `${y}-${pad(m)}-${pad(d)}` } : bad(text);
  }
  return bad(text);
}

/**
 * A number: a numeric cell, "1234.5", or Vietnamese "1.234,5" / "0,5".
 *
 * @example parseNumberCell("2.100.000.000") // ok(2100000000)
 */
export function parseNumberCell(value: CellValue): Parsed<number> {
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? { ok: true, value }
      : fail("IMPORT.BAD_NUMBER", "Giá trị không phải là số", "The value is not a number");
  }
  const text = cellText(value).replace(/\s/g, "");
  let normalized: string | null = null;
  if (/^-?\d+(\.\d+)?$/.test(text)) normalized = text;
  else if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) normalized = text.replace(/\./g, "").replace(",", ".");
  else if (/^-?\d+,\d+$/.test(text)) normalized = text.replace(",", ".");
  if (normalized === null) {
    return fail("IMPORT.BAD_NUMBER", `“${cellText(value)}” không phải là số`, `“${cellText(value)}” is not a number`);
  }
  return { ok: true, value: Number(normalized) };
}

/**
 * A period key: a year ("2022" or the number 2022), a quarter ("2022-Q3") or a month ("2022-07").
 *
 * @example parsePeriodCell(2022) // ok("2022")
 */
export function parsePeriodCell(value: CellValue): Parsed<string> {
  const text = cellText(value).toUpperCase();
  const match = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(text);
  const year = Number(match?.[1]);
  if (!match || year < 1900 || year > 2200) {
    return fail(
      "IMPORT.BAD_PERIOD",
      `Kỳ “${cellText(value)}” không hợp lệ (năm 2022, quý 2022-Q3 hoặc tháng 2022-07)`,
      `Period “${cellText(value)}” is not valid (year 2022, quarter 2022-Q3 or month 2022-07)`,
    );
  }
  return { ok: true, value: text };
}
