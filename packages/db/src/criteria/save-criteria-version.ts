import { err, ok, type Result } from "@lantoa/domain/errors";
import { sql, type Transaction } from "kysely";
import type { Database } from "../database.js";
import { type StaleVersionError, staleVersion } from "../shared/stale-version.js";
import { updateVersioned } from "../shared/update-versioned.js";

/**
 * Creates a criteria set with its first version, a draft. Call inside a transaction.
 *
 * @example
 * const { setId, versionId } = await insertCriteriaSet(trx, { code: "hoi-thi-2026", name: "Hội thi 2026", definition });
 */
export async function insertCriteriaSet(
  trx: Transaction<Database>,
  input: { code: string; name: string; definition: unknown },
): Promise<{ setId: string; versionId: string }> {
  const { id: setId } = await trx
    .insertInto("criteria_sets")
    .values({ code: input.code, name: input.name })
    .returning("id")
    .executeTakeFirstOrThrow();
  const { id: versionId } = await trx
    .insertInto("criteria_set_versions")
    .values({
      criteria_set_id: setId,
      version_number: 1,
      status: "draft",
      definition: JSON.stringify(input.definition),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { setId, versionId };
}

/**
 * Locks a criteria set for the rest of the transaction and returns its draft, if it has
 * one: two requests starting a draft at once then see each other's.
 *
 * @example
 * const existing = await lockCriteriaSetDraft(trx, setId); // undefined when there is no draft
 */
export async function lockCriteriaSetDraft(
  trx: Transaction<Database>,
  setId: string,
): Promise<{ id: string; version_number: number } | undefined> {
  await trx.selectFrom("criteria_sets").select("id").where("id", "=", setId).forUpdate().executeTakeFirstOrThrow();
  return trx
    .selectFrom("criteria_set_versions")
    .select(["id", "version_number"])
    .where("criteria_set_id", "=", setId)
    .where("status", "=", "draft")
    .executeTakeFirst();
}

/**
 * Adds a draft version numbered after the set's highest version. Call inside a
 * transaction; the set row is locked so two new drafts cannot take one number.
 *
 * @example
 * const { versionId, versionNumber } = await insertCriteriaDraft(trx, setId, definition);
 */
export async function insertCriteriaDraft(
  trx: Transaction<Database>,
  setId: string,
  definition: unknown,
): Promise<{ versionId: string; versionNumber: number }> {
  await trx.selectFrom("criteria_sets").select("id").where("id", "=", setId).forUpdate().executeTakeFirstOrThrow();
  const { highest } = await trx
    .selectFrom("criteria_set_versions")
    .select(sql<number>`coalesce(max(version_number), 0)::int`.as("highest"))
    .where("criteria_set_id", "=", setId)
    .executeTakeFirstOrThrow();
  const versionNumber = Number(highest) + 1;
  const { id: versionId } = await trx
    .insertInto("criteria_set_versions")
    .values({
      criteria_set_id: setId,
      version_number: versionNumber,
      status: "draft",
      definition: JSON.stringify(definition),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { versionId, versionNumber };
}

/**
 * Replaces a draft's definition if it is still at `expectedVersion`. The caller has
 * checked that the row is a draft (the database refuses to change a published one).
 *
 * @example
 * const saved = await saveCriteriaDraftDefinition(trx, versionId, 3, definition);
 */
export function saveCriteriaDraftDefinition(
  trx: Transaction<Database>,
  versionId: string,
  expectedVersion: number,
  definition: unknown,
): Promise<Result<{ version: number }, StaleVersionError>> {
  return updateVersioned(trx, "criteria_set_versions", versionId, expectedVersion, {
    definition: JSON.stringify(definition),
  });
}

/**
 * Freezes a draft as published: its final definition, content hash and publication
 * time, if it is still at `expectedVersion`. From then on the database refuses any
 * change to the row.
 *
 * @example
 * const frozen = await freezeCriteriaVersion(trx, versionId, 4, { definition, contentHash, publishedAt });
 */
export async function freezeCriteriaVersion(
  trx: Transaction<Database>,
  versionId: string,
  expectedVersion: number,
  published: { definition: unknown; contentHash: string; publishedAt: string },
): Promise<Result<{ version: number }, StaleVersionError>> {
  const row = await trx
    .updateTable("criteria_set_versions")
    .set((eb) => ({
      status: "published",
      definition: JSON.stringify(published.definition),
      content_hash: published.contentHash,
      published_at: published.publishedAt,
      version: eb("version", "+", 1),
    }))
    .where("id", "=", versionId)
    .where("version", "=", expectedVersion)
    .where("status", "=", "draft")
    .returning("version")
    .executeTakeFirst();
  return row ? ok({ version: row.version }) : err(staleVersion("criteria_set_versions", versionId, expectedVersion));
}
