import type { DbExecutor } from "../executor.js";

/** Configuration tables keyed by `code`. */
export type ConfiguredCatalogue = "levels" | "fields" | "unit_kinds";

/**
 * The code if the catalogue has it (undefined otherwise): what a workflow checks before
 * storing a level, field or unit kind chosen by the caller.
 *
 * @example await findConfiguredCode(trx, "fields", "social-welfare") // "social-welfare"
 */
export async function findConfiguredCode(
  db: DbExecutor,
  catalogue: ConfiguredCatalogue,
  code: string,
): Promise<string | undefined> {
  const row = await db.selectFrom(catalogue).select("code").where("code", "=", code).executeTakeFirst();
  return row?.code;
}
