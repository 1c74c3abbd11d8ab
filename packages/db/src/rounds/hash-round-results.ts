import { createHash } from "node:crypto";
import { canonicalJson } from "@lantoa/domain/round";
import type { DbExecutor } from "../executor.js";

/**
 * The SHA-256 of a round's stored results in canonical JSON (rows by model id, keys
 * sorted, the computation time left out): what finalization records and anyone can
 * recompute to see that nothing changed.
 *
 * @example
 * await hashRoundResults(db, roundId) // "9f2c…"
 */
export async function hashRoundResults(db: DbExecutor, roundId: string): Promise<string> {
  const rows = await db
    .selectFrom("round_results")
    .select(["model_id", "total_milli", "max_milli", "eliminated", "tier", "rank", "breakdown", "explanation"])
    .where("round_id", "=", roundId)
    .orderBy("model_id")
    .execute();
  return createHash("sha256").update(canonicalJson(rows)).digest("hex");
}
