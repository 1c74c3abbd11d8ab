import { sql } from "kysely";
import type { DbExecutor } from "../executor.js";

/** A notification to store: who receives it, what kind, what its message needs, whether to e-mail it. */
export interface NewNotification {
  readonly id: string;
  readonly recipientUserId: string;
  readonly kind: string;
  readonly payload: Record<string, unknown>;
  readonly email: boolean;
  readonly at: Date;
}

/** A notification as its recipient reads it. */
export interface NotificationRow {
  readonly id: string;
  readonly recipientUserId: string;
  readonly kind: string;
  readonly payload: Record<string, unknown>;
  readonly createdAt: Date;
  readonly readAt: Date | null;
}

/**
 * Stores notifications in the caller's transaction, so they exist if and only if the change does.
 *
 * @example
 * await insertNotifications(trx, [{ id, recipientUserId, kind: "scorecard.assigned", payload, email: true, at }])
 */
export async function insertNotifications(db: DbExecutor, rows: readonly NewNotification[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto("notifications")
      .values(
        rows.slice(i, i + 1000).map((n) => ({
          id: n.id,
          recipient_user_id: n.recipientUserId,
          kind: n.kind,
          payload: JSON.stringify(n.payload),
          created_at: n.at,
          email_status: n.email ? ("pending" as const) : ("none" as const),
          email_next_attempt_at: n.email ? n.at : null,
        })),
      )
      .execute();
  }
}

function toRow(r: {
  id: string;
  recipient_user_id: string;
  kind: string;
  payload: unknown;
  created_at: Date;
  read_at: Date | string | null;
}): NotificationRow {
  return {
    id: r.id,
    recipientUserId: r.recipient_user_id,
    kind: r.kind,
    payload: (r.payload ?? {}) as Record<string, unknown>,
    createdAt: new Date(r.created_at),
    readAt: r.read_at === null ? null : new Date(r.read_at),
  };
}

/** Where a page of notifications continues: after this one (newest first). */
export interface NotificationCursor {
  readonly createdAt: Date;
  readonly id: string;
}

/**
 * A user's notifications, newest first, `limit` of them after `after`.
 *
 * @example
 * const page = await listNotifications(db, userId, { limit: 21, unreadOnly: true });
 */
export async function listNotifications(
  db: DbExecutor,
  userId: string,
  options: { limit: number; after?: NotificationCursor | undefined; unreadOnly?: boolean | undefined },
): Promise<NotificationRow[]> {
  let query = db
    .selectFrom("notifications")
    .select(["id", "recipient_user_id", "kind", "payload", "created_at", "read_at"])
    .where("recipient_user_id", "=", userId);
  if (options.unreadOnly) query = query.where("read_at", "is", null);
  const after = options.after;
  if (after) {
    query = query.where(sql<boolean>`(created_at, id) < (${after.createdAt}, ${after.id}::uuid)`);
  }
  const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").limit(options.limit).execute();
  return rows.map(toRow);
}

/** How many notifications the user has not read. */
export function countUnreadNotifications(db: DbExecutor, userId: string): Promise<number> {
  return countNotifications(db, userId, { unreadOnly: true });
}

/** How many notifications the user has (unread ones only, when asked). */
export async function countNotifications(
  db: DbExecutor,
  userId: string,
  options: { unreadOnly?: boolean | undefined } = {},
): Promise<number> {
  let query = db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("recipient_user_id", "=", userId);
  if (options.unreadOnly) query = query.where("read_at", "is", null);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Marks the user's notifications read: these ids (others' ids are ignored), or every unread one
 * when `ids` is null. Returns the ids it marked.
 */
export async function markNotificationsRead(
  db: DbExecutor,
  userId: string,
  ids: readonly string[] | null,
  at: Date,
): Promise<string[]> {
  if (ids !== null && ids.length === 0) return [];
  let query = db
    .updateTable("notifications")
    .set({ read_at: at })
    .where("recipient_user_id", "=", userId)
    .where("read_at", "is", null);
  if (ids !== null) query = query.where("id", "in", [...ids]);
  const rows = await query.returning("id").execute();
  return rows.map((r) => r.id);
}

/** A notification with what its e-mail needs: the recipient's address, name and language. */
export interface NotificationEmail extends NotificationRow {
  readonly emailStatus: "none" | "pending" | "sent";
  readonly emailAttempts: number;
  readonly to: string | null;
  readonly recipientName: string;
  readonly language: "vi" | "en";
}

/**
 * The notification `id` with its recipient's address, locked for the caller's transaction so two
 * senders of the same e-mail wait for each other (the second then sees it sent).
 */
export async function lockNotificationEmail(db: DbExecutor, id: string): Promise<NotificationEmail | null> {
  const row = await db
    .selectFrom("notifications as n")
    .innerJoin("users as u", "u.id", "n.recipient_user_id")
    .select([
      "n.id",
      "n.recipient_user_id",
      "n.kind",
      "n.payload",
      "n.created_at",
      "n.read_at",
      "n.email_status",
      "n.email_attempts",
      "u.email",
      "u.display_name",
      "u.language",
    ])
    .where("n.id", "=", id)
    .forUpdate("n")
    .executeTakeFirst();
  if (!row) return null;
  return {
    ...toRow(row),
    emailStatus: row.email_status,
    emailAttempts: row.email_attempts,
    to: row.email,
    recipientName: row.display_name,
    language: row.language,
  };
}

/** Records that the notification's e-mail went out (or that there was nowhere to send it). */
export async function markNotificationEmailSent(db: DbExecutor, id: string, at: Date): Promise<void> {
  await db
    .updateTable("notifications")
    .set({ email_status: "sent", email_sent_at: at, email_next_attempt_at: null })
    .where("id", "=", id)
    .execute();
}

/** Records a failed attempt to send the notification's e-mail and when to try again. */
export async function recordNotificationEmailFailure(
  db: DbExecutor,
  id: string,
  failure: { readonly error: string; readonly nextAttemptAt: Date },
): Promise<void> {
  await db
    .updateTable("notifications")
    .set((eb) => ({
      email_attempts: eb("email_attempts", "+", 1),
      email_last_error: failure.error.slice(0, 1000),
      email_next_attempt_at: failure.nextAttemptAt,
    }))
    .where("id", "=", id)
    .execute();
}

/**
 * Notifications whose e-mail is due (pending, next attempt at or before `now`), oldest first: what
 * the in-process runner sends on PGlite.
 */
export async function dueNotificationEmails(
  db: DbExecutor,
  now: Date,
  limit: number,
): Promise<Array<{ id: string; attempts: number }>> {
  const rows = await db
    .selectFrom("notifications")
    .select(["id", "email_attempts"])
    .where("email_status", "=", "pending")
    .where("email_next_attempt_at", "<=", now)
    .orderBy("email_next_attempt_at")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, attempts: r.email_attempts }));
}

/**
 * Queues graphile-worker jobs in the caller's transaction through its SQL API, all in one
 * statement (`graphile_worker.add_jobs`): they exist if and only if the transaction commits.
 * Needs graphile-worker's schema: PostgreSQL only.
 *
 * @example
 * await addGraphileJobs(trx, [{ task: "send-notification-email", payload: { notificationId }, key: `email:${notificationId}` }])
 */
export async function addGraphileJobs(
  db: DbExecutor,
  jobs: ReadonlyArray<{ task: string; payload: Record<string, unknown>; key?: string; maxAttempts?: number }>,
): Promise<void> {
  if (jobs.length === 0) return;
  const specs = jobs.map((job) => ({
    identifier: job.task,
    payload: job.payload,
    max_attempts: job.maxAttempts ?? 25,
    job_key: job.key ?? null,
  }));
  await sql`SELECT count(*) FROM graphile_worker.add_jobs(array(
    SELECT json_populate_record(null::graphile_worker.job_spec, spec)
    FROM json_array_elements(${JSON.stringify(specs)}::json) AS spec))`.execute(db);
}
