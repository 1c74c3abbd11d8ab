import type { AppHarness } from "./app-harness.js";

/** The audit entries of a record, oldest first. */
export function auditOf(h: AppHarness, entityId: string) {
  return h.database.db
    .selectFrom("audit_log")
    .select(["action", "entity", "actor_user_id", "before", "after"])
    .where("entity_id", "=", entityId)
    .orderBy("id")
    .execute();
}
