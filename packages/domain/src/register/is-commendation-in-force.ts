import type { IsoDate } from "../internal/iso-date.js";
import type { Commendation } from "./commendation.js";
import { commendationStatusOn } from "./commendation-status-on.js";

/**
 * Whether a commendation is in force on `date` (`YYYY-MM-DD`): on or after its decision
 * date, on or before `validUntil`, not suspended that day, not revoked on or before it.
 *
 * @example
 * isCommendationInForce(c, "2022-09-15") // true on the decision date
 * isCommendationInForce({ ...c, revocation: { revokedOn: "2023-01-01", reason: "...", decisionNumber: null } }, "2023-01-01") // false
 */
export function isCommendationInForce(commendation: Commendation, date: IsoDate): boolean {
  return commendationStatusOn(commendation, date) === "in-force";
}
