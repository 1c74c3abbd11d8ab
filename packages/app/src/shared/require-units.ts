import { type DbExecutor, findUnitsByIds } from "@lantoa/db";
import { err, ok, type Result } from "@lantoa/domain/errors";
import { notFound } from "../errors/not-found.js";

/** UNIT.NOT_FOUND for the first of `unitIds` that does not exist (before a foreign key would fail with a crash). */
export async function requireUnits(db: DbExecutor, unitIds: readonly string[]): Promise<Result<void>> {
  const found = await findUnitsByIds(db, unitIds);
  const missing = unitIds.find((_, i) => found[i] === null);
  return missing === undefined ? ok(undefined) : err(notFound("unit", missing));
}
