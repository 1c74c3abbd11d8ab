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
  const [y1, m1, d1] = start.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = end.split("-").map(Number) as [number, number, number];
  const lastDay = (y: number, m: number) =>
    [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][
      m - 1
    ] as number;
  let months = (y2 - y1) * 12 + (m2 - m1);
  if (months > 0 && d2 < Math.min(d1, lastDay(y2, m2))) months--;
  else if (months < 0 && d2 > d1) months++;
  return months;
}
