import { saveCommendation } from "@lantoa/db";
import { ok } from "@lantoa/domain/errors";
import { liftCommendationSuspension as lift } from "@lantoa/domain/register";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";
import { ExpectedVersion, IsoDay, RecordId } from "../shared/input-schemas.js";
import { lockCommendationAt } from "./lock-commendation-at.js";

/** The end of a commendation's open suspension. */
export const LiftCommendationSuspensionInput = z.object({
  commendationId: RecordId,
  /** The last suspended day. */
  until: IsoDay,
  /** The commendation's version. */
  expectedVersion: ExpectedVersion,
});

/**
 * Ends a commendation's open suspension as the domain's `liftCommendationSuspension`
 * allows (one must be open, and it cannot end before it began). Audited with the
 * suspensions before and after.
 */
export const liftCommendationSuspension = defineUseCase({
  name: "liftCommendationSuspension",
  input: LiftCommendationSuspensionInput,
  run: async (scope, input) => {
    const loaded = await lockCommendationAt(scope, input.commendationId, input.expectedVersion);
    if (!loaded.ok) return loaded;
    const { commendation } = loaded.value;
    const decided = lift(commendation, input.until);
    if (!decided.ok) return decided;
    const saved = await saveCommendation(scope.trx, decided.value, input.expectedVersion);
    if (!saved.ok) return saved;
    await scope.audit({
      action: "liftCommendationSuspension",
      entity: "commendation",
      entityId: commendation.id,
      before: commendation.suspensions,
      after: decided.value.suspensions,
    });
    return ok({ id: commendation.id });
  },
});
