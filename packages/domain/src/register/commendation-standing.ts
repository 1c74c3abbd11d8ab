import type { IsoDate } from "../internal/iso-date.js";
import type { Commendation } from "./commendation.js";
import { commendationStatusOn } from "./commendation-status-on.js";

/** Where a commendation stands on a day, with the day that status began and why. */
export interface CommendationStanding {
  readonly status: ReturnType<typeof commendationStatusOn>;
  /**
   * Revoked: the revocation day; suspended: the suspension's first day; expired: the last
   * valid day; in force or not yet effective: the decision day.
   */
  readonly date: IsoDate;
  /** Why it was revoked or suspended; null otherwise. */
  readonly reason: string | null;
  /** The revoking decision's number, when there is one. */
  readonly decisionNumber: string | null;
}

/**
 * What a verification page says of a commendation today: its status (as
 * `commendationStatusOn` decides), since when, and why.
 *
 * @example commendationStanding(revoked, "2023-09-01")
 * // { status: "revoked", date: "2023-06-01", reason: "Kê khai không trung thực", decisionNumber: "77-QĐ/HU" }
 */
export function commendationStanding(commendation: Commendation, today: IsoDate): CommendationStanding {
  const status = commendationStatusOn(commendation, today);
  switch (status) {
    case "revoked": {
      const revocation = commendation.revocation as NonNullable<Commendation["revocation"]>;
      return {
        status,
        date: revocation.revokedOn,
        reason: revocation.reason,
        decisionNumber: revocation.decisionNumber,
      };
    }
    case "suspended": {
      const open = commendation.suspensions.find((s) => s.from <= today && (s.until === null || today <= s.until));
      return { status, date: open?.from ?? today, reason: open?.reason ?? null, decisionNumber: null };
    }
    case "expired":
      return { status, date: commendation.validUntil ?? today, reason: null, decisionNumber: null };
    case "in-force":
    case "not-yet-effective":
      return { status, date: commendation.decisionDate, reason: null, decisionNumber: null };
    default: {
      const never: never = status;
      return never;
    }
  }
}
