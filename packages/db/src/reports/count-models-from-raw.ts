import { type Kysely, sql } from "kysely";
import type { Database } from "../database.js";
import { withinSubtree } from "../units/within-subtree.js";
import type { CountRow, ModelCountDimension } from "./count-models.js";
import type { ReportFilter } from "./report-filter.js";

/**
 * {@link countModels} computed from the models table: what the rollups cannot answer
 * exactly (counting by field within one field), and the oracle they are tested against.
 */
export async function countModelsFromRaw(
  db: Kysely<Database>,
  dimension: ModelCountDimension,
  filter: ReportFilter = {},
): Promise<CountRow[]> {
  let query = db.selectFrom("models as m").innerJoin("units as u", "u.id", "m.owner_unit_id");
  if (filter.withinUnitId !== undefined) query = query.where(withinSubtree("u.path", filter.withinUnitId));
  if (filter.fromYear !== undefined) query = query.where("m.start_date", ">=", `${filter.fromYear}-01-01`);
  if (filter.toYear !== undefined) query = query.where("m.start_date", "<=", `${filter.toYear}-12-31`);
  if (filter.field !== undefined) query = query.where(sql<boolean>`${filter.field} = any(m.fields)`);
  const key = {
    level: sql<string>`u.level`,
    field: sql<string>`f.f`,
    "unit-kind": sql<string>`u.kind`,
    status: sql<string>`m.status`,
    year: sql<string>`extract(year from m.start_date)::int::text`,
  }[dimension];
  const grouped =
    dimension === "field"
      ? query.innerJoin(sql<{ f: string }>`unnest(m.fields)`.as("f"), (join) => join.onTrue())
      : query;
  const rows = await grouped
    .select([key.as("key"), sql<number>`count(*)::int`.as("count")])
    .groupBy(key)
    .orderBy(key)
    .execute();
  return rows;
}
