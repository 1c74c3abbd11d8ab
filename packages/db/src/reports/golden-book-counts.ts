import { type Kysely, sql } from "kysely";
import type { Database } from "../database.js";
import { withinSubtree } from "../units/within-subtree.js";
import type { CountRow } from "./count-models.js";
import type { ReportFilter } from "./report-filter.js";

/** The dimensions golden-book entries can be counted by. */
export type GoldenBookDimension = "year" | "field" | "unit-kind" | "status" | "subject";

/**
 * Counts golden-book entries by deed year, field, unit kind, status, or subject
 * (person / collective).
 *
 * @example
 * await goldenBookCounts(db, "year", { withinUnitId: thanhLiem });
 */
export async function goldenBookCounts(
  db: Kysely<Database>,
  dimension: GoldenBookDimension,
  filter: ReportFilter = {},
): Promise<CountRow[]> {
  let query = db.selectFrom("golden_book_entries as g").innerJoin("units as u", "u.id", "g.unit_id");
  if (filter.withinUnitId !== undefined) query = query.where(withinSubtree("u.path", filter.withinUnitId));
  if (filter.fromYear !== undefined) query = query.where("g.deed_date", ">=", `${filter.fromYear}-01-01`);
  if (filter.toYear !== undefined) query = query.where("g.deed_date", "<=", `${filter.toYear}-12-31`);
  const key = {
    year: sql<string>`extract(year from g.deed_date)::int::text`,
    field: sql<string>`coalesce(g.field, '')`,
    "unit-kind": sql<string>`u.kind`,
    status: sql<string>`g.status`,
    subject: sql<string>`g.subject_kind`,
  }[dimension];
  return query
    .select([key.as("key"), sql<number>`count(*)::int`.as("count")])
    .groupBy(key)
    .orderBy(key)
    .execute();
}
