import { type LoadedRound, loadRound } from "@lantoa/db";
import { err, ok, type Result } from "@lantoa/domain/errors";
import { isRoundLocked, type RoundStatus } from "@lantoa/domain/round";
import { holdsRoleOver } from "../access/roles.js";
import { forbidden } from "../errors/forbidden.js";
import { notFound } from "../errors/not-found.js";
import type { Actor } from "../runner/actor.js";
import type { UseCaseScope } from "../runner/use-case.js";
import { roundLocked, wrongStage } from "./round-errors.js";

/** Where reviewers may be assigned or drawn. */
export const ASSIGNABLE: readonly RoundStatus[] = ["draft", "self-assessment", "review"];

/** Every status but the locked ones (finalized, published). */
export const UNLOCKED: readonly RoundStatus[] = ["draft", "self-assessment", "review", "council"];

/**
 * Whether the actor administers the round: an admin of the organizer's subtree (or a
 * system admin). The one rule for the use cases and for what the gateway lets admins read.
 *
 * @example administersRound(viewer, { organizerPath: "/1/4/" })
 */
export function administersRound(
  actor: Pick<Actor, "assignments"> | null,
  round: { readonly organizerPath: string },
): boolean {
  return holdsRoleOver(actor, ["unit-admin"], round.organizerPath);
}

/**
 * Loads a round for a use case, by default locking its row for the transaction (every
 * write to a round's parts takes this lock first, so a finalization cannot interleave),
 * and refuses in this order: no such round (`ROUND.NOT_FOUND`); with `administer`, an
 * actor who does not administer it (`AUTH.FORBIDDEN`); a status outside `stages`
 * (`ROUND.LOCKED` when finalized or published, `ROUND.WRONG_STAGE` otherwise).
 *
 * @example
 * const round = await openRound(scope, roundId, { stages: ["council"], administer: true });
 * if (!round.ok) return round;
 */
export async function openRound(
  scope: UseCaseScope,
  roundId: string,
  rule: { stages: readonly RoundStatus[] | "any"; administer: boolean; lock?: boolean },
): Promise<Result<LoadedRound>> {
  const round = await loadRound(scope.trx, roundId, { forUpdate: rule.lock ?? true });
  if (!round) return err(notFound("round", roundId));
  if (rule.administer && !administersRound(scope.actor, round)) return err(forbidden());
  const status = round.row.status;
  if (rule.stages !== "any" && !rule.stages.includes(status)) {
    return err(isRoundLocked(status) ? roundLocked(roundId, status) : wrongStage(roundId, status, rule.stages));
  }
  return ok(round);
}
