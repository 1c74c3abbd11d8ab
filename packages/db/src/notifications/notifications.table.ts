import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;

/** Whether a notification is also an e-mail: none wanted, waiting to be sent, or sent. */
export type NotificationEmailStatus = "none" | "pending" | "sent";

/**
 * Row type of `notifications`: one message to one user, written in the transaction of the
 * change it tells about. The e-mail columns are its outbox state.
 */
export interface NotificationTable {
  id: Generated<string>;
  recipient_user_id: string;
  kind: string;
  payload: Json;
  created_at: Timestamp;
  read_at: Date | string | null;
  email_status: ColumnType<NotificationEmailStatus, NotificationEmailStatus | undefined, NotificationEmailStatus>;
  email_attempts: Generated<number>;
  email_next_attempt_at: Date | string | null;
  email_sent_at: Date | string | null;
  email_last_error: string | null;
}

/** Row type of `reminders_sent`: a deadline reminder already sent, one per user, round, step and offset. */
export interface ReminderSentTable {
  user_id: string;
  round_id: string;
  step: string;
  offset_days: number;
  sent_at: Timestamp;
}
