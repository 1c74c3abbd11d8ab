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

/**
 * Spread of every pilot whose origin model is in the filter's subtree. With `toYear`,
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
): Promise<ReplicationSpreadRow[]> {
  if (filter.toYear !== undefined) return replicationSpreadFromRaw(db, filter);
  const scope = filter.withinUnitId === undefined ? sql<boolean>`true` : withinSubtree("ou.path", filter.withinUnitId);
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
    where ${scope}
    order by s.all_adopters desc, s.origin_name
  `.execute(db);
  return rows;
}
