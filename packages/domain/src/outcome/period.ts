import * as z from "zod/mini";

const year = z.int().check(z.gte(1900), z.lte(2200));

/**
 * The period a value was measured over: a year, a quarter or a month.
 *
 * @example
 * PeriodSchema.parse({ kind: "quarter", year: 2022, quarter: 3 })
 */
export const PeriodSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("year"), year }),
  z.strictObject({ kind: z.literal("quarter"), year, quarter: z.int().check(z.gte(1), z.lte(4)) }),
  z.strictObject({ kind: z.literal("month"), year, month: z.int().check(z.gte(1), z.lte(12)) }),
]);
/** A value parsed by {@link PeriodSchema}. @example const value: Period = PeriodSchema.parse(input); */
export type Period = z.infer<typeof PeriodSchema>;

/** First and last month (1–12) a period covers. */
function monthRange(p: Period): readonly [number, number] {
  switch (p.kind) {
    case "year":
      return [1, 12];
    case "quarter":
      return [p.quarter * 3 - 2, p.quarter * 3];
    case "month":
      return [p.month, p.month];
    default: {
      const never: never = p;
      return never;
    }
  }
}

/**
 * Whether `inner` lies within `outer` (a period contains itself).
 *
 * @example periodContains({ kind: "year", year: 2022 }, { kind: "month", year: 2022, month: 7 }) // true
 */
export function periodContains(outer: Period, inner: Period): boolean {
  if (outer.year !== inner.year) return false;
  const [outerFirst, outerLast] = monthRange(outer);
  const [innerFirst, innerLast] = monthRange(inner);
  return outerFirst <= innerFirst && innerLast <= outerLast;
}

/**
 * Whether two periods share at least one month.
 *
 * @example periodsOverlap({ kind: "quarter", year: 2022, quarter: 1 }, { kind: "month", year: 2022, month: 3 }) // true
 */
export function periodsOverlap(a: Period, b: Period): boolean {
  if (a.year !== b.year) return false;
  const [aFirst, aLast] = monthRange(a);
  const [bFirst, bLast] = monthRange(b);
  return aFirst <= bLast && bFirst <= aLast;
}

/**
 * A stable, sortable key: `2022`, `2022-Q3`, `2022-07`.
 *
 * @example periodKey({ kind: "month", year: 2022, month: 7 }) // "2022-07"
 */
export function periodKey(p: Period): string {
  switch (p.kind) {
    case "year":
      return `${p.year}`;
    case "quarter":
      return `${p.year}-Q${p.quarter}`;
    case "month":
      return `${p.year}-${String(p.month).padStart(2, "0")}`;
    default: {
      const never: never = p;
      return never;
    }
  }
}
