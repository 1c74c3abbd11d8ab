import type { GoldenBookEntryRow } from "@lantoa/db";
import type { DomainError, Result } from "@lantoa/domain/errors";
import { type GoldenBookEntry, parseGoldenBookEntry } from "@lantoa/domain/register";

/**
 * A stored entry as the domain's `GoldenBookEntry`, checked by its schema. The nominator
 * is the user the audit log names when there is one, else the name stored (imported
 * entries); a decision keeps who and when as stored.
 */
export function goldenBookEntryFromRow(
  row: GoldenBookEntryRow,
  nominatorUserId: string | null,
): Result<GoldenBookEntry, DomainError> {
  return parseGoldenBookEntry({
    id: row.id,
    subject:
      row.subject_kind === "person"
        ? { kind: "person", personName: row.subject_name }
        : { kind: "collective", unitId: row.unit_id },
    deed: row.deed,
    fieldCode: row.field ?? "unspecified",
    date: row.deed_date,
    unitId: row.unit_id,
    nominatedBy: nominatorUserId ?? row.nominated_by,
    status: row.status,
    decision:
      row.status === "nominated"
        ? null
        : {
            by: row.verified_by ?? "?",
            at: new Date(row.verified_at ?? row.created_at).toISOString(),
            reason: row.decision_reason ?? (row.status === "rejected" ? "?" : null),
          },
  });
}
