import { staleVersion, updateVersioned } from "@lantoa/db";
import { err, ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";
import { ExpectedVersion, RecordId } from "../shared/input-schemas.js";
import { openRound, UNLOCKED } from "./open-round.js";
import { deadlinesOf, deadlinesOutOfOrder, RoundDeadlinesInput } from "./round-deadlines.js";

/** New due dates for a round's steps, the round read at `expectedVersion`. */
export const SetRoundDeadlinesInput = z.object({
  roundId: RecordId,
  deadlines: RoundDeadlinesInput,
  expectedVersion: ExpectedVersion,
});

/**
 * Sets (or clears, with null) the due dates of a round's steps while it is not finalized (an
 * admin of the organizer). Reminders are sent before each date that is set. Audited
 * `round.deadlines`.
 */
export const setRoundDeadlines = defineUseCase({
  name: "setRoundDeadlines",
  input: SetRoundDeadlinesInput,
  run: async (scope, input) => {
    const round = await openRound(scope, input.roundId, { stages: UNLOCKED, administer: true });
    if (!round.ok) return round;
    const { row } = round.value;
    if (row.version !== input.expectedVersion) {
      return err(staleVersion("rounds", input.roundId, input.expectedVersion));
    }
    const deadlines = deadlinesOf(input.deadlines);
    const outOfOrder = deadlinesOutOfOrder(deadlines);
    if (outOfOrder) return err(outOfOrder);
    const saved = await updateVersioned(scope.trx, "rounds", input.roundId, input.expectedVersion, {
      self_assessment_due: deadlines.selfAssessment,
      review_due: deadlines.review,
      council_due: deadlines.council,
    });
    if (!saved.ok) return saved;
    await scope.audit({
      action: "round.deadlines",
      entity: "round",
      entityId: input.roundId,
      before: { selfAssessment: row.self_assessment_due, review: row.review_due, council: row.council_due },
      after: deadlines,
    });
    return ok({ id: input.roundId, version: saved.value.version });
  },
});
