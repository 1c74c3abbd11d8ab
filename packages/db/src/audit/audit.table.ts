import type { ColumnType, Generated } from "kysely";

/** Row type of `audit_log`: append-only; the database refuses updates and deletes. */
export interface AuditLogTable {
  id: Generated<number>;
  at: ColumnType<Date, Date | string | undefined, never>;
  actor_user_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before: ColumnType<unknown, string | null | undefined, never>;
  after: ColumnType<unknown, string | null | undefined, never>;
}

/** Row type of `idempotency_keys`: the first response to a create, replayed on retry. */
export interface IdempotencyKeyTable {
  key: string;
  user_id: string;
  operation: string;
  request_hash: string;
  response: ColumnType<unknown, string, never>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}
