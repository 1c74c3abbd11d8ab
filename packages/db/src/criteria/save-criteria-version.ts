import { err, ok, type Result } from "@lantoa/domain/errors";
import { sql, type Transaction } from "kysely";
import type { Database } from "../database.js";
import { type StaleVersionError, staleVersion } from "../shared/stale-version.js";
import { updateVersioned } from "../shared/update-versioned.js";
import { type CriteriaVersionRow, findCriteriaVersionsByIds } from "./list-criteria-sets.js";

/**
 * Creates a criteria set with its first version, a draft, under the ids given. Call
 * inside a transaction.
 *
 * @example
 * await insertCriteriaSet(trx, { setId, versionId, code: "hoi-thi-2026", name: "Hội thi 2026", definition });
 */
export async function insertCriteriaSet(
  trx: Transaction<Database>,
  input: { setId: string; versionId: string; code: string; name: string; definition: unknown },
): Promise<{ setId: string; versionId: string }> {
  await trx.insertInto("criteria_sets").values({ id: input.setId, code: input.code, name: input.name }).execute();
  await trx
    .insertInto("criteria_set_versions")
    .values({
      id: input.versionId,
      criteria_set_id: input.setId,
      version_number: 1,
      status: "draft",
      definition: JSON.stringify(input.definition),
    })
    .execute();
  return { setId: input.setId, versionId: input.versionId };
}

/**
 * A version with its set's code and name, locked for the rest of the transaction
 * (undefined when there is none): the load of saving or publishing it.
 *
 * @example
 * const row = await lockCriteriaVersion(trx, versionId);
 */
export async function lockCriteriaVersion(
  trx: Transaction<Database>,
  versionId: string,
): Promise<CriteriaVersionRow | undefined> {
  await trx.selectFrom("criteria_set_versions").select("id").where("id", "=", versionId).forUpdate().execute();
  const [row] = await findCriteriaVersionsByIds(trx, [versionId]);
  return row;
}

/**
 * Renames a criteria set (its name follows its draft's Vietnamese name).
 *
 * @example
 * await renameCriteriaSet(trx, setId, "Hội thi 2026");
 */
export async function renameCriteriaSet(trx: Transaction<Database>, setId: string, name: string): Promise<void> {
  await trx.updateTable("criteria_sets").set({ name }).where("id", "=", setId).execute();
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
 * Adds a draft version numbered after the set's highest version, under the id given.
 * Call inside a transaction; the set row is locked so two new drafts cannot take one
 * number.
 *
 * @example
 * const { versionNumber } = await insertCriteriaDraft(trx, { setId, versionId, definition });
 */
export async function insertCriteriaDraft(
  trx: Transaction<Database>,
  draft: { setId: string; versionId: string; definition: unknown },
): Promise<{ versionId: string; versionNumber: number }> {
  await trx
    .selectFrom("criteria_sets")
    .select("id")
    .where("id", "=", draft.setId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const { highest } = await trx
    .selectFrom("criteria_set_versions")
    .select(sql<number>`coalesce(max(version_number), 0)::int`.as("highest"))
    .where("criteria_set_id", "=", draft.setId)
    .executeTakeFirstOrThrow();
  const versionNumber = Number(highest) + 1;
  await trx
    .insertInto("criteria_set_versions")
    .values({
      id: draft.versionId,
      criteria_set_id: draft.setId,
      version_number: versionNumber,
      status: "draft",
      definition: JSON.stringify(draft.definition),
    })
    .execute();
  return { versionId: draft.versionId, versionNumber };
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
