import { findNotificationRecipients, insertNotifications } from "@lantoa/db";
import type { UseCaseScope } from "../runner/use-case.js";
import type { NotificationKind } from "./notification-kinds.js";

/**
 * Notifies users of something the running use case did, in its transaction: one in-app
 * notification each (never to the actor themself, nor to disabled users), and an e-mail
 * queued for those with an address who did not turn e-mail off for `kind`, when e-mail is on.
 * `payloadFor` gives each recipient's payload (what the message needs, frozen at this moment).
 * Returns the notifications' ids.
 *
 * @example await notify(scope, "model-approved", staffIds, () => ({ modelId, modelCode, modelName }))
 */
export async function notify(
  scope: UseCaseScope,
  kind: NotificationKind,
  userIds: readonly string[],
  payloadFor: (userId: string) => Record<string, unknown>,
): Promise<string[]> {
  const wanted = userIds.filter((id) => id !== scope.actor.userId);
  const recipients = await findNotificationRecipients(scope.trx, wanted);
  if (recipients.length === 0) return [];
  const queue = scope.emailQueue;
  const rows = recipients.map((r) => ({
    id: scope.newId(),
    recipientUserId: r.userId,
    kind,
    payload: payloadFor(r.userId),
    email: queue !== null && r.email !== null && !r.emailOptOuts.includes(kind),
    at: scope.now,
  }));
  await insertNotifications(scope.trx, rows);
  const emailed = rows.filter((r) => r.email).map((r) => r.id);
  if (queue && emailed.length > 0) {
    await queue.enqueue(scope.trx, emailed);
    const wake = queue.wake;
    if (wake) scope.afterCommit(wake);
  }
  return rows.map((r) => r.id);
}
