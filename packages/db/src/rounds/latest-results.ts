import { type Kysely, type Selectable, sql } from "kysely";
import type { Database } from "../database.js";
import type { DbExecutor } from "../executor.js";
import { type BatchRead, runBatchRead } from "../shared/batch-read.js";
import type { RoundResultTable } from "./rounds.table.js";

/** A model's result in its most recent published round, with that round's code. */
export type LatestResultRow = Selectable<RoundResultTable> & { round_code: string; round_name: string };

/**
 * For each model, its result in the latest published round it took part in (null
 * when none), in the order asked: one query for any number of models.
 */
export function latestPublishedResultsRead(
  db: Kysely<Database>,
  modelIds: readonly string[],
): BatchRead<LatestResultRow & { published_at: Date | string | null }, (LatestResultRow | null)[]> {
  return {
    query: db
      .selectFrom("round_results as r")
      .innerJoin("rounds as o", "o.id", "r.round_id")
      .selectAll("r")
      .select(["o.code as round_code", "o.name as round_name", "o.published_at"])
      .where((eb) => (modelIds.length > 0 ? eb("r.model_id", "in", modelIds) : eb.lit(false)))
      .where("o.status", "=", "published")
      .orderBy("r.model_id")
      .orderBy("o.published_at", "desc")
      // Two rounds published at the same moment: the same one every time.
      .orderBy("o.id"),
    timestamps: ["computed_at"],
    arrange: (rows) => {
      const latest = new Map<string, LatestResultRow>();
      for (const { published_at: _published, ...row } of rows) {
        if (!latest.has(row.model_id)) latest.set(row.model_id, row);
      }
      return modelIds.map((id) => latest.get(id) ?? null);
    },
  };
}

/** {@link latestPublishedResultsRead} as a statement of its own. */
export async function latestPublishedResults(
  db: Kysely<Database>,
  modelIds: readonly string[],
): Promise<(LatestResultRow | null)[]> {
  return modelIds.length === 0 ? [] : runBatchRead(latestPublishedResultsRead(db, modelIds));
}

/** A round's results in the engine's order (ties as its tie-breaks settle them, disqualified last), with model and unit names. */
function resultRows(db: DbExecutor, roundId: string) {
  return (
    db
      .selectFrom("round_results as r")
      .innerJoin("models as m", "m.id", "r.model_id")
      .innerJoin("units as u", "u.id", "m.owner_unit_id")
      .select([
        "r.model_id as modelId",
        "m.name as modelName",
        "m.code as modelCode",
        "u.name as unitName",
        "r.total_milli as totalMilli",
        "r.max_milli as maxMilli",
        "r.tier",
        "r.rank",
        "r.eliminated",
        "r.breakdown",
        "r.explanation",
      ])
      .where("r.round_id", "=", roundId)
      // The engine's order (ranks, then its tie-breaks, then the eliminated), as the round's
      // results and its export list them; the code only for rows written without a position.
      .orderBy(sql`(r.breakdown->>'position')::int`)
      .orderBy("m.code")
  );
}

/** A round's result row: model, unit, points in milli-points, tier, rank, stored breakdown and explanation. */
export type RoundResultRow = Awaited<ReturnType<typeof listRoundResults>>[number];

/** Every result of a round, in the engine's order. */
export function listRoundResults(db: DbExecutor, roundId: string) {
  return resultRows(db, roundId).execute();
}

/** A page of a round's leaderboard in the engine's order, with model and unit names. */
export function leaderboardPage(db: DbExecutor, roundId: string, page: { offset: number; limit: number }) {
  return resultRows(db, roundId).offset(page.offset).limit(page.limit).execute();
}
