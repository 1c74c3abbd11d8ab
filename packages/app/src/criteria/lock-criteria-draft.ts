import { type CriteriaVersionRow, type DbTransaction, lockCriteriaVersion, staleVersion } from "@lantoa/db";
import { err, ok, type Result } from "@lantoa/domain/errors";
import { criteriaPublishedImmutable, criteriaVersionNotFound } from "./criteria-errors.js";

/**
 * Locks a draft version for a change read at `expectedVersion`: refuses a version that
 * does not exist, one already published (before the version: a published version is
 * the news that matters), and a stale one.
 */
export async function lockCriteriaDraft(
  trx: DbTransaction,
  versionId: string,
  expectedVersion: number,
): Promise<Result<CriteriaVersionRow>> {
  const row = await lockCriteriaVersion(trx, versionId);
  if (!row) return err(criteriaVersionNotFound(versionId));
  if (row.status === "published") return err(criteriaPublishedImmutable(row));
  if (row.version !== expectedVersion) return err(staleVersion("criteria_set_versions", row.id, expectedVersion));
  return ok(row);
}
