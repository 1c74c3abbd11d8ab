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
  return fullMonthsUntil(start, calendarDay(end));
}

/**
 * An ISO date `YYYY-MM-DD` read into numbers, with the last day of its month: a round
 * reads its reference date once, not once per model.
 *
 * @example
 * calendarDay("2024-02-10") // { year: 2024, month: 2, day: 10, lastDayOfMonth: 29 }
 */
export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly lastDayOfMonth: number;
}

/** Reads an ISO date `YYYY-MM-DD` (assumed valid). @example calendarDay("2025-06-30").month // 6 */
export function calendarDay(date: string): CalendarDay {
  const year = digits(date, 0, 4);
  const month = digits(date, 5, 7);
  return { year, month, day: digits(date, 8, 10), lastDayOfMonth: lastDayOfMonth(year, month) };
}

/** {@link fullMonthsBetween} `start` and a date read once. @example fullMonthsUntil("2024-03-15", calendarDay("2025-03-15")) // 12 */
export function fullMonthsUntil(start: string, end: CalendarDay): number {
  const y1 = digits(start, 0, 4);
  const m1 = digits(start, 5, 7);
  const d1 = digits(start, 8, 10);
  let months = (end.year - y1) * 12 + (end.month - m1);
  if (months > 0 && end.day < Math.min(d1, end.lastDayOfMonth)) months--;
  else if (months < 0 && end.day > d1) months++;
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
