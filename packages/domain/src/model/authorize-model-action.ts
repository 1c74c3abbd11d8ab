import { type DomainError, domainError } from "../errors/domain-error.js";
import { err, ok, type Result } from "../errors/result.js";
import type { Actor } from "../org/actor.js";
import { isWithinScope } from "../org/is-within-scope.js";
import type { UnitTree } from "../org/unit-tree.js";
import type { ModelAction } from "./model-command.js";
import { type ModelTransitionRule, modelLifecycle } from "./model-lifecycle.js";

/**
 * Errors of {@link authorizeModelAction}.
 *
 * @example if (!r.ok && r.error.code === "MODEL.FORBIDDEN") r.error.details?.reason // "role" | "scope"
 */
export type ModelAuthorizationError = DomainError<"MODEL.FORBIDDEN" | "MODEL.UNKNOWN_ACTION" | "ORG.UNIT_NOT_FOUND">;

/**
 * Decides whether `actor` may take `action` on a model owned by `ownerUnitId`, from the
 * actor's role, the actor's unit and the unit tree: e.g. a unit officer drafts and
 * submits only for their own unit, and only an admin of a unit above the owner approves
 * (never the owner's own admin). Returns the matching rule. `MODEL.FORBIDDEN` carries
 * `details.reason`: `"role"` or `"scope"`.
 *
 * @example
 * authorizeModelAction({ actor: { userId: "u9", role: "unit-admin", unitId: "huyen" },
 *   action: "approve", ownerUnitId: "xa-a", tree }) // ok(rule)
 */
export function authorizeModelAction(input: {
  readonly actor: Actor;
  readonly action: ModelAction;
  readonly ownerUnitId: string;
  readonly tree: UnitTree;
  readonly lifecycle?: readonly ModelTransitionRule[] | undefined;
}): Result<ModelTransitionRule, ModelAuthorizationError> {
  const { actor, action, ownerUnitId, tree, lifecycle = modelLifecycle } = input;
  const rule = lifecycle.find((r) => r.action === action);
  if (rule === undefined) {
    return err(
      domainError(
        "MODEL.UNKNOWN_ACTION",
        { vi: `Quy trình không có thao tác "${action}"`, en: `The lifecycle has no action "${action}"` },
        { action },
      ),
    );
  }
  const owner = tree.nodes.get(ownerUnitId);
  if (owner === undefined) {
    return err(
      domainError(
        "ORG.UNIT_NOT_FOUND",
        { vi: `Không tìm thấy đơn vị ${ownerUnitId}`, en: `Unit ${ownerUnitId} not found` },
        { unitId: ownerUnitId },
      ),
    );
  }
  if (actor.role === "system-admin") return ok(rule);
  if (!rule.roles.includes(actor.role)) {
    return err(
      domainError(
        "MODEL.FORBIDDEN",
        {
          vi: `Vai trò ${actor.role} không được thực hiện thao tác "${action}"`,
          en: `Role ${actor.role} may not ${action} a model`,
        },
        { reason: "role", action, role: actor.role },
      ),
    );
  }
  const actorUnitId = actor.unitId;
  const inScope =
    actorUnitId !== null &&
    (() => {
      switch (rule.authority) {
        case "owner-unit":
          return actorUnitId === ownerUnitId;
        case "parent-unit":
          return owner.unit.parentId === actorUnitId;
        case "unit-above":
          return actorUnitId !== ownerUnitId && isWithinScope(tree, ownerUnitId, actorUnitId);
        case "owner-or-above":
          return isWithinScope(tree, ownerUnitId, actorUnitId);
        // Stryker disable next-line all: exhaustive, unreachable
        default: {
          const never: never = rule.authority;
          return never;
        }
      }
    })();
  if (!inScope) {
    return err(
      domainError(
        "MODEL.FORBIDDEN",
        {
          vi: `Đơn vị của người dùng không có thẩm quyền "${action}" với mô hình của ${owner.unit.name}`,
          en: `The actor's unit has no authority to ${action} a model of ${owner.unit.name}`,
        },
        { reason: "scope", action, authority: rule.authority, actorUnitId, ownerUnitId },
      ),
    );
  }
  return ok(rule);
}
