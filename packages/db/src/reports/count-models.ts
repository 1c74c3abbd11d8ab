import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../database.js";
import { withinSubtree } from "../units/within-subtree.js";
import { countModelsFromRaw } from "./count-models-from-raw.js";
import type { ReportFilter } from "./report-filter.js";

/** The dimensions models can be counted by. */
export type ModelCountDimension = "level" | "field" | "unit-kind" | "status" | "year";

/** One row of {@link countModels}: a key of the dimension and how many models have it. */
export interface CountRow {
  readonly key: string;
  readonly count: number;
}

/**
 * Counts models by level (of the owner unit), field (a model in two fields counts in
 * each), owner unit kind, status or start year, ordered by key.
 *
 * Read from the model-count rollups (per owner level and kind for the country, per
 * owner unit within a subtree), which triggers keep equal to the models table.
 * Counting by field within one field is computed from the models table: a rollup row
 * knows one field of a model, not a pair.
 *
 * @example
 * await countModels(db, "year", { fromYear: 2017, toYear: 2022 });
 * // [{ key: "2017", count: 96 }, …]
 */
export async function countModels(
  db: Kysely<Database>,
  dimension: ModelCountDimension,
  filter: ReportFilter = {},
): Promise<CountRow[]> {
  if (dimension === "field" && filter.field !== undefined) return countModelsFromRaw(db, dimension, filter);
  const country = filter.withinUnitId === undefined;
  const conditions: RawBuilder<boolean>[] = [
    dimension === "field" ? sql<boolean>`r.field <> ''` : sql<boolean>`r.field = ${filter.field ?? ""}`,
  ];
  if (filter.withinUnitId !== undefined) conditions.push(withinSubtree("u.path", filter.withinUnitId));
  if (filter.fromYear !== undefined) conditions.push(sql<boolean>`r.start_year >= ${filter.fromYear}`);
  if (filter.toYear !== undefined) conditions.push(sql<boolean>`r.start_year <= ${filter.toYear}`);
  const key = {
    level: country ? sql<string>`r.level` : sql<string>`u.level`,
    field: sql<string>`r.field`,
    "unit-kind": country ? sql<string>`r.kind` : sql<string>`u.kind`,
    status: sql<string>`r.status`,
    year: sql<string>`r.start_year::text`,
  }[dimension];
  const source = country
    ? sql`model_count_rollups_country r`
    : sql`model_count_rollups r join units u on u.id = r.unit_id`;
  const { rows } = await sql<CountRow>`
    select ${key} as key, sum(r.models)::int as count
    from ${source}
    where ${sql.join(conditions, sql` and `)}
    group by ${key}
    having sum(r.models) > 0
    order by ${key}
  `.execute(db);
  return rows;
}
