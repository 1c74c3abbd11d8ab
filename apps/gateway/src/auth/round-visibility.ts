import { holdsRoleOver } from "@lantoa/app";
import type { SessionUser } from "@lantoa/db";

/** What the rules below need of a round: its step and the organizer unit's path. */
export interface RoundAccessFacts {
  readonly status: string;
  readonly organizerPath: string;
}

/**
 * What is public about a round, decided once for every path that shows it (the
 * `leaderboard` query, `Round.results`, `roundExport`, `scorecards`):
 *
 * - its results (totals, tiers, the per-criterion breakdown, ranks) are everyone's once
 *   the round is published, and before that only the organizer's admins';
 * - who reviewed what, their scorecards and comments are only ever the organizer's
 *   admins' (system admins included), published or not. Reviewers and unit staff see
 *   their own part through `scorecards`, never the round's export.
 */
export function mayReadRoundResults(viewer: SessionUser | null, round: RoundAccessFacts): boolean {
  return round.status === "published" || organizesRound(viewer, round);
}

/** Reviewers' identities, scorecards and comments: see {@link mayReadRoundResults}. */
export function mayReadReviewers(viewer: SessionUser | null, round: RoundAccessFacts): boolean {
  return organizesRound(viewer, round);
}

/** An admin of the organizer's subtree, or a system admin. */
function organizesRound(viewer: SessionUser | null, round: RoundAccessFacts): boolean {
  return holdsRoleOver(viewer, ["unit-admin"], round.organizerPath);
}

/** {@link mayReadRoundResults} as a Pothos scope map, for `authScopes`. */
export function roundResultsScopes(round: RoundAccessFacts): true | { administersUnit: string } {
  return round.status === "published" ? true : { administersUnit: round.organizerPath };
}
