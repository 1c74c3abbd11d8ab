export type { Mailer, MailMessage } from "./mailer.js";
export { MarkNotificationsReadInput, markNotificationsRead } from "./mark-notifications-read.js";
export {
  NOTIFICATION_KINDS,
  type NotificationKind,
  NotificationKindSchema,
  NotificationLanguageSchema,
} from "./notification-kinds.js";
export { notify } from "./notify.js";
export { type RenderedNotification, renderNotification } from "./render-notification.js";
export {
  SaveNotificationPreferencesInput,
  saveNotificationPreferences,
} from "./save-notification-preferences.js";
export { SendDueRemindersInput, sendDueReminders } from "./send-due-reminders.js";
export {
  emailRetryDelaySeconds,
  type NotificationEmailDeps,
  notificationEmail,
  sendDueNotificationEmails,
  sendNotificationEmail,
} from "./send-notification-email.js";
