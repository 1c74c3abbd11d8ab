import type { Model, StatusHistoryEntry } from "@lantoa/domain/model";
import { StatusHistoryEntrySchema } from "@lantoa/domain/model";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../database.js";
import { modelFromRow } from "./model-from-row.js";

/** A model as the domain sees it, with the version to save against and its history. */
export interface LoadedModel {
  readonly model: Model;
  readonly version: number;
  readonly history: StatusHistoryEntry[];
}

/**
 * Loads one model with its targets, evidence, origin and status history (the
 * "load" of load → decide → save). `null` when there is no such model. Pass a
 * transaction and `forUpdate` to lock the row until the save.
 *
 * @example
 * const loaded = await loadModel(trx, id, { forUpdate: true });
 */
export async function loadModel(
  db: Kysely<Database> | Transaction<Database>,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedModel | null> {
  let query = db.selectFrom("models").selectAll().where("id", "=", id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return null;
  const [targets, evidence, origin, history] = await Promise.all([
    db.selectFrom("model_targets").selectAll().where("model_id", "=", id).orderBy("indicator_code").execute(),
    db.selectFrom("evidence").selectAll().where("model_id", "=", id).orderBy("uploaded_at").execute(),
    db.selectFrom("replications").select("origin_model_id").where("adopter_model_id", "=", id).executeTakeFirst(),
    db.selectFrom("model_status_history").selectAll().where("model_id", "=", id).orderBy("at").orderBy("id").execute(),
  ]);
  return {
    model: modelFromRow(row, targets, evidence, origin?.origin_model_id ?? null),
    version: row.version,
    history: history.map((h) =>
      StatusHistoryEntrySchema.parse({
        modelId: h.model_id,
        from: h.from_status,
        to: h.to_status,
        command: h.command,
        by: h.actor_user_id ?? h.actor_name,
        at: new Date(h.at).toISOString(),
        reason: h.reason,
      }),
    ),
  };
}
