import { err, ok, type Result } from "@lantoa/domain/errors";
import type { Model, StatusHistoryEntry } from "@lantoa/domain/model";
import type { Transaction } from "kysely";
import type { Database } from "../database.js";
import { type StaleVersionError, staleVersion } from "../shared/stale-version.js";

/** Extra stored facts a domain `Model` does not carry. */
export interface ModelExtras {
  readonly description?: string | null;
  readonly isPilot?: boolean;
}

/** The columns of `models` that mirror the domain's `Model` (the rest are ours). */
function modelColumns(model: Model) {
  return {
    code: model.code,
    name: model.name,
    owner_unit_id: model.ownerUnitId,
    kind: model.kind,
    person_name: model.kind === "individual" ? model.personName : null,
    fields: [...model.fieldCodes],
    annual_theme: model.annualTheme,
    problem: model.problem,
    solution: model.solution,
    start_date: model.startDate,
    status: model.status,
    generated: model.generated,
  };
}

/**
 * Inserts a new model (as `draftModel` decided it) with its targets, evidence and
 * first history entry. Call inside a transaction. Returns the new version (1).
 *
 * @example
 * const decided = draftModel(input, context); // from @lantoa/domain/model
 * if (decided.ok) await insertModel(trx, decided.value.model, decided.value.entry, actorName);
 */
export async function insertModel(
  trx: Transaction<Database>,
  model: Model,
  entry: StatusHistoryEntry,
  actorName: string,
  extras: ModelExtras = {},
): Promise<{ version: number }> {
  await trx
    .insertInto("models")
    .values({
      id: model.id,
      ...modelColumns(model),
      description: extras.description ?? null,
      is_pilot: extras.isPilot ?? false,
      registered_at: entry.at,
    })
    .execute();
  await writeChildren(trx, model);
  await appendHistory(trx, entry, actorName);
  return { version: 1 };
}

/**
 * Saves a decided change of a model (fields, targets, status) and, when given, its
 * history entry, if nobody saved it since `expectedVersion`; otherwise nothing is
 * written and a {@link StaleVersionError} comes back. Call inside a transaction.
 * Evidence rows are left as they are: each is added once (with who uploaded it and
 * when) and keeps its id, so download addresses and the record of who added what
 * survive every later edit or status change.
 */
export async function saveModel(
  trx: Transaction<Database>,
  model: Model,
  expectedVersion: number,
  change: { entry?: StatusHistoryEntry; actorName: string; extras?: ModelExtras },
): Promise<Result<{ version: number }, StaleVersionError>> {
  const updated = await trx
    .updateTable("models")
    .set((eb) => ({
      ...modelColumns(model),
      ...(change.extras?.description === undefined ? {} : { description: change.extras.description }),
      ...(change.extras?.isPilot === undefined ? {} : { is_pilot: change.extras.isPilot }),
      updated_at: change.entry?.at ?? new Date().toISOString(),
      version: eb("version", "+", 1),
    }))
    .where("id", "=", model.id)
    .where("version", "=", expectedVersion)
    .returning("version")
    .executeTakeFirst();
  if (!updated) return err(staleVersion("model", model.id, expectedVersion));
  await trx.deleteFrom("model_targets").where("model_id", "=", model.id).execute();
  await writeTargets(trx, model);
  await writeOrigin(trx, model);
  if (change.entry) await appendHistory(trx, change.entry, change.actorName);
  return ok({ version: updated.version });
}

async function writeChildren(trx: Transaction<Database>, model: Model): Promise<void> {
  await writeTargets(trx, model);
  await writeEvidence(trx, model);
  await writeOrigin(trx, model);
}

async function writeTargets(trx: Transaction<Database>, model: Model): Promise<void> {
  if (model.targets.length > 0) {
    await trx
      .insertInto("model_targets")
      .values(
        model.targets.map((t) => ({
          model_id: model.id,
          indicator_code: t.indicatorCode,
          target_value: t.targetValue,
          unit_code: t.unitCode,
        })),
      )
      .execute();
  }
}

async function writeEvidence(trx: Transaction<Database>, model: Model): Promise<void> {
  if (model.evidence.length > 0) {
    await trx
      .insertInto("evidence")
      .values(
        model.evidence.map((e) =>
          e.kind === "link"
            ? { model_id: model.id, kind: e.kind, title: e.title, uri: e.uri }
            : {
                model_id: model.id,
                kind: e.kind,
                title: e.title,
                uri: e.location.kind === "uri" ? e.location.uri : null,
                storage_key: e.location.kind === "storage" ? e.location.storageKey : null,
                mime_type: e.mimeType,
                size_bytes: e.sizeBytes,
              },
        ),
      )
      .execute();
  }
}

async function writeOrigin(trx: Transaction<Database>, model: Model): Promise<void> {
  if (model.originModelId !== null) {
    await trx
      .insertInto("replications")
      .values({ adopter_model_id: model.id, origin_model_id: model.originModelId, adopted_on: model.startDate })
      .onConflict((c) => c.column("adopter_model_id").doUpdateSet({ origin_model_id: model.originModelId as string }))
      .execute();
  }
}

async function appendHistory(trx: Transaction<Database>, entry: StatusHistoryEntry, actorName: string): Promise<void> {
  const isUserId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(entry.by);
  await trx
    .insertInto("model_status_history")
    .values({
      model_id: entry.modelId,
      from_status: entry.from,
      to_status: entry.to,
      command: entry.command,
      actor_user_id: isUserId ? entry.by : null,
      actor_name: actorName,
      at: entry.at,
      reason: entry.reason,
    })
    .execute();
}
