import { type DomainError, domainError, err, ok, type Result } from "../errors/index.js";
import type { RoundSettings } from "./round-settings.js";

/** A council sitting's count: members, members present and their votes. */
export interface CouncilVotes {
  readonly members: number;
  readonly present: number;
  readonly votesFor: number;
  readonly votesAgainst: number;
  readonly abstentions: number;
}

/** What the council decided, with the figures the rules asked for. */
export interface CouncilDecision {
  readonly outcome: "approved" | "rejected" | "no-quorum";
  /** Members who had to be present. */
  readonly quorumNeeded: number;
  /** Votes "for" that approval needed, of the votes cast. */
  readonly approvalsNeeded: number;
}

/**
 * Decides a council vote: without a quorum (at least ⌈members × quorum⌉ present) there
 * is no decision; otherwise the results are approved when the votes for reach the
 * threshold of votes cast (for + against + abstentions), e.g. 70 %. Counts that do not
 * add up are refused with `ROUND.INVALID_VOTES`.
 *
 * @example
 * decideCouncil({ members: 9, present: 8, votesFor: 7, votesAgainst: 1, abstentions: 0 }, { quorum: 2 / 3, approvalThreshold: 0.7 })
 * // ok({ outcome: "approved", quorumNeeded: 6, approvalsNeeded: 6 })
 */
export function decideCouncil(
  votes: CouncilVotes,
  settings: Pick<RoundSettings, "quorum" | "approvalThreshold">,
): Result<CouncilDecision, DomainError<"ROUND.INVALID_VOTES">> {
  const cast = votes.votesFor + votes.votesAgainst + votes.abstentions;
  const counts = [votes.members, votes.present, votes.votesFor, votes.votesAgainst, votes.abstentions];
  if (
    counts.some((n) => !Number.isInteger(n) || n < 0) ||
    votes.members === 0 ||
    votes.present > votes.members ||
    cast > votes.present
  ) {
    return err(
      domainError(
        "ROUND.INVALID_VOTES",
        {
          vi: "Số liệu biểu quyết không hợp lệ: số có mặt không vượt số thành viên, số phiếu không vượt số có mặt.",
          en: "Invalid vote counts: those present cannot exceed the members, votes cannot exceed those present.",
        },
        { ...votes },
      ),
    );
  }
  // A tiny epsilon so 2/3 of 9 is 6, not 6.000000000000001 rounded up to 7.
  const quorumNeeded = Math.ceil(votes.members * settings.quorum - 1e-9);
  // With no vote cast, the epsilon would make −0.
  const approvalsNeeded = Math.max(0, Math.ceil(cast * settings.approvalThreshold - 1e-9));
  if (votes.present < quorumNeeded) return ok({ outcome: "no-quorum", quorumNeeded, approvalsNeeded });
  const approved = cast > 0 && votes.votesFor >= approvalsNeeded;
  return ok({ outcome: approved ? "approved" : "rejected", quorumNeeded, approvalsNeeded });
}
