import type { DbExecutor } from "../executor.js";

/** Whether the catalogue (levels, unit kinds or fields) has an entry with this code. */
export async function hasLabel(
  db: DbExecutor,
  catalogue: "levels" | "unit_kinds" | "fields",
  code: string,
): Promise<boolean> {
  const row = await db.selectFrom(catalogue).select("code").where("code", "=", code).executeTakeFirst();
  return row !== undefined;
}
