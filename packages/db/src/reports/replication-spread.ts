import { type Kysely, sql } from "kysely";
import type { Database } from "../database.js";
import { withinSubtree } from "../units/within-subtree.js";
import { replicationSpreadFromRaw } from "./replication-spread-from-raw.js";
import type { ReportFilter } from "./report-filter.js";

/** How far one pilot (an origin with adopters) has spread. */
export interface ReplicationSpreadRow {
  readonly originModelId: string;
  readonly originName: string;
  /** Adopters linked directly to the origin. */
  readonly directAdopters: number;
  /** Adopters at any depth (adopters of adopters too). */
  readonly allAdopters: number;
  /** The longest chain origin → adopter → … (1 when only direct adopters). */
  readonly depth: number;
  /** Distinct units owning an adopter. */
  readonly adoptingUnits: number;
  /** Units of the origin owner's kind (other than the owner itself): who could adopt. */
  readonly eligibleUnits: number;
  /** adoptingUnits ÷ eligibleUnits, in [0, 1]; 0 when none is eligible. */
  readonly coverage: number;
  readonly levelsReached: string[];
  readonly fieldsReached: string[];
  /** Days from the origin's start to the first and the median adoption. */
  readonly firstAdoptionDays: number;
  readonly medianAdoptionDays: number;
}

/** The order pilots are listed in: most adopters first, or most adopting units first. */
export type ReplicationSpreadOrder = "all-adopters" | "adopting-units";

/** Which pilots of the report to return. */
export interface ReplicationSpreadPage {
  /** Most first; ties by the origin's name, then its id. Default `all-adopters`. */
  readonly order?: ReplicationSpreadOrder | undefined;
  /** At most this many (default: every pilot). */
  readonly limit?: number | undefined;
  /** Skip this many first (default 0). */
  readonly offset?: number | undefined;
  /** Only this origin model's row (none when it has no adopter). */
  readonly originModelId?: string | undefined;
}

/**
 * Spread of every pilot whose origin model is in the filter's subtree, or the page of
 * them `page` asks for: a country has thousands of pilots, a dashboard shows a few. With `toYear`,
 * only adoptions made by the end of that year count: a report on a period does not
 * know what came after it.
 *
 * Read from the spread rollup (one row per origin, recomputed for its tree on every
 * replication write), with coverage against today's units; with `toYear`, walked
 * from the raw replication forest, since the rollup holds every adoption to date.
 *
 * @example
 * const [flowerRoad] = await replicationSpread(db, { withinUnitId: haNam });
 * flowerRoad.directAdopters; // 5
 */
export async function replicationSpread(
  db: Kysely<Database>,
  filter: ReportFilter = {},
  page: ReplicationSpreadPage = {},
): Promise<ReplicationSpreadRow[]> {
  const order = page.order ?? "all-adopters";
  if (filter.toYear !== undefined) return pageOf(await replicationSpreadFromRaw(db, filter), order, page);
  const scope = filter.withinUnitId === undefined ? sql<boolean>`true` : withinSubtree("ou.path", filter.withinUnitId);
  const origin =
    page.originModelId === undefined ? sql<boolean>`true` : sql<boolean>`s.origin_model_id = ${page.originModelId}`;
  const sortKey = order === "adopting-units" ? sql`s.adopting_units` : sql`s.all_adopters`;
  const window =
    page.limit === undefined ? sql`offset ${page.offset ?? 0}` : sql`limit ${page.limit} offset ${page.offset ?? 0}`;
  const { rows } = await sql<ReplicationSpreadRow>`
    with kinds as (select kind, count(*)::int as units from units group by kind)
    select
      s.origin_model_id as "originModelId",
      s.origin_name as "originName",
      s.direct_adopters as "directAdopters",
      s.all_adopters as "allAdopters",
      s.depth,
      s.adopting_units as "adoptingUnits",
      k.units - 1 as "eligibleUnits",
      coalesce(s.adopting_units::float8 / nullif(k.units - 1, 0), 0) as "coverage",
      s.levels_reached as "levelsReached",
      s.fields_reached as "fieldsReached",
      s.first_adoption_days as "firstAdoptionDays",
      s.median_adoption_days as "medianAdoptionDays"
    from replication_spread_rollups s
    join units ou on ou.id = s.origin_unit_id
    join kinds k on k.kind = ou.kind
    where ${scope} and ${origin}
    order by ${sortKey} desc, s.origin_name, s.origin_model_id
    ${window}
  `.execute(db);
  return rows;
}

/** The number of pilots (origins with at least one adopter) {@link replicationSpread} would list for the filter. */
export async function countReplicationSpread(db: Kysely<Database>, filter: ReportFilter = {}): Promise<number> {
  if (filter.toYear !== undefined) return (await replicationSpreadFromRaw(db, filter)).length;
  const scope = filter.withinUnitId === undefined ? sql<boolean>`true` : withinSubtree("ou.path", filter.withinUnitId);
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from replication_spread_rollups s join units ou on ou.id = s.origin_unit_id where ${scope}
  `.execute(db);
  return rows[0]?.n ?? 0;
}

/** The raw walk's rows in the page's order and window (the rollup's query does this in SQL). */
function pageOf(
  rows: ReplicationSpreadRow[],
  order: ReplicationSpreadOrder,
  page: ReplicationSpreadPage,
): ReplicationSpreadRow[] {
  const key = (r: ReplicationSpreadRow) => (order === "adopting-units" ? r.adoptingUnits : r.allAdopters);
  const sorted = rows
    .filter((r) => page.originModelId === undefined || r.originModelId === page.originModelId)
    .sort(
      (a, b) =>
        key(b) - key(a) ||
        (a.originName < b.originName ? -1 : a.originName > b.originName ? 1 : 0) ||
        (a.originModelId < b.originModelId ? -1 : a.originModelId > b.originModelId ? 1 : 0),
    );
  const from = page.offset ?? 0;
  return sorted.slice(from, page.limit === undefined ? undefined : from + page.limit);
}
