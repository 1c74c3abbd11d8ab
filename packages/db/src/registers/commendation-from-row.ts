import { type Commendation, CommendationSchema } from "@lantoa/domain/register";
import type { Selectable } from "kysely";
import type { CommendationSuspensionTable, CommendationTable } from "./registers.table.js";

/**
 * Maps a stored commendation and its suspensions to the domain's `Commendation`,
 * checked by its zod schema. `issuer` is stored as text and stands in for the issuing unit;
 * `reason` is the domain's `achievement`.
 *
 * @example commendationStatusOn(commendationFromRow(row, suspensions), "2023-09-01")
 */
export function commendationFromRow(
  row: Selectable<CommendationTable>,
  suspensions: readonly Selectable<CommendationSuspensionTable>[],
): Commendation {
  const recipient =
    row.recipient_kind === "model"
      ? { kind: "model", modelId: row.recipient_model_id }
      : row.recipient_kind === "unit"
        ? { kind: "unit", unitId: row.recipient_unit_id }
        : { kind: "person", personName: row.recipient_person_name, unitId: row.recipient_unit_id };
  return CommendationSchema.parse({
    id: row.id,
    decisionNumber: row.decision_number,
    decisionDate: row.decision_date,
    issuerUnitId: row.issuer,
    levelCode: row.level,
    formCode: row.form,
    recipient,
    ...(row.reason === null ? {} : { achievement: row.reason }),
    validUntil: row.valid_until,
    suspensions: [...suspensions]
      .sort((a, b) => a.suspended_from.localeCompare(b.suspended_from))
      .map((s) => ({ from: s.suspended_from, until: s.suspended_until, reason: s.reason, findingId: s.finding_id })),
    revocation:
      row.revoked_on === null
        ? null
        : {
            revokedOn: row.revoked_on,
            reason: row.revoked_reason ?? "",
            decisionNumber: row.revocation_decision_number ?? null,
          },
  });
}
