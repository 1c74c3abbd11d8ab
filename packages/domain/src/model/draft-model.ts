import type { DomainError } from "../errors/domain-error.js";
import { ok, type Result } from "../errors/result.js";
import { authorizeModelAction, type ModelAuthorizationError } from "./authorize-model-action.js";
import type { Model } from "./model.js";
import { parseModel } from "./parse-model.js";
import type { StatusHistoryEntry } from "./status-history-entry.js";
import type { ModelTransitionContext } from "./transition-model.js";

/**
 * Creates a model in `draft`: parses the input (its `status` is forced to `draft`),
 * checks the actor may draft for the owner unit, and returns the first history entry
 * (`from: null`).
 *
 * @example
 * draftModel({ kind: "collective", id: "m1", code: "QS-01", name: "Đường hoa quân sự", ownerUnitId: "chqs", ... },
 *   { actor: { userId: "u1", role: "unit-officer", unitId: "chqs" }, at: "2019-03-01T08:00:00+07:00", tree })
 */
export function draftModel(
  input: Record<string, unknown>,
  context: ModelTransitionContext,
): Result<
  { readonly model: Model; readonly entry: StatusHistoryEntry },
  DomainError<"MODEL.INVALID"> | ModelAuthorizationError
> {
  const parsed = parseModel({ ...input, status: "draft" });
  if (!parsed.ok) return parsed;
  const model = parsed.value;
  const authorized = authorizeModelAction({
    actor: context.actor,
    action: "draft",
    ownerUnitId: model.ownerUnitId,
    tree: context.tree,
    lifecycle: context.lifecycle,
  });
  if (!authorized.ok) return authorized;
  return ok({
    model,
    entry: {
      modelId: model.id,
      from: null,
      to: "draft",
      command: "draft",
      by: context.actor.userId,
      at: context.at,
      reason: null,
    },
  });
}
