import {
  type Db,
  dueNotificationEmails,
  lockNotificationEmail,
  markNotificationEmailSent,
  recordNotificationEmailFailure,
} from "@lantoa/db";
import type { Mailer, MailMessage } from "./mailer.js";
import { renderNotification } from "./render-notification.js";

/** What sending notification e-mails needs from its host. */
export interface NotificationEmailDeps {
  readonly db: Db;
  readonly mailer: Mailer;
  /** The admin app's public address, e.g. "https://lantoa.example.vn" (links in e-mails). */
  readonly publicUrl: string;
  readonly clock?: () => Date;
}

/**
 * The e-mail of a notification in its recipient's language: the subject prefixed with the
 * product's name, the sentence, and the full link.
 *
 * @example notificationEmail(n, "https://lantoa.example.vn").subject // "[Lan Tỏa] Phiếu chấm mới: …"
 */
export function notificationEmail(
  notification: { kind: string; payload: Record<string, unknown>; language: "vi" | "en"; recipientName: string },
  to: string,
  publicUrl: string,
): MailMessage {
  const words = renderNotification(notification.kind, notification.payload, notification.language);
  const vi = notification.language === "vi";
  const link = `${publicUrl.replace(/\/$/, "")}${words.link}`;
  const footer = vi
    ? "Bạn nhận thư này từ Lan Tỏa. Chọn loại thông báo gửi qua thư trong mục Tài khoản."
    : "You receive this e-mail from Lan Tỏa. Choose which notifications are e-mailed under Account.";
  return {
    to,
    subject: `[Lan Tỏa] ${words.subject}`,
    text: `${vi ? "Kính gửi" : "Dear"} ${notification.recipientName},\n\n${words.body}\n\n${link}\n\n--\n${footer}\n`,
  };
}

/**
 * Sends the e-mail of one notification if it is still pending, holding its row locked while
 * sending so a second sender waits and then finds it sent; marks it sent (also when the
 * recipient has no address any more). Rejects when the mailer does: the caller's queue retries.
 * Returns whether an e-mail went out.
 */
export async function sendNotificationEmail(deps: NotificationEmailDeps, notificationId: string): Promise<boolean> {
  const clock = deps.clock ?? (() => new Date());
  return deps.db.transaction().execute(async (trx) => {
    const notification = await lockNotificationEmail(trx, notificationId);
    if (notification?.emailStatus !== "pending") return false;
    if (notification.to) await deps.mailer.send(notificationEmail(notification, notification.to, deps.publicUrl));
    await markNotificationEmailSent(trx, notificationId, clock());
    return notification.to !== null;
  });
}

/** Seconds before the next attempt after `attempts` failures: 5, 10, 20… up to an hour. */
export function emailRetryDelaySeconds(attempts: number): number {
  return Math.min(3600, 5 * 2 ** Math.max(0, attempts - 1));
}

/**
 * One pass of the in-process outbox (PGlite, one process): sends the notification e-mails
 * due, oldest first; a failure is recorded on the notification with its next attempt
 * (backoff), never dropped. Returns how many were sent and how many failed.
 */
export async function sendDueNotificationEmails(
  deps: NotificationEmailDeps,
  limit = 50,
): Promise<{ sent: number; failed: number }> {
  const clock = deps.clock ?? (() => new Date());
  const due = await dueNotificationEmails(deps.db, clock(), limit);
  let sent = 0;
  let failed = 0;
  for (const item of due) {
    try {
      if (await sendNotificationEmail(deps, item.id)) sent += 1;
    } catch (error) {
      failed += 1;
      const attempts = item.attempts + 1;
      await recordNotificationEmailFailure(deps.db, item.id, {
        error: error instanceof Error ? error.message : String(error),
        nextAttemptAt: new Date(clock().getTime() + emailRetryDelaySeconds(attempts) * 1000),
      });
    }
  }
  return { sent, failed };
}
