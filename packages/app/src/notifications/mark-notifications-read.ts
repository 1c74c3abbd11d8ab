import { markNotificationsRead as markRead } from "@lantoa/db";
import { err, ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { forbidden } from "../errors/forbidden.js";
import { defineUseCase } from "../runner/use-case.js";
import { RecordId } from "../shared/input-schemas.js";

/** Which of the viewer's notifications to mark read: these, or all of them. */
export const MarkNotificationsReadInput = z
  .object({
    ids: z.array(RecordId).max(500).nullish(),
    all: z.boolean().nullish(),
  })
  .refine((input) => (input.ids != null) !== (input.all === true), {
    message: "Give either ids or all, not both.",
  });

/**
 * Marks the signed-in user's own notifications read (ids of others' are ignored); `all`
 * marks every unread one. Not audited: reading one's messages changes nothing of the record.
 */
export const markNotificationsRead = defineUseCase({
  name: "markNotificationsRead",
  input: MarkNotificationsReadInput,
  run: async (scope, input) => {
    const userId = scope.actor.userId;
    if (userId === null) return err(forbidden());
    const marked = await markRead(scope.trx, userId, input.all ? null : (input.ids ?? []), scope.now);
    return ok({ marked: marked.length, ids: marked });
  },
});
