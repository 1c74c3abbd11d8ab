import { type LoadedCommendation, loadCommendation, staleVersion } from "@lantoa/db";
import { err, ok, type Result } from "@lantoa/domain/errors";
import { notFound } from "../errors/not-found.js";
import type { UseCaseScope } from "../runner/use-case.js";

/** A commendation locked for a change read at `expectedVersion`: not found, or stale, otherwise. */
export async function lockCommendationAt(
  scope: UseCaseScope,
  commendationId: string,
  expectedVersion: number,
): Promise<Result<LoadedCommendation>> {
  const loaded = await loadCommendation(scope.trx, commendationId, { forUpdate: true });
  if (!loaded) return err(notFound("commendation", commendationId));
  if (loaded.version !== expectedVersion) return err(staleVersion("commendation", commendationId, expectedVersion));
  return ok(loaded);
}
