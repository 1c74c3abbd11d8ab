import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../database.js";
import type { IndicatorGrouping } from "./indicator-totals.js";
import type { ReportFilter } from "./report-filter.js";

async function pathSegments(db: Kysely<Database>, unitId: string): Promise<number> {
  const unit = await db.selectFrom("units").select("path").where("id", "=", unitId).executeTakeFirst();
  if (!unit) throw new Error(`indicatorTotals: no unit ${unitId}`);
  return unit.path.split("/").length - 1;
}

/**
 * The expression an indicator report groups by: the year, the child of the scope unit
 * (from `u.path`), the field, or nothing. The child is the path segment right after
 * the scope's own, spliced in as a literal, not a parameter, so GROUP BY sees the same
 * expression as SELECT.
 *
 * @example
 * await indicatorGroupKey(db, filter, { by: "year" }, { year: "v.period_year", field: "f.f" }); // v.period_year::text
 */
export async function indicatorGroupKey(
  db: Kysely<Database>,
  filter: ReportFilter,
  grouping: IndicatorGrouping,
  columns: { readonly year: string; readonly field: string },
): Promise<RawBuilder<string | null>> {
  switch (grouping.by) {
    case "year":
      return sql<string | null>`${sql.ref(columns.year)}::text`;
    case "child-unit": {
      const childSegment = (await pathSegments(db, filter.withinUnitId as string)) + 1;
      return sql<string | null>`split_part(u.path, '/', ${sql.lit(childSegment)})`;
    }
    case "field":
      return sql<string | null>`${sql.ref(columns.field)}`;
    case "total":
      return sql<string | null>`null::text`;
    default: {
      const unknown: never = grouping;
      throw new Error(`indicatorGroupKey: unknown grouping ${JSON.stringify(unknown)}`);
    }
  }
}
