import type { Period } from "@lantoa/domain/outcome";
import * as z from "zod";

const PERIOD_KEY = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

/** A period as its key: a year (2022), a quarter (2022-Q1) or a month (2022-03). */
export const PeriodKey = z.string().regex(PERIOD_KEY);

/**
 * The period a key names (the inverse of the domain's `periodKey`).
 *
 * @example periodFromKey("2022-Q1") // { kind: "quarter", year: 2022, quarter: 1 }
 */
export function periodFromKey(key: string): Period {
  const match = PERIOD_KEY.exec(key);
  if (!match) throw new Error(`not a period key: ${key}`);
  const year = Number(match[1]);
  if (match[2]) return { kind: "quarter", year, quarter: Number(match[2]) };
  if (match[3]) return { kind: "month", year, month: Number(match[3]) };
  return { kind: "year", year };
}
