import type { DbExecutor } from "../executor.js";

/**
 * The codes among `codes` that are not in the catalogue of fields (lĩnh vực), in the
 * order given: empty when every code is known.
 *
 * @example await missingFieldCodes(db, ["giao-duc", "' OR 1=1"]) // ["' OR 1=1"]
 */
export async function missingFieldCodes(db: DbExecutor, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const known = await db
    .selectFrom("fields")
    .select("code")
    .where("code", "in", [...codes])
    .execute();
  const knownCodes = new Set(known.map((k) => k.code));
  return codes.filter((c) => !knownCodes.has(c));
}
