import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Database } from "../database.js";
import { likeLiteral, searchNeedle } from "../search/search-models.js";
import type { UnitRow } from "./unit.table.js";
import { withinSubtree } from "./within-subtree.js";

/** Filters of {@link listUnits}. */
export interface UnitFilter {
  /** Only this unit and the units below it. */
  readonly withinUnitId?: string | undefined;
  /** Diacritics-insensitive match on the name ("thanh liem" finds "Thanh Liêm"). */
  readonly search?: string | undefined;
}

/** A page request in keyset form: rows strictly after `afterPath`, at most `limit`. */
export interface UnitPage {
  readonly afterPath?: string | undefined;
  readonly beforePath?: string | undefined;
  readonly limit: number;
  /**
   * When true, read backwards from `beforePath` and return the rows nearest it first, as
   * Relay's `last`/`before` helpers (Pothos' `resolveCursorConnection`) expect: they trim
   * the extra row from that end, then reverse.
   */
  readonly inverted?: boolean;
}

function filtered(db: Kysely<Database>, filter: UnitFilter) {
  let query = db.selectFrom("units");
  if (filter.withinUnitId !== undefined) {
    query = query.where(withinSubtree("units.path", filter.withinUnitId));
  }
  if (filter.search !== undefined && filter.search.trim() !== "") {
    const needle = likeLiteral(searchNeedle(filter.search.trim()));
    query = query.where(sql<boolean>`lantoa_search_text(units.name) like '%' || ${needle} || '%'`);
  }
  return query;
}

/**
 * Units in tree order (depth first, by path), filtered and paged by keyset.
 *
 * @example
 * const rows = await listUnits(db, { search: "thanh liem" }, { limit: 20 });
 */
export async function listUnits(db: Kysely<Database>, filter: UnitFilter, page: UnitPage): Promise<UnitRow[]> {
  let query = filtered(db, filter).selectAll("units");
  if (page.afterPath !== undefined) query = query.where("units.path", ">", page.afterPath);
  if (page.beforePath !== undefined) query = query.where("units.path", "<", page.beforePath);
  return query
    .orderBy("units.path", page.inverted ? "desc" : "asc")
    .limit(page.limit)
    .execute();
}

/** How many units match the filter. */
export async function countUnits(db: Kysely<Database>, filter: UnitFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
