import { ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";
import { RecordId } from "../shared/input-schemas.js";
import { openRound } from "./open-round.js";
import { scoreRoundResults } from "./score-round-results.js";

/** The round under review whose results to compute. */
export const ComputeRoundResultsInput = z.object({ roundId: RecordId });

/**
 * Computes the results of a round under review as a preview for its admins (opening
 * the council computes them again). Audited `round.computeResults`.
 */
export const computeRoundResults = defineUseCase({
  name: "computeRoundResults",
  input: ComputeRoundResultsInput,
  run: async (scope, input) => {
    const round = await openRound(scope, input.roundId, { stages: ["review"], administer: true });
    if (!round.ok) return round;
    const scored = await scoreRoundResults(scope.trx, round.value, scope.now.toISOString());
    if (!scored.ok) return scored;
    const { models, needsAnotherReviewer, tierCounts } = scored.value;
    await scope.audit({
      action: "round.computeResults",
      entity: "round",
      entityId: input.roundId,
      after: { models: models.length, needsAnotherReviewer },
    });
    return ok({ id: input.roundId, models: models.length, needsAnotherReviewer, tierCounts });
  },
});
