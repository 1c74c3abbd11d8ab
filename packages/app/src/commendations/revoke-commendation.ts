import { saveCommendation } from "@lantoa/db";
import { ok } from "@lantoa/domain/errors";
import { parseCommendation, revokeCommendation as revoke } from "@lantoa/domain/register";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";
import { ExpectedVersion, IsoDay, RecordId, requiredText } from "../shared/input-schemas.js";
import { lockCommendationAt } from "./lock-commendation-at.js";

/** A revocation from a day, with a reason and optionally the revoking decision's number. */
export const RevokeCommendationInput = z.object({
  commendationId: RecordId,
  revokedOn: IsoDay,
  reason: requiredText(2000),
  decisionNumber: requiredText(64).nullish(),
  /** The commendation's version. */
  expectedVersion: ExpectedVersion,
});

/**
 * Revokes a commendation as the domain's `revokeCommendation` allows (not twice, not
 * before its decision), checks the result is still a valid record, saves it. Audited
 * with the whole commendation before and after.
 */
export const revokeCommendation = defineUseCase({
  name: "revokeCommendation",
  input: RevokeCommendationInput,
  run: async (scope, input) => {
    const loaded = await lockCommendationAt(scope, input.commendationId, input.expectedVersion);
    if (!loaded.ok) return loaded;
    const { commendation } = loaded.value;
    const decided = revoke(commendation, {
      revokedOn: input.revokedOn,
      reason: input.reason,
      decisionNumber: input.decisionNumber ?? null,
    });
    if (!decided.ok) return decided;
    const parsed = parseCommendation(decided.value);
    if (!parsed.ok) return parsed;
    const saved = await saveCommendation(scope.trx, parsed.value, input.expectedVersion);
    if (!saved.ok) return saved;
    await scope.audit({
      action: "revokeCommendation",
      entity: "commendation",
      entityId: commendation.id,
      before: commendation,
      after: parsed.value,
    });
    return ok({ id: commendation.id });
  },
});
