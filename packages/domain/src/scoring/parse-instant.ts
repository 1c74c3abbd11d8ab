// Dates are read by hand: scoring reads two per model, and a regex plus Date.parse cost
// more than the rest of a model's gates.

const digitsAt = (s: string, from: number, count: number): number => {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
};

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Whether `s` is a real calendar date written `YYYY-MM-DD`.
 *
 * @example
 * isIsoDate("2024-02-29") // true
 * isIsoDate("2023-02-29") // false
 */
export function isIsoDate(s: string): boolean {
  return s.length === 10 && startsWithDate(s);
}

/** Whether the first ten characters of `s` are a real calendar date `YYYY-MM-DD` (no substring made). */
function startsWithDate(s: string): boolean {
  if (s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digitsAt(s, 0, 4);
  const m = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

/**
 * The instant `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or `±HH:MM`, in epoch
 * milliseconds; NaN when `s` is not such an instant (including impossible dates and times).
 *
 * @example
 * parseInstant("2022-01-01T07:00:00+07:00") // 1640995200000
 * parseInstant("2022-01-01") // NaN (no time, no offset)
 */
export function parseInstant(s: string): number {
  if (s.length < 17 || !startsWithDate(s) || s.charCodeAt(10) !== 84 /* T */ || s.charCodeAt(13) !== 58) {
    return Number.NaN;
  }
  const hour = digitsAt(s, 11, 2);
  const minute = digitsAt(s, 14, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return Number.NaN;
  let at = 16;
  let second = 0;
  let millis = 0;
  if (s.charCodeAt(at) === 58 /* : */) {
    second = digitsAt(s, at + 1, 2);
    if (second < 0 || second > 59) return Number.NaN;
    at += 3;
    if (s.charCodeAt(at) === 46 /* . */) {
      at++;
      const start = at;
      while (at < s.length && s.charCodeAt(at) >= 48 && s.charCodeAt(at) <= 57) at++;
      if (at === start) return Number.NaN;
      millis = Math.floor(Number(`0.${s.slice(start, at)}`) * 1000);
    }
  }
  let offset = 0;
  const sign = s.charCodeAt(at);
  if (sign === 90 /* Z */) {
    if (at + 1 !== s.length) return Number.NaN;
  } else if (sign === 43 || sign === 45) {
    if (at + 6 !== s.length || s.charCodeAt(at + 3) !== 58) return Number.NaN;
    const oh = digitsAt(s, at + 1, 2);
    const om = digitsAt(s, at + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return Number.NaN;
    offset = (sign === 43 ? 1 : -1) * (oh * 60 + om) * 60_000;
  } else return Number.NaN;
  const y = digitsAt(s, 0, 4);
  const m = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  let t = Date.UTC(y, m - 1, d, hour, minute, second, millis);
  // Date.UTC reads years 0–99 as 1900–1999.
  if (y < 100) t = new Date(t).setUTCFullYear(y);
  return t - offset;
}
