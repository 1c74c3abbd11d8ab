import type { Kysely, Transaction } from "kysely";
import type { Database } from "../database.js";

/** One audited change: who did what to which record, with before and after. */
export interface AuditEntry {
  readonly actorUserId: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/**
 * Appends to the audit log, in the caller's transaction so the entry exists if and
 * only if the change does. The table refuses updates and deletes.
 */
export async function appendAudit(db: Kysely<Database> | Transaction<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor_user_id: entry.actorUserId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}
