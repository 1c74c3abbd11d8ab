import type { DbExecutor } from "../executor.js";

/** What use cases check of a model before deciding: owner, status, pilot flag and version. */
export interface ModelHeader {
  readonly id: string;
  readonly code: string;
  readonly owner_unit_id: string;
  readonly status: string;
  readonly is_pilot: boolean;
  readonly version: number;
}

/** A model's header, or undefined when there is no such model. */
export async function findModelHeader(db: DbExecutor, id: string): Promise<ModelHeader | undefined> {
  return db
    .selectFrom("models")
    .select(["id", "code", "owner_unit_id", "status", "is_pilot", "version"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The id of the model with this code, if any (codes are unique). */
export async function findModelIdByCode(db: DbExecutor, code: string): Promise<string | undefined> {
  const row = await db.selectFrom("models").select("id").where("code", "=", code).executeTakeFirst();
  return row?.id;
}
