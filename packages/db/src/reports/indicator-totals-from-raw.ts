import { type Kysely, sql } from "kysely";
import type { Database } from "../database.js";
import { withinSubtree } from "../units/within-subtree.js";
import { indicatorGroupKey } from "./indicator-group-key.js";
import type { IndicatorGrouping, IndicatorTotalRow } from "./indicator-totals.js";
import type { ReportFilter } from "./report-filter.js";

/**
 * {@link indicatorTotals} computed from the raw indicator values: what the rollups
 * cannot answer exactly (a field grouping within one field), and the oracle the
 * rollups are tested against.
 */
export async function indicatorTotalsFromRaw(
  db: Kysely<Database>,
  filter: ReportFilter,
  grouping: IndicatorGrouping,
): Promise<IndicatorTotalRow[]> {
  if (grouping.by === "child-unit" && filter.withinUnitId === undefined) {
    throw new Error("indicatorTotals: grouping by child unit needs filter.withinUnitId");
  }
  const base = db
    .selectFrom("indicator_values as v")
    .innerJoin("indicators as i", "i.code", "v.indicator_code")
    .innerJoin("models as m", "m.id", "v.model_id")
    .innerJoin("units as u", "u.id", "m.owner_unit_id");
  let query = (
    grouping.by === "field"
      ? base.innerJoin(sql<{ f: string }>`unnest(m.fields)`.as("f"), (join) => join.onTrue())
      : base
  ).leftJoin("indicator_values as w", (join) =>
    join
      .onRef("w.model_id", "=", "v.model_id")
      .onRef("w.indicator_code", "=", "i.weight_indicator_code")
      .onRef("w.period", "=", "v.period"),
  );
  if (filter.withinUnitId !== undefined) query = query.where(withinSubtree("u.path", filter.withinUnitId));
  if (filter.fromYear !== undefined) query = query.where("v.period_year", ">=", filter.fromYear);
  if (filter.toYear !== undefined) query = query.where("v.period_year", "<=", filter.toYear);
  if (filter.field !== undefined) query = query.where(sql<boolean>`${filter.field} = any(m.fields)`);

  const groupKey = await indicatorGroupKey(db, filter, grouping, { year: "v.period_year", field: "f.f" });

  const value = sql<number | null>`case i.aggregation
      when 'sum' then sum(v.value)
      when 'weighted-average' then sum(v.value * w.value) / nullif(sum(w.value) filter (where w.value is not null), 0)
      else null end`;

  const rows = await query
    .select([
      "i.code as indicatorCode",
      "i.unit_code as unitCode",
      "i.aggregation",
      groupKey.as("groupKey"),
      value.as("value"),
      sql<number>`count(distinct v.model_id)::int`.as("models"),
    ])
    .groupBy(["i.code", "i.unit_code", "i.aggregation", groupKey])
    .orderBy("i.code")
    .orderBy(groupKey)
    .execute();
  return rows.map((row) => ({ ...row, value: row.value === null ? null : Number(row.value) }));
}
