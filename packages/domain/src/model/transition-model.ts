import { type DomainError, domainError } from "../errors/domain-error.js";
import { err, ok, type Result } from "../errors/result.js";
import type { IsoDateTime } from "../internal/iso-date.js";
import type { Actor } from "../org/actor.js";
import type { UnitTree } from "../org/unit-tree.js";
import { authorizeModelAction, type ModelAuthorizationError } from "./authorize-model-action.js";
import type { Model } from "./model.js";
import type { ModelCommand } from "./model-command.js";
import type { ModelTransitionRule } from "./model-lifecycle.js";
import type { ModelStatus } from "./model-status.js";
import type { StatusHistoryEntry } from "./status-history-entry.js";

/**
 * Who acts, when, and the tree that decides their authority. Time is passed in.
 *
 * @example const context: ModelTransitionContext = { actor, at: "2022-03-01T08:00:00+07:00", tree };
 */
export interface ModelTransitionContext {
  readonly actor: Actor;
  readonly at: IsoDateTime;
  readonly tree: UnitTree;
  /** Defaults to `modelLifecycle`. */
  readonly lifecycle?: readonly ModelTransitionRule[];
}

/**
 * Errors of {@link transitionModel}.
 *
 * @example if (!r.ok && r.error.code === "MODEL.REASON_REQUIRED") askForReason();
 */
export type ModelTransitionError =
  | ModelAuthorizationError
  | DomainError<
      | "MODEL.TRANSITION_NOT_ALLOWED"
      | "MODEL.REASON_REQUIRED"
      | "MODEL.HISTORY_INCONSISTENT"
      | "MODEL.TIME_OUT_OF_ORDER"
    >;

// Vietnamese words for the lifecycle, so messages never quote English codes.
const ACTION_VI: Record<ModelCommand["kind"], string> = {
  submit: "gửi duyệt",
  withdraw: "rút lại",
  approve: "duyệt",
  return: "trả lại",
  activate: "triển khai",
  suspend: "tạm dừng",
  reinstate: "khôi phục",
  archive: "lưu trữ",
};
const STATUS_VI: Record<ModelStatus, string> = {
  draft: "Nháp",
  submitted: "Đã gửi duyệt",
  returned: "Bị trả lại",
  approved: "Đã duyệt",
  active: "Đang triển khai",
  suspended: "Tạm dừng",
  archived: "Lưu trữ",
};

/**
 * Applies a lifecycle command to a model: checks the current status allows it, that the
 * actor may take it (see `authorizeModelAction`), that a reason is given where required,
 * and that time moves forward; returns the model with its new status and the history
 * entry to append. `reinstate` returns the model to the status it was suspended from,
 * read from `history` (oldest first). Nothing is mutated.
 *
 * @example
 * const r = transitionModel(model, history, { kind: "return", reason: "Thiếu minh chứng" },
 *   { actor: { userId: "u9", role: "unit-admin", unitId: "huyen" }, at: "2022-03-01T08:00:00+07:00", tree });
 * if (r.ok) save(r.value.model, r.value.entry);
 */
export function transitionModel(
  model: Model,
  history: readonly StatusHistoryEntry[],
  command: ModelCommand,
  context: ModelTransitionContext,
): Result<{ readonly model: Model; readonly entry: StatusHistoryEntry }, ModelTransitionError> {
  const authorized = authorizeModelAction({
    actor: context.actor,
    action: command.kind,
    ownerUnitId: model.ownerUnitId,
    tree: context.tree,
    lifecycle: context.lifecycle,
  });
  if (!authorized.ok) return authorized;
  const rule = authorized.value;

  if (!rule.from.includes(model.status)) {
    return err(
      domainError(
        "MODEL.TRANSITION_NOT_ALLOWED",
        {
          vi: `Không thể ${ACTION_VI[command.kind]} mô hình đang ở trạng thái “${STATUS_VI[model.status]}”`,
          en: `Cannot ${command.kind} a model that is ${model.status}`,
        },
        { from: model.status, action: command.kind, allowedFrom: rule.from },
      ),
    );
  }

  const reason = command.reason?.trim() || null;
  if (rule.reasonRequired && reason === null) {
    return err(
      domainError(
        "MODEL.REASON_REQUIRED",
        { vi: `Cần nêu lý do khi "${command.kind}" mô hình`, en: `A reason is required to ${command.kind} a model` },
        { action: command.kind },
      ),
    );
  }

  const last = history.at(-1);
  if (last !== undefined && last.to !== model.status) {
    return err(historyInconsistent(model, `last entry leads to ${last.to}, model is ${model.status}`));
  }
  if (last !== undefined && Date.parse(context.at) < Date.parse(last.at)) {
    return err(
      domainError(
        "MODEL.TIME_OUT_OF_ORDER",
        {
          vi: "Thời điểm chuyển trạng thái sớm hơn lần chuyển trước",
          en: "The transition is dated before the previous one",
        },
        { at: context.at, previousAt: last.at },
      ),
    );
  }

  let to: ModelStatus;
  if (rule.to === "previous") {
    // The last entry led to the current status (checked above): it says where from.
    if (last === undefined || last.from === null) {
      return err(historyInconsistent(model, `no history entry leads to ${model.status}`));
    }
    to = last.from;
  } else {
    to = rule.to;
  }

  const entry: StatusHistoryEntry = {
    modelId: model.id,
    from: model.status,
    to,
    command: command.kind,
    by: context.actor.userId,
    at: context.at,
    reason,
  };
  return ok({ model: { ...model, status: to }, entry });
}

function historyInconsistent(model: Model, why: string): DomainError<"MODEL.HISTORY_INCONSISTENT"> {
  return domainError(
    "MODEL.HISTORY_INCONSISTENT",
    {
      vi: `Lịch sử trạng thái của mô hình ${model.code} không khớp với trạng thái hiện tại`,
      en: `The status history of model ${model.code} does not match its status (${why})`,
    },
    { modelId: model.id, status: model.status },
  );
}
