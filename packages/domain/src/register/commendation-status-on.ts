import type { IsoDate } from "../internal/iso-date.js";
import type { Commendation } from "./commendation.js";

/**
 * Where a commendation stands on a date: before its decision date, in force, past its
 * validity, suspended, or revoked (from the revocation date on, which wins over all).
 *
 * @example commendationStatusOn(c, "2023-01-01") // "in-force"
 */
export function commendationStatusOn(
  commendation: Commendation,
  date: IsoDate,
): "not-yet-effective" | "in-force" | "expired" | "suspended" | "revoked" {
  if (commendation.revocation !== null && commendation.revocation.revokedOn <= date) return "revoked";
  if (date < commendation.decisionDate) return "not-yet-effective";
  if (commendation.validUntil !== null && date > commendation.validUntil) return "expired";
  const suspended = commendation.suspensions.some((s) => s.from <= date && (s.until === null || date <= s.until));
  return suspended ? "suspended" : "in-force";
}
