import { type DomainError, domainError } from "../errors/domain-error.js";
import { err, ok, type Result } from "../errors/result.js";
import type { IsoDate } from "../internal/iso-date.js";
import type { Commendation } from "./commendation.js";

/**
 * Ends the open suspension of a commendation; `until` is the last suspended day.
 * `COMMENDATION.NOT_SUSPENDED` if none is open, `COMMENDATION.INVALID_DATE` if `until`
 * is before the suspension began.
 *
 * @example liftCommendationSuspension(c, "2023-08-31")
 */
export function liftCommendationSuspension(
  commendation: Commendation,
  until: IsoDate,
): Result<Commendation, DomainError<"COMMENDATION.NOT_SUSPENDED" | "COMMENDATION.INVALID_DATE">> {
  const open = commendation.suspensions.findIndex((s) => s.until === null);
  const current = commendation.suspensions[open];
  if (current === undefined) {
    return err(
      domainError(
        "COMMENDATION.NOT_SUSPENDED",
        {
          vi: `Khen thưởng ${commendation.decisionNumber} không bị tạm đình chỉ`,
          en: `Commendation ${commendation.decisionNumber} is not suspended`,
        },
        { commendationId: commendation.id },
      ),
    );
  }
  if (until < current.from) {
    return err(
      domainError(
        "COMMENDATION.INVALID_DATE",
        { vi: "Ngày kết thúc tạm đình chỉ sớm hơn ngày bắt đầu", en: "The suspension cannot end before it began" },
        { from: current.from, until },
      ),
    );
  }
  const suspensions = commendation.suspensions.map((s, i) => (i === open ? { ...s, until } : s));
  return ok({ ...commendation, suspensions });
}
