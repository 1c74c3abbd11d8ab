import { findNotificationPreferences, saveNotificationPreferences as save } from "@lantoa/db";
import { err, ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { forbidden } from "../errors/forbidden.js";
import { defineUseCase } from "../runner/use-case.js";
import { NotificationKindSchema, NotificationLanguageSchema } from "./notification-kinds.js";

/** The signed-in user's choices: their e-mail address, language, and the kinds they want by e-mail. */
export const SaveNotificationPreferencesInput = z.object({
  /** Their address; absent keeps the one on file, null removes it (no e-mail at all). */
  email: z.email().max(320).nullish(),
  language: NotificationLanguageSchema,
  /** Kinds to receive by e-mail; every other kind stays in the app only. */
  emailKinds: z.array(NotificationKindSchema).max(20),
});

/** Saves the signed-in user's notification preferences. Audited `user.notification-preferences`. */
export const saveNotificationPreferences = defineUseCase({
  name: "saveNotificationPreferences",
  input: SaveNotificationPreferencesInput,
  run: async (scope, input) => {
    const userId = scope.actor.userId;
    if (userId === null) return err(forbidden());
    const optOuts = NotificationKindSchema.options.filter((kind) => !input.emailKinds.includes(kind));
    const email =
      input.email === undefined ? ((await findNotificationPreferences(scope.trx, userId))?.email ?? null) : input.email;
    const preferences = { email, language: input.language, emailOptOuts: optOuts };
    await save(scope.trx, userId, preferences);
    await scope.audit({
      action: "user.notification-preferences",
      entity: "user",
      entityId: userId,
      after: preferences,
    });
    return ok({ id: userId });
  },
});
