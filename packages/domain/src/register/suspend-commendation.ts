import { type DomainError, domainError } from "../errors/domain-error.js";
import { err, ok, type Result } from "../errors/result.js";
import type { IsoDate } from "../internal/iso-date.js";
import type { Commendation } from "./commendation.js";
import { commendationStatusOn } from "./commendation-status-on.js";

/**
 * Suspends a commendation from a date, e.g. as a finding implies. Refuses one that is
 * not in force that day (`COMMENDATION.NOT_IN_FORCE`, with its status) — revoked,
 * expired, not yet effective or already suspended. Returns a new commendation.
 *
 * @example suspendCommendation(c, { from: "2023-05-01", reason: "Kết luận kiểm tra số 12", findingId: "f1" })
 */
export function suspendCommendation(
  commendation: Commendation,
  suspension: { readonly from: IsoDate; readonly reason: string; readonly findingId: string | null },
): Result<Commendation, DomainError<"COMMENDATION.NOT_IN_FORCE" | "COMMENDATION.REASON_REQUIRED">> {
  if (suspension.reason.trim() === "") {
    return err(
      domainError("COMMENDATION.REASON_REQUIRED", {
        vi: "Cần nêu lý do tạm đình chỉ khen thưởng",
        en: "A reason is required to suspend a commendation",
      }),
    );
  }
  const status = commendationStatusOn(commendation, suspension.from);
  if (status !== "in-force") {
    return err(
      domainError(
        "COMMENDATION.NOT_IN_FORCE",
        {
          vi: `Khen thưởng ${commendation.decisionNumber} không còn hiệu lực vào ngày ${suspension.from} (${status})`,
          en: `Commendation ${commendation.decisionNumber} is not in force on ${suspension.from} (${status})`,
        },
        { commendationId: commendation.id, status, date: suspension.from },
      ),
    );
  }
  return ok({
    ...commendation,
    suspensions: [
      ...commendation.suspensions,
      { from: suspension.from, until: null, reason: suspension.reason.trim(), findingId: suspension.findingId },
    ],
  });
}
