import { addGraphileJobs, type DbTransaction } from "@lantoa/db";

/** The task that sends one notification's e-mail, by the notification's id. */
export const SEND_NOTIFICATION_EMAIL = "send-notification-email";

/** The periodic task that sends the deadline reminders due. */
export const SEND_DUE_REMINDERS = "send-due-reminders";

/**
 * Where e-mails of notifications are queued, in the transaction that wrote the notifications
 * (the host chooses: graphile-worker's jobs on PostgreSQL, the notifications' own outbox
 * columns on PGlite). Without one, e-mail is off and notifications stay in the app.
 */
export interface EmailQueue {
  enqueue(trx: DbTransaction, notificationIds: readonly string[]): Promise<void>;
  /** Called after a commit that queued e-mails: a local runner may start at once. */
  readonly wake?: () => void;
}

/**
 * Queues each e-mail as a graphile-worker job (keyed by the notification, so it is queued
 * once), through its SQL API in the caller's transaction.
 *
 * @example createApp({ db, emailQueue: graphileEmailQueue() })
 */
export function graphileEmailQueue(): EmailQueue {
  return {
    enqueue: (trx, ids) =>
      addGraphileJobs(
        trx,
        ids.map((id) => ({ task: SEND_NOTIFICATION_EMAIL, payload: { notificationId: id }, key: `email:${id}` })),
      ),
  };
}

/**
 * The notifications' own e-mail columns are the queue (pending, next attempt): nothing else
 * to write; `wake` tells the in-process runner that reads them (PGlite: one process).
 */
export function outboxEmailQueue(wake?: () => void): EmailQueue {
  return { enqueue: () => Promise.resolve(), ...(wake ? { wake } : {}) };
}
