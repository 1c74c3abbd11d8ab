import { createHash } from "node:crypto";
import { type DomainError, domainError, err, ok, type Result } from "@lantoa/domain/errors";
import { sql, type Transaction } from "kysely";
import type { Database } from "../database.js";

/** The same key was used before with a different request. */
export type IdempotencyKeyReusedError = DomainError<"DB.IDEMPOTENCY_KEY_REUSED">;

/** A stable hash of a request body, for comparing a retry with the first request. */
export function requestHash(request: unknown): string {
  return createHash("sha256").update(JSON.stringify(request)).digest("hex");
}

/**
 * Runs `create` at most once per (user, key): a retry with the same key and the same
 * request returns the first response without running it again; the same key with a
 * different request is refused. Call inside the transaction that does the create, so
 * the key is stored if and only if the create commits.
 *
 * @example
 * const result = await onceForKey(trx, { userId, key, operation: "createModel", request: input }, () => create(trx));
 */
export async function onceForKey<T>(
  trx: Transaction<Database>,
  call: { userId: string; key: string; operation: string; request: unknown },
  create: () => Promise<T>,
): Promise<Result<{ response: T; replayed: boolean }, IdempotencyKeyReusedError>> {
  const hash = requestHash({ operation: call.operation, request: call.request });
  // Serialize concurrent first uses of one key.
  await sql`select pg_advisory_xact_lock(hashtext(${`${call.userId}:${call.key}`}))`.execute(trx);
  const previous = await trx
    .selectFrom("idempotency_keys")
    .select(["request_hash", "response"])
    .where("user_id", "=", call.userId)
    .where("key", "=", call.key)
    .executeTakeFirst();
  if (previous) {
    if (previous.request_hash !== hash) {
      return err(
        domainError(
          "DB.IDEMPOTENCY_KEY_REUSED",
          {
            vi: "Khóa chống gửi trùng này đã được dùng cho một yêu cầu khác. Hãy tạo khóa mới cho yêu cầu mới.",
            en: "This idempotency key was already used for a different request. Use a new key for a new request.",
          },
          { key: call.key },
        ),
      );
    }
    return ok({ response: previous.response as T, replayed: true });
  }
  const response = await create();
  await trx
    .insertInto("idempotency_keys")
    .values({
      key: call.key,
      user_id: call.userId,
      operation: call.operation,
      request_hash: hash,
      response: JSON.stringify(response),
    })
    .execute();
  return ok({ response, replayed: false });
}
