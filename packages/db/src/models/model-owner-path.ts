import type { DbExecutor } from "../executor.js";

/**
 * The materialized path of a model's owner unit, or null when there is no such model
 * (what access checks and scope rules compare).
 *
 * @example await modelOwnerPath(db, modelId) // "/ha-nam/thanh-liem/thanh-ha/"
 */
export async function modelOwnerPath(db: DbExecutor, modelId: string): Promise<string | null> {
  const owner = await db
    .selectFrom("models as m")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .select("u.path")
    .where("m.id", "=", modelId)
    .executeTakeFirst();
  return owner?.path ?? null;
}
