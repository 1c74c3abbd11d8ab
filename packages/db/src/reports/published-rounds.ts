import type { Kysely } from "kysely";
import type { Database } from "../database.js";

/** A published round as its public lists show it. */
export interface PublishedRoundRow {
  readonly code: string;
  readonly name: string;
  readonly status: string;
  readonly period: string;
  readonly results_hash: string | null;
  readonly criteria_version: number;
  readonly organizer_name: string;
  readonly published_at: string | null;
  /** How many models the round ranked: a small test round stands out from the district's. */
  readonly result_count: number;
}

/**
 * Rounds whose results are published, newest first, with their organizer and how many
 * models they ranked.
 *
 * @example
 * const [latest] = await listPublishedRounds(db);
 * latest.result_count; // 96
 */
export async function listPublishedRounds(db: Kysely<Database>): Promise<PublishedRoundRow[]> {
  const rows = await db
    .selectFrom("rounds as r")
    .innerJoin("criteria_set_versions as v", "v.id", "r.criteria_version_id")
    .innerJoin("units as u", "u.id", "r.organizer_unit_id")
    .select((eb) => [
      "r.code",
      "r.name",
      "r.status",
      "r.period",
      "r.results_hash",
      "v.version_number as criteria_version",
      "u.name as organizer_name",
      "r.published_at",
      eb
        .selectFrom("round_results as rr")
        .whereRef("rr.round_id", "=", "r.id")
        .select((c) => c.fn.countAll<number>().as("n"))
        .as("result_count"),
    ])
    .where("r.status", "=", "published")
    .orderBy("r.published_at", "desc")
    .orderBy("r.code")
    .execute();
  return rows.map((row) => ({
    ...row,
    published_at: row.published_at === null ? null : new Date(row.published_at).toISOString(),
    result_count: Number(row.result_count ?? 0),
  }));
}
