import type { CorrectiveActionRow } from "@lantoa/db";
import { type CorrectiveAction, CorrectiveActionSchema } from "@lantoa/domain/register";

/** The domain's corrective action from its row. */
export function correctiveActionFromRow(row: CorrectiveActionRow): CorrectiveAction {
  return CorrectiveActionSchema.parse({
    id: row.id,
    description: row.description,
    dueDate: row.due_on,
    // Rows from before completion days were kept (imports, demo data) may be verified
    // without one: such an action was completed by the day it was verified at the latest.
    completedOn: row.completed_on ?? row.verified_on,
    verifiedOn: row.verified_on,
  });
}
