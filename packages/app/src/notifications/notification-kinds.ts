import * as z from "zod";

/** What a notification tells about; each user chooses e-mail or not per kind. */
export const NotificationKindSchema = z.enum([
  "scorecard-assigned",
  "deadline-approaching",
  "model-submitted",
  "model-returned",
  "model-approved",
  "model-withdrawn",
  "round-step-opened",
  "round-published",
  "commendation-suspended",
]);

export type NotificationKind = z.infer<typeof NotificationKindSchema>;

/** Every kind, in the order the preferences list them. */
export const NOTIFICATION_KINDS: readonly NotificationKind[] = NotificationKindSchema.options;

/** The languages a user may receive messages in (Vietnamese by default). */
export const NotificationLanguageSchema = z.enum(["vi", "en"]);
