import { hashRoundResults, resolvedDisagreements, roundProgress, staleVersion, updateVersioned } from "@lantoa/db";
import { err, ok } from "@lantoa/domain/errors";
import { advanceRound as decideStep, type RoundProgress, RoundStepSchema } from "@lantoa/domain/round";
import * as z from "zod";
import { notifyRoundStep } from "../notifications/notify-round-step.js";
import { defineUseCase } from "../runner/use-case.js";
import { ExpectedVersion, RecordId } from "../shared/input-schemas.js";
import { openRound } from "./open-round.js";
import { scoreRoundResults } from "./score-round-results.js";

/** One step of a round read at `expectedVersion`. */
export const AdvanceRoundInput = z.object({
  roundId: RecordId,
  /** open-self-assessment, open-review, open-council, finalize or publish. */
  step: RoundStepSchema,
  expectedVersion: ExpectedVersion,
});

/**
 * Takes one step of a round (an admin of the organizer; the domain's `advanceRound`
 * says what each step requires). Opening the council computes the results first and
 * refuses while disagreements are unresolved (flagged by the engine, with no further
 * reviewer's submitted scorecard and no chair's decision); finalizing stores the
 * results' content hash. Audited `round.<step>`.
 */
export const advanceRound = defineUseCase({
  name: "advanceRound",
  input: AdvanceRoundInput,
  run: async (scope, input) => {
    const { trx } = scope;
    const id = input.roundId;
    const round = await openRound(scope, id, { stages: "any", administer: true });
    if (!round.ok) return round;
    const { row } = round.value;
    if (row.version !== input.expectedVersion) return err(staleVersion("rounds", id, input.expectedVersion));
    const at = scope.now.toISOString();
    const progress = await roundProgress(trx, round.value);
    let checked: RoundProgress = progress;
    if (input.step === "open-council" && row.status === "review" && progress.missingReviews.length === 0) {
      const scored = await scoreRoundResults(trx, round.value, at);
      if (!scored.ok) return scored;
      const resolved = new Set(await resolvedDisagreements(trx, id));
      checked = {
        ...progress,
        unresolvedDisagreements: scored.value.needsAnotherReviewer.filter((m) => !resolved.has(m)),
      };
    }
    const decided = decideStep(row.status, input.step, checked);
    if (!decided.ok) return decided;
    const finalizing = input.step === "finalize";
    const resultsHash = finalizing ? await hashRoundResults(trx, id) : row.results_hash;
    const saved = await updateVersioned(trx, "rounds", id, input.expectedVersion, {
      status: decided.value.status,
      ...(finalizing ? { results_hash: resultsHash, finalized_at: at } : {}),
      ...(input.step === "publish" ? { published_at: at } : {}),
    });
    if (!saved.ok) return saved;
    await scope.audit({
      action: `round.${input.step}`,
      entity: "round",
      entityId: id,
      before: { status: row.status, version: row.version },
      after: { status: decided.value.status, version: saved.value.version, resultsHash },
    });
    await notifyRoundStep(scope, row, input.step);
    return ok({ id, from: row.status, status: decided.value.status, version: saved.value.version, resultsHash });
  },
});
