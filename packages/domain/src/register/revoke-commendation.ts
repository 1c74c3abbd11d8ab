import { type DomainError, domainError } from "../errors/domain-error.js";
import { err, ok, type Result } from "../errors/result.js";
import type { IsoDate } from "../internal/iso-date.js";
import type { Commendation } from "./commendation.js";

/**
 * Revokes a commendation from a day, for a reason, optionally by a numbered decision.
 * Refuses one already revoked (`COMMENDATION.ALREADY_REVOKED`), a blank reason
 * (`COMMENDATION.REASON_REQUIRED`) and a day before the decision (`COMMENDATION.INVALID_DATE`).
 * A suspended commendation may be revoked; revocation wins over the suspension.
 *
 * @example revokeCommendation(c, { revokedOn: "2023-09-01", reason: "Kê khai không trung thực", decisionNumber: "77-QĐ/HU" })
 */
export function revokeCommendation(
  commendation: Commendation,
  revocation: { readonly revokedOn: IsoDate; readonly reason: string; readonly decisionNumber: string | null },
): Result<
  Commendation,
  DomainError<"COMMENDATION.ALREADY_REVOKED" | "COMMENDATION.REASON_REQUIRED" | "COMMENDATION.INVALID_DATE">
> {
  if (commendation.revocation !== null) {
    return err(
      domainError(
        "COMMENDATION.ALREADY_REVOKED",
        {
          vi: `Khen thưởng ${commendation.decisionNumber} đã bị thu hồi từ ngày ${commendation.revocation.revokedOn}`,
          en: `Commendation ${commendation.decisionNumber} was already revoked on ${commendation.revocation.revokedOn}`,
        },
        { commendationId: commendation.id, revokedOn: commendation.revocation.revokedOn },
      ),
    );
  }
  const reason = revocation.reason.trim();
  if (reason === "") {
    return err(
      domainError("COMMENDATION.REASON_REQUIRED", {
        vi: "Cần nêu lý do thu hồi khen thưởng",
        en: "A reason is required to revoke a commendation",
      }),
    );
  }
  if (revocation.revokedOn < commendation.decisionDate) {
    return err(
      domainError(
        "COMMENDATION.INVALID_DATE",
        {
          vi: "Không thể thu hồi khen thưởng trước ngày quyết định",
          en: "A commendation cannot be revoked before its decision date",
        },
        { decisionDate: commendation.decisionDate, revokedOn: revocation.revokedOn },
      ),
    );
  }
  const decisionNumber = revocation.decisionNumber?.trim() || null;
  return ok({ ...commendation, revocation: { revokedOn: revocation.revokedOn, reason, decisionNumber } });
}
