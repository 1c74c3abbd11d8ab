import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../database.js";
import { withinSubtree } from "../units/within-subtree.js";
import { indicatorGroupKey } from "./indicator-group-key.js";
import { indicatorTotalsFromRaw } from "./indicator-totals-from-raw.js";
import type { ReportFilter } from "./report-filter.js";

/** How {@link indicatorTotals} groups its rows. */
export type IndicatorGrouping =
  /** one row per indicator */
  | { readonly by: "total" }
  /** one row per indicator and period year */
  | { readonly by: "year" }
  /** one row per indicator and child of `filter.withinUnitId` (its subtree rolled up); "" is the unit itself */
  | { readonly by: "child-unit" }
  /**
   * one row per indicator and field of the model: money raised by social-welfare (charity)
   * models apart from the money of road or camera models. A model working in two fields
   * counts in each, so the rows of one indicator may add up to more than its total.
   */
  | { readonly by: "field" };

/** One rolled-up figure. `value` is null where the indicator may not be aggregated. */
export interface IndicatorTotalRow {
  readonly indicatorCode: string;
  readonly unitCode: string;
  readonly aggregation: "sum" | "weighted-average" | "none";
  /** The year, child unit id or field code, per the grouping; null for "total". */
  readonly groupKey: string | null;
  readonly value: number | null;
  /** How many models contributed a value. */
  readonly models: number;
}

/**
 * Indicator values rolled up the unit tree and across periods, respecting what may
 * be summed: `sum` indicators are added; `weighted-average` ones (a percent) are
 * averaged, weighted by their weight indicator for the same model and period, and
 * are never added; `none` gives no figure. Values are stored in the indicator's unit.
 *
 * Read from the rollup tables (a few thousand country rows, or the rows of the
 * subtree's units), which triggers keep equal to the raw values. A model counts once
 * over a year range, in the row of its first year in the range (the one whose
 * previous year with a value lies before the range). Grouping by field within one
 * field is the exception: a rollup row knows one field of a model, not a pair, so
 * that report is computed from the raw values.
 *
 * @example
 * await indicatorTotals(db, { withinUnitId: thanhLiem, fromYear: 2017, toYear: 2022 }, { by: "total" });
 * // [{ indicatorCode: "rice-donated", unitCode: "kg", aggregation: "sum", value: 3450, … }]
 */
export async function indicatorTotals(
  db: Kysely<Database>,
  filter: ReportFilter,
  grouping: IndicatorGrouping,
): Promise<IndicatorTotalRow[]> {
  if (grouping.by === "child-unit" && filter.withinUnitId === undefined) {
    throw new Error("indicatorTotals: grouping by child unit needs filter.withinUnitId");
  }
  if (grouping.by === "field" && filter.field !== undefined) return indicatorTotalsFromRaw(db, filter, grouping);

  const conditions: RawBuilder<boolean>[] = [
    grouping.by === "field" ? sql<boolean>`r.field <> ''` : sql<boolean>`r.field = ${filter.field ?? ""}`,
  ];
  if (filter.withinUnitId !== undefined) conditions.push(withinSubtree("u.path", filter.withinUnitId));
  if (filter.fromYear !== undefined) conditions.push(sql<boolean>`r.period_year >= ${filter.fromYear}`);
  if (filter.toYear !== undefined) conditions.push(sql<boolean>`r.period_year <= ${filter.toYear}`);
  const source =
    filter.withinUnitId === undefined
      ? sql`indicator_rollups_country r`
      : sql`indicator_rollups r join units u on u.id = r.unit_id`;

  const groupKey = await indicatorGroupKey(db, filter, grouping, { year: "r.period_year", field: "r.field" });
  // prev_year is 0 for a model's first year ever, so without fromYear "before the range" is "< 1".
  const models =
    grouping.by === "year"
      ? sql<number>`sum(r.models)`
      : sql<number>`sum(r.models) filter (where r.prev_year < ${filter.fromYear ?? 1})`;

  const { rows } = await sql<{
    indicatorCode: string;
    unitCode: string;
    aggregation: IndicatorTotalRow["aggregation"];
    groupKey: string | null;
    value: string | null;
    models: number;
  }>`
    select i.code as "indicatorCode", i.unit_code as "unitCode", i.aggregation, ${groupKey} as "groupKey",
      case i.aggregation
        when 'sum' then sum(r.value_sum)
        when 'weighted-average' then sum(r.weighted_sum) / nullif(sum(r.weight_sum), 0)
        else null end as value,
      ${models}::int as models
    from ${source}
    join indicators i on i.code = r.indicator_code
    where ${sql.join(conditions, sql` and `)}
    group by i.code, i.unit_code, i.aggregation, ${groupKey}
    order by i.code, ${groupKey}
  `.execute(db);
  return rows.map((row) => ({ ...row, value: row.value === null ? null : Number(row.value) }));
}
