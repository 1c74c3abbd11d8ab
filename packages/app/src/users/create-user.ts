import { findUnitByCode, findUserIdByUsername, hashPassword, insertUser } from "@lantoa/db";
import { domainError, err, ok } from "@lantoa/domain/errors";
import { RoleSchema } from "@lantoa/domain/org";
import * as z from "zod";
import { notFound } from "../errors/not-found.js";
import { defineUseCase } from "../runner/use-case.js";

/** A new account with one role; every role but a system admin's is scoped to a unit (by its code). */
export const CreateUserInput = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[\p{L}\p{N}@._-]{2,100}$/u),
    displayName: z.string().trim().min(1).max(200),
    password: z.string().min(8).max(200),
    role: RoleSchema,
    unitCode: z.string().min(1).max(64).nullish(),
  })
  .refine((u) => u.role === "system-admin" || !!u.unitCode, {
    message: "Every role but system-admin needs a unit",
    path: ["unitCode"],
  });

/**
 * Creates an account: the password is hashed (scrypt) before the transaction opens and
 * never stored or audited in clear; the username must be free (`USER.USERNAME_TAKEN`,
 * any case) and the unit must exist. Audited as `createUser`.
 */
export const createUser = defineUseCase({
  name: "createUser",
  input: CreateUserInput,
  prepare: async (_scope, input) => ok(await hashPassword(input.password)),
  run: async (scope, input, passwordHash: string) => {
    const unit = input.unitCode ? await findUnitByCode(scope.trx, input.unitCode) : undefined;
    if (input.unitCode && !unit) return err(notFound("unit", input.unitCode));
    if ((await findUserIdByUsername(scope.trx, input.username)) !== undefined) {
      return err(
        domainError(
          "USER.USERNAME_TAKEN",
          { vi: `Tên đăng nhập “${input.username}” đã có.`, en: `The username “${input.username}” is taken.` },
          { username: input.username },
        ),
      );
    }
    const unitId = input.role === "system-admin" ? null : (unit?.id ?? null);
    const id = await insertUser(scope.trx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      role: input.role,
      unitId,
    });
    await scope.audit({
      action: "createUser",
      entity: "user",
      entityId: id,
      after: { username: input.username, displayName: input.displayName, role: input.role, unitId },
    });
    return ok({ id });
  },
});
