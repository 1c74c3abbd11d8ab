import { type Kysely, sql } from "kysely";
import type { Database } from "../database.js";

/**
 * Recomputes every rollup table (indicator totals, model counts, replication
 * spread) from the raw rows, in one transaction. Triggers keep them in step with
 * every write; this is for after a bulk load made with `lantoa.rollups_paused` on,
 * or to check nothing drifted.
 *
 * @example
 * await rebuildRollups(db); // select lantoa_rebuild_rollups()
 */
export async function rebuildRollups(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select lantoa_rebuild_rollups()`.execute(trx);
  });
}
