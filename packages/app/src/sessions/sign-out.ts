import { revokeSession } from "@lantoa/db";
import { ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";

/** The token of the session to end. */
export const SignOutInput = z.object({ token: z.string().min(1).max(200) });

/** Revokes a session; later requests with its token are anonymous. True when it was open. Audited as `signOut`. */
export const signOut = defineUseCase({
  name: "signOut",
  input: SignOutInput,
  run: async (scope, input) => {
    const revoked = await revokeSession(scope.trx, input.token, scope.now);
    if (revoked && scope.actor.userId !== null) {
      await scope.audit({ action: "signOut", entity: "user", entityId: scope.actor.userId });
    }
    return ok(revoked);
  },
});
