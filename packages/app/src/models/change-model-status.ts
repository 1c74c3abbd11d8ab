import { loadModel, loadUnitTreeFor, saveModel, staleVersion } from "@lantoa/db";
import { err, ok, type Result } from "@lantoa/domain/errors";
import { type ModelCommand, transitionModel } from "@lantoa/domain/model";
import { domainActorsOf } from "../access/roles.js";
import { forbidden } from "../errors/forbidden.js";
import { notFound } from "../errors/not-found.js";
import type { UseCaseScope } from "../runner/use-case.js";

/**
 * Moves a model through its lifecycle as the domain's `transitionModel` allows the
 * actor (trying each of their roles, strongest first), saves it with its history entry
 * and audits `model.<command>`. The one way a model's status changes, whether an officer
 * submits it or an inspection finding suspends it.
 *
 * @example await changeModelStatus(scope, { modelId, command: { kind: "suspend", reason } })
 */
export async function changeModelStatus(
  scope: UseCaseScope,
  change: { readonly modelId: string; readonly command: ModelCommand; readonly expectedVersion?: number },
): Promise<Result<{ id: string; version: number }>> {
  const { trx, actor } = scope;
  const loaded = await loadModel(trx, change.modelId, { forUpdate: true });
  if (!loaded) return err(notFound("model", change.modelId));
  // A change made since the client read the model is the news that matters most:
  // say so before judging the action against a status the client has not seen.
  const expectedVersion = change.expectedVersion ?? loaded.version;
  if (loaded.version !== expectedVersion) return err(staleVersion("model", loaded.model.id, expectedVersion));
  const tree = await loadUnitTreeFor(trx, [loaded.model.ownerUnitId, ...actor.assignments.map((a) => a.unitId)]);
  let decided: ReturnType<typeof transitionModel> | undefined;
  for (const domainActor of domainActorsOf(actor)) {
    decided = transitionModel(loaded.model, loaded.history, change.command, {
      actor: domainActor,
      at: scope.now.toISOString(),
      tree,
    });
    if (decided.ok) break;
  }
  if (!decided?.ok) return err(decided?.error ?? forbidden());
  const saved = await saveModel(trx, decided.value.model, expectedVersion, {
    entry: decided.value.entry,
    actorName: actor.displayName,
  });
  if (!saved.ok) return saved;
  await scope.audit({
    action: `model.${change.command.kind}`,
    entity: "model",
    entityId: loaded.model.id,
    before: { status: loaded.model.status, version: loaded.version },
    after: { status: decided.value.model.status, version: saved.value.version },
  });
  return ok({ id: loaded.model.id, version: saved.value.version });
}
