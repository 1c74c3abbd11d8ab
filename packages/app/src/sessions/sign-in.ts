import { checkCredentials, insertSession, loadSessionUser } from "@lantoa/db";
import { domainError, err, ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";

/** A username, a password, and how long the session may live. */
export const SignInInput = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  ttlHours: z
    .number()
    .positive()
    .max(24 * 90),
});

/**
 * Opens a session for matching credentials: a new secret token (only its hash is
 * stored) valid for `ttlHours`. The password is checked before the transaction opens
 * (scrypt must not hold one). A failed attempt is refused with AUTH.INVALID_CREDENTIALS
 * (the runner records it, with the username tried); a success is audited as `signIn`.
 */
export const signIn = defineUseCase({
  name: "signIn",
  input: SignInInput,
  prepare: async ({ db }, input) => {
    const userId = await checkCredentials(db, input);
    return userId ? ok(userId) : err(invalidCredentials(input.username));
  },
  run: async (scope, input, userId: string) => {
    const token = scope.newToken();
    const expiresAt = new Date(scope.now.getTime() + input.ttlHours * 3_600_000);
    await insertSession(scope.trx, { userId, token, expiresAt });
    const user = await loadSessionUser(scope.trx, userId);
    if (!user) return err(invalidCredentials(input.username));
    await scope.audit({
      action: "signIn",
      entity: "user",
      entityId: userId,
      actorUserId: userId,
      after: { expiresAt },
    });
    return ok({ token, expiresAt, user });
  },
});

function invalidCredentials(username: string) {
  return domainError(
    "AUTH.INVALID_CREDENTIALS",
    { vi: "Tên đăng nhập hoặc mật khẩu không đúng.", en: "The username or password is not correct." },
    { username },
  );
}
