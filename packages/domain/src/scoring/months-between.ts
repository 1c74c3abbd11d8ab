/**
 * Full calendar months from `start` to `end` (ISO dates `YYYY-MM-DD`), counting a month
 * only once its day-of-month is reached; negative when `end` is before `start`.
 * A start on the 31st completes a month on the last day of a shorter month.
 *
 * @example
 * fullMonthsBetween("2024-01-31", "2024-02-29") // 1
 * fullMonthsBetween("2024-03-15", "2025-03-14") // 11
 * fullMonthsBetween("2024-03-15", "2025-03-15") // 12
 */
export function fullMonthsBetween(start: string, end: string): number {
  const y1 = digits(start, 0, 4);
  const m1 = digits(start, 5, 7);
  const d1 = digits(start, 8, 10);
  const y2 = digits(end, 0, 4);
  const m2 = digits(end, 5, 7);
  const d2 = digits(end, 8, 10);
  let months = (y2 - y1) * 12 + (m2 - m1);
  if (months > 0 && d2 < Math.min(d1, lastDayOfMonth(y2, m2))) months--;
  else if (months < 0 && d2 > d1) months++;
  return months;
}

// Parsed by hand: this runs once per model per round.
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

function lastDayOfMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
