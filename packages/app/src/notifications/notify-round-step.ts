import { ownerUnitsOfRound, reviewersOfRound, unitStaffOf } from "@lantoa/db";
import type { UseCaseScope } from "../runner/use-case.js";
import { notify } from "./notify.js";

/** A round as its notifications name it. */
export interface NotifiedRound {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly self_assessment_due: string | null;
  readonly review_due: string | null;
}

/**
 * Tells who works in the step a round just took: opening self-assessment, the staff of the
 * units owning its eligible models; opening review, its assigned reviewers; publishing, both.
 * Other steps (council, finalize) concern the organizer, who took them.
 */
export async function notifyRoundStep(scope: UseCaseScope, round: NotifiedRound, step: string): Promise<void> {
  const base = { roundId: round.id, roundCode: round.code, roundName: round.name };
  const staff = async () => unitStaffOf(scope.trx, await ownerUnitsOfRound(scope.trx, round.id));
  switch (step) {
    case "open-self-assessment":
      await notify(scope, "round-step-opened", await staff(), () => ({
        ...base,
        step: "self-assessment",
        due: round.self_assessment_due,
      }));
      return;
    case "open-review":
      await notify(scope, "round-step-opened", await reviewersOfRound(scope.trx, round.id), () => ({
        ...base,
        step: "review",
        due: round.review_due,
      }));
      return;
    case "publish": {
      const everyone = [...(await staff()), ...(await reviewersOfRound(scope.trx, round.id))];
      await notify(scope, "round-published", [...new Set(everyone)], () => base);
      return;
    }
    default:
      return;
  }
}
