import type { Kysely, Selectable } from "kysely";
import type { Database } from "../database.js";
import type { InspectionTable } from "../registers/registers.table.js";

/** An inspection with the path of the inspected unit (for access checks). */
export type InspectionRow = Selectable<InspectionTable> & { unit_path: string };

/** What an inspections list may be narrowed to. */
export interface InspectionFilter {
  /** Inspected unit at or below this materialized path. */
  readonly withinPath?: string;
  readonly status?: InspectionTable["status"];
  /** Planned in this year. */
  readonly year?: number;
  readonly limit: number;
  readonly offset?: number;
}

function inspectionsQuery(db: Kysely<Database>) {
  return db.selectFrom("inspections as i").innerJoin("units as u", "u.id", "i.unit_id");
}

/**
 * Inspections of a subtree, latest planned first, with the total count.
 *
 * @example await listInspections(db, { withinPath: unit.path, status: "planned", limit: 50 })
 */
export async function listInspections(
  db: Kysely<Database>,
  filter: InspectionFilter,
): Promise<{ rows: InspectionRow[]; totalCount: number }> {
  let query = inspectionsQuery(db);
  if (filter.withinPath !== undefined) query = query.where("u.path", "like", `${filter.withinPath}%`);
  if (filter.status !== undefined) query = query.where("i.status", "=", filter.status);
  if (filter.year !== undefined) {
    query = query
      .where("i.planned_on", ">=", `${filter.year}-01-01`)
      .where("i.planned_on", "<=", `${filter.year}-12-31`);
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll("i")
      .select("u.path as unit_path")
      .orderBy("i.planned_on", "desc")
      .orderBy("i.id")
      .limit(filter.limit)
      .offset(filter.offset ?? 0)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, totalCount: Number(count.n) };
}

/** Inspections by id, in the order asked (null where missing): a DataLoader batch. */
export async function findInspectionsByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<(InspectionRow | null)[]> {
  if (ids.length === 0) return [];
  const rows = await inspectionsQuery(db)
    .selectAll("i")
    .select("u.path as unit_path")
    .where("i.id", "in", ids)
    .execute();
  return ids.map((id) => rows.find((r) => r.id === id) ?? null);
}
