import { insertCouncilDecision } from "@lantoa/db";
import { ok } from "@lantoa/domain/errors";
import { decideCouncil } from "@lantoa/domain/round";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";
import { RecordId } from "../shared/input-schemas.js";
import { openRound } from "./open-round.js";

const count = z.number().int().min(0).max(1000);

/** A council sitting's counts on a round in council, and the chair's note. */
export const RecordCouncilDecisionInput = z.object({
  roundId: RecordId,
  members: z.number().int().min(1).max(1000),
  present: count,
  votesFor: count,
  votesAgainst: count,
  abstentions: count,
  note: z.string().max(2000).nullish(),
});

/**
 * Records a council sitting on a round in council: the round's quorum and approval
 * threshold decide the outcome (the domain's `decideCouncil`), stored with the counts
 * and the note. An admin of the organizer. Audited `round.councilDecision`.
 */
export const recordCouncilDecision = defineUseCase({
  name: "recordCouncilDecision",
  input: RecordCouncilDecisionInput,
  run: async (scope, input) => {
    const round = await openRound(scope, input.roundId, { stages: ["council"], administer: true });
    if (!round.ok) return round;
    const { roundId, note: given, ...votes } = input;
    const decided = decideCouncil(votes, round.value.settings);
    if (!decided.ok) return decided;
    const note = given ?? null;
    await insertCouncilDecision(scope.trx, {
      roundId,
      votes,
      outcome: decided.value.outcome,
      note,
      decidedAt: scope.now.toISOString(),
    });
    await scope.audit({
      action: "round.councilDecision",
      entity: "round",
      entityId: roundId,
      after: { ...votes, ...decided.value, note },
    });
    return ok({ id: roundId, ...decided.value });
  },
});
