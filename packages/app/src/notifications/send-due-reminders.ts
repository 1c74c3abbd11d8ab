import { claimReminders, reminderCandidates } from "@lantoa/db";
import { ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";
import { notify } from "./notify.js";

/** How many days before a due date reminders go out (default 3 and 1). */
export const SendDueRemindersInput = z.object({
  offsetsDays: z.array(z.number().int().min(0).max(60)).min(1).max(10).default([3, 1]),
});

/** Whole days from `today` to `due` (both "YYYY-MM-DD"). */
function daysUntil(today: string, due: string): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/**
 * Sends the deadline reminders due today (the runner's clock): to each reviewer with
 * scorecards not submitted in a round under review, and each staff member of a unit whose
 * models lack a submitted self-assessment, when the step's due date is at most an offset
 * away. The reminder of the smallest offset that applies goes out, once per user, round,
 * step and offset: `reminders_sent` claims it in this transaction, so two workers running
 * this at once send it once. Run by the job queue, as the system (no user).
 */
export const sendDueReminders = defineUseCase({
  name: "sendDueReminders",
  input: SendDueRemindersInput,
  run: async (scope, input) => {
    const offsets = [...new Set(input.offsetsDays)].sort((a, b) => a - b);
    const candidates = await reminderCandidates(scope.trx, scope.today, Math.max(...offsets));
    const wanted = candidates.flatMap((c) => {
      const left = daysUntil(scope.today, c.due);
      const offset = offsets.find((o) => o >= left);
      return offset === undefined ? [] : [{ candidate: c, offsetDays: offset }];
    });
    const claimed = await claimReminders(
      scope.trx,
      wanted.map((w) => ({
        userId: w.candidate.userId,
        roundId: w.candidate.roundId,
        step: w.candidate.step,
        offsetDays: w.offsetDays,
      })),
      scope.now,
    );
    const key = (r: { userId: string; roundId: string; step: string }) => `${r.userId}|${r.roundId}|${r.step}`;
    const claimedKeys = new Set(claimed.map(key));
    let sent = 0;
    for (const { candidate } of wanted) {
      if (!claimedKeys.has(key(candidate))) continue;
      sent += (
        await notify(scope, "deadline-approaching", [candidate.userId], () => ({
          roundId: candidate.roundId,
          roundCode: candidate.roundCode,
          roundName: candidate.roundName,
          step: candidate.step,
          due: candidate.due,
          open: candidate.open,
        }))
      ).length;
    }
    return ok({ sent });
  },
});
