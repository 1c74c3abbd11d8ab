import { eligibleInRound, saveChairDecision } from "@lantoa/db";
import { err, ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";
import { RecordId, requiredText } from "../shared/input-schemas.js";
import { openRound } from "./open-round.js";
import { modelNotInRound } from "./round-errors.js";

/** The chair's decision on one model of a round under review, with the reason. */
export const RecordChairDecisionInput = z.object({
  roundId: RecordId,
  modelId: RecordId,
  decision: requiredText(500),
  reason: requiredText(2000),
});

/**
 * Records the chair's decision on an eligible model whose reviewers disagree beyond the
 * gap (e.g. keep the scores as they are, when no further reviewer is free), with the
 * reason; a later decision on the same model replaces it. An admin of the organizer,
 * while the round is under review. Audited `round.chairDecision`.
 */
export const recordChairDecision = defineUseCase({
  name: "recordChairDecision",
  input: RecordChairDecisionInput,
  run: async (scope, input) => {
    const round = await openRound(scope, input.roundId, { stages: ["review"], administer: true });
    if (!round.ok) return round;
    if (!(await eligibleInRound(scope.trx, input.roundId, input.modelId))) return err(modelNotInRound(input.modelId));
    await saveChairDecision(scope.trx, {
      roundId: input.roundId,
      modelId: input.modelId,
      decision: input.decision,
      reason: input.reason,
      decidedBy: scope.actor.userId,
      decidedAt: scope.now.toISOString(),
    });
    await scope.audit({
      action: "round.chairDecision",
      entity: "round",
      entityId: input.roundId,
      after: { modelId: input.modelId, decision: input.decision, reason: input.reason },
    });
    return ok({ id: input.roundId });
  },
});
