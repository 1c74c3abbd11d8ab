import type { CouncilVotes } from "@lantoa/domain/round";
import type { Selectable } from "kysely";
import type { DbExecutor, DbTransaction } from "../executor.js";
import type { CouncilDecisionTable } from "./rounds.table.js";

/** A council sitting as stored: the counts, the outcome the rules gave, the chair's note. */
export type CouncilDecisionRow = Selectable<CouncilDecisionTable>;

/**
 * Stores a council sitting on a round.
 *
 * @example
 * await insertCouncilDecision(trx, { roundId, votes, outcome: "approved", note: null, decidedAt })
 */
export async function insertCouncilDecision(
  trx: DbTransaction,
  sitting: {
    readonly roundId: string;
    readonly votes: CouncilVotes;
    readonly outcome: CouncilDecisionRow["outcome"];
    readonly note: string | null;
    readonly decidedAt: string;
  },
): Promise<void> {
  await trx
    .insertInto("council_decisions")
    .values({
      round_id: sitting.roundId,
      members: sitting.votes.members,
      present: sitting.votes.present,
      votes_for: sitting.votes.votesFor,
      votes_against: sitting.votes.votesAgainst,
      abstentions: sitting.votes.abstentions,
      outcome: sitting.outcome,
      chair_note: sitting.note,
      decided_at: sitting.decidedAt,
    })
    .execute();
}

/** A round's council sittings, oldest first. */
export function listCouncilDecisions(db: DbExecutor, roundId: string): Promise<CouncilDecisionRow[]> {
  return db.selectFrom("council_decisions").selectAll().where("round_id", "=", roundId).orderBy("decided_at").execute();
}
