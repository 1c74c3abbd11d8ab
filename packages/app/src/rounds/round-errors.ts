import { type DomainError, domainError } from "@lantoa/domain/errors";

/** The round is finalized or published: nothing of it may change. */
export function roundLocked(id: string, status: string): DomainError<"ROUND.LOCKED"> {
  return domainError(
    "ROUND.LOCKED",
    {
      vi: "Đợt bình xét đã chốt kết quả: không thể thay đổi phiếu chấm, phân công hay kết quả.",
      en: "The round is finalized: its scorecards, assignments and results can no longer change.",
    },
    { id, status },
  );
}

/** The round is not at the stage this action belongs to. */
export function wrongStage(id: string, status: string, expected: readonly string[]): DomainError<"ROUND.WRONG_STAGE"> {
  return domainError(
    "ROUND.WRONG_STAGE",
    {
      vi: `Thao tác này chỉ thực hiện được khi đợt ở giai đoạn: ${expected.join(", ")}.`,
      en: `This can only be done while the round is ${expected.join(" or ")}.`,
    },
    { id, status, expected },
  );
}

/** A reviewer may not score this model (tree or declared conflict, or not assigned). */
export function conflictOfInterest(
  modelId: string,
  reviewerUserId: string | null,
): DomainError<"ROUND.CONFLICT_OF_INTEREST"> {
  return domainError(
    "ROUND.CONFLICT_OF_INTEREST",
    {
      vi: "Giám khảo có xung đột lợi ích với mô hình này (đơn vị của mình hoặc cấp dưới, hoặc đã khai báo).",
      en: "The reviewer has a conflict of interest with this model (own unit or below, or declared).",
    },
    { modelId, reviewerUserId },
  );
}

/** The model is not in the round's scope, or not eligible in it. */
export function modelNotInRound(modelId: string): DomainError<"ROUND.MODEL_NOT_IN_ROUND"> {
  return domainError(
    "ROUND.MODEL_NOT_IN_ROUND",
    { vi: "Mô hình không thuộc đợt (hoặc không đủ điều kiện).", en: "The model is not (eligible) in this round." },
    { modelId },
  );
}

/** The user is not assigned to review this model in the round (or has already declared a conflict with it). */
export function notAssigned(modelId: string, reviewerUserId: string | null): DomainError<"ROUND.NOT_ASSIGNED"> {
  return domainError(
    "ROUND.NOT_ASSIGNED",
    {
      vi: "Bạn không được giao chấm mô hình này trong đợt (hoặc đã khai báo xung đột lợi ích với nó).",
      en: "You are not assigned to review this model in the round (or have already declared a conflict with it).",
    },
    { modelId, reviewerUserId },
  );
}

/**
 * None of the reviewer pool goes by these usernames: no such user, a disabled account,
 * or a user without the reviewer role are one case, since only the pool may be assigned.
 */
export function notAReviewer(usernames: readonly string[]): DomainError<"ROUND.NOT_A_REVIEWER"> {
  const names = usernames.join(", ");
  return domainError(
    "ROUND.NOT_A_REVIEWER",
    {
      vi: `Không có giám khảo nào với tên đăng nhập: ${names} (tài khoản không tồn tại, đã bị khóa hoặc không có vai trò giám khảo).`,
      en: `No reviewer has the username ${names} (no such account, a disabled one, or one without the reviewer role).`,
    },
    { usernames },
  );
}

/** The reviewer holds no assignment to this model in the round (nothing to remove). */
export function assignmentNotFound(
  modelId: string,
  reviewerUsername: string,
): DomainError<"ROUND.ASSIGNMENT_NOT_FOUND"> {
  return domainError(
    "ROUND.ASSIGNMENT_NOT_FOUND",
    {
      vi: `Giám khảo ${reviewerUsername} không được giao chấm mô hình này trong đợt.`,
      en: `${reviewerUsername} is not assigned to this model in the round.`,
    },
    { modelId, reviewerUsername },
  );
}

/** The reviewer has started (or submitted) their scorecard for the model: the assignment stays. */
export function scorecardStarted(
  modelId: string,
  reviewerUsername: string,
  status: string,
): DomainError<"ROUND.SCORECARD_STARTED"> {
  return domainError(
    "ROUND.SCORECARD_STARTED",
    {
      vi: `Không thể bỏ phân công: giám khảo ${reviewerUsername} đã bắt đầu chấm mô hình này.`,
      en: `The assignment cannot be removed: ${reviewerUsername} has already started scoring this model.`,
    },
    { modelId, reviewerUsername, scorecardStatus: status },
  );
}
