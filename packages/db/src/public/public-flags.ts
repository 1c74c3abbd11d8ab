import type { DbExecutor, DbTransaction } from "../executor.js";

/** What deciding on a model's public flag needs: its owner's path (for access) and the flag now. */
export interface ModelPublicFlag {
  readonly id: string;
  readonly ownerPath: string;
  readonly isPublic: boolean;
  readonly status: string;
}

/**
 * A model's public flag and owner path, locked for the rest of the transaction;
 * undefined when there is no such model.
 *
 * @example const flag = await lockModelPublicFlag(trx, modelId); flag?.isPublic // false
 */
export async function lockModelPublicFlag(trx: DbTransaction, modelId: string): Promise<ModelPublicFlag | undefined> {
  return trx
    .selectFrom("models as m")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .select(["m.id", "u.path as ownerPath", "m.is_public as isPublic", "m.status"])
    .where("m.id", "=", modelId)
    .forUpdate("m")
    .executeTakeFirst();
}

/** Sets a model's public flag (no version bump: one flag set to a value cannot lose an update). */
export async function saveModelPublicFlag(trx: DbTransaction, modelId: string, isPublic: boolean): Promise<void> {
  await trx.updateTable("models").set({ is_public: isPublic }).where("id", "=", modelId).execute();
}

/** What deciding on a piece of evidence's public flag needs. */
export interface EvidencePublicFlag {
  readonly id: string;
  readonly modelId: string;
  readonly ownerPath: string;
  readonly isPublic: boolean;
  readonly kind: "document" | "photo" | "link";
}

/**
 * A piece of evidence's public flag with its model and the owner's path, locked;
 * undefined when there is none.
 *
 * @example await lockEvidencePublicFlag(trx, evidenceId) // { id, modelId, ownerPath, isPublic: false, kind: "photo" }
 */
export async function lockEvidencePublicFlag(
  trx: DbTransaction,
  evidenceId: string,
): Promise<EvidencePublicFlag | undefined> {
  return trx
    .selectFrom("evidence as e")
    .innerJoin("models as m", "m.id", "e.model_id")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .select(["e.id", "e.model_id as modelId", "u.path as ownerPath", "e.is_public as isPublic", "e.kind"])
    .where("e.id", "=", evidenceId)
    .forUpdate("e")
    .executeTakeFirst();
}

/** Sets a piece of evidence's public flag. */
export async function saveEvidencePublicFlag(trx: DbTransaction, evidenceId: string, isPublic: boolean): Promise<void> {
  await trx.updateTable("evidence").set({ is_public: isPublic }).where("id", "=", evidenceId).execute();
}

/** The owner path of the model a piece of evidence backs, or null when there is none (access checks). */
export async function evidenceOwnerPath(db: DbExecutor, evidenceId: string): Promise<string | null> {
  const row = await db
    .selectFrom("evidence as e")
    .innerJoin("models as m", "m.id", "e.model_id")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .select("u.path")
    .where("e.id", "=", evidenceId)
    .executeTakeFirst();
  return row?.path ?? null;
}
