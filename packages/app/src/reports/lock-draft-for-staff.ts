import { findReportDraft, type ReportDraftWithPath, staleVersion } from "@lantoa/db";
import { type DomainError, err, ok, type Result } from "@lantoa/domain/errors";
import { holdsRoleOver, STAFF_ROLES } from "../access/roles.js";
import { forbidden } from "../errors/forbidden.js";
import { notFound } from "../errors/not-found.js";
import type { UseCaseScope } from "../runner/use-case.js";

/**
 * The draft locked for a change by its unit's staff, as read at `expectedVersion`: refused
 * when it is gone (`REPORT.NOT_FOUND`), the actor is not staff of its unit (`FORBIDDEN`) or
 * someone saved it since (`STALE_VERSION`).
 */
export async function lockDraftForStaff(
  scope: UseCaseScope,
  draftId: string,
  expectedVersion: number,
): Promise<Result<ReportDraftWithPath, DomainError>> {
  const row = await findReportDraft(scope.trx, draftId, { forUpdate: true });
  if (!row) return err(notFound("report", draftId));
  if (!holdsRoleOver(scope.actor, STAFF_ROLES, row.unit_path)) return err(forbidden());
  if (row.version !== expectedVersion) return err(staleVersion("report_draft", draftId, expectedVersion));
  return ok(row);
}
