const pad = (n: number) => String(n).padStart(2, "0");

/** The last day of a month (1–12) of a year. */
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The first and last day of an inspection's stored period: a plan's "from/to" days, or a
 * reporting period of older records — a year ("2022" is 2022-01-01 to 2022-12-31), a quarter
 * ("2022-Q3") or a month ("2022-07"). Anything else is returned as both ends, unchanged.
 *
 * @example inspectionPeriodBounds("2022") // { from: "2022-01-01", to: "2022-12-31" }
 */
export function inspectionPeriodBounds(period: string): { from: string; to: string } {
  const [from, to] = period.split("/");
  if (from && to) return { from, to };
  const year = /^(\d{4})$/.exec(period);
  if (year) return { from: `${year[1]}-01-01`, to: `${year[1]}-12-31` };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const y = Number(quarter[1]);
    const last = Number(quarter[2]) * 3;
    return { from: `${y}-${pad(last - 2)}-01`, to: `${y}-${pad(last)}-${pad(lastDay(y, last))}` };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])];
    return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}` };
  }
  return { from: period, to: period };
}
