import { type DomainError, domainError } from "@lantoa/domain/errors";
import { CompiledQuery, type Kysely } from "kysely";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "../database.js";
import { passwordHashesWaiting } from "./password.js";

/** How many sign-in attempts are allowed, per account and per address, before a pause. */
export interface LoginLimits {
  /** Attempts on one account (known or not) within `windowSeconds`; a success starts the count again. */
  readonly perAccount: number;
  /** Attempts from one address within `windowSeconds`, whatever the account. */
  readonly perAddress: number;
  readonly windowSeconds: number;
  /** How long an account or address past its limit waits. */
  readonly blockSeconds: number;
  /** Password checks waiting for a hashing slot beyond which new attempts are turned away at once. */
  readonly maxWaitingChecks: number;
}

/**
 * Ten tries on an account in 15 minutes is more than a person mistyping needs and far too
 * few to guess a password; an address (an office behind one router) gets a hundred.
 */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perAccount: 10,
  perAddress: 100,
  windowSeconds: 15 * 60,
  blockSeconds: 15 * 60,
  maxWaitingChecks: 32,
};

/** A sign-in outcome under the throttle: the attempt's own result, or a refusal to try at all. */
export type Throttled<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: LoginRefused };

/** Too many attempts: wait `retryAfterSeconds` (in `details`) before trying again. */
export type LoginRefused = DomainError<"AUTH.TOO_MANY_ATTEMPTS">;

/** Counts sign-in attempts per account and per address; see {@link createLoginThrottle}. */
export interface LoginThrottle {
  /**
   * Counts one attempt on `username` from `address` (null when unknown) and, unless either
   * is past its limit, runs `attempt` (the password check). A successful attempt (a
   * non-null value) starts the account's count again and gives the address its try back.
   */
  attempt<T>(username: string, address: string | null, attempt: () => Promise<T | null>): Promise<Throttled<T | null>>;
}

function tooManyAttempts(retryAfterSeconds: number): LoginRefused {
  // A wait of a quarter of an hour reads better as minutes (rounded up) than as 900 seconds.
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const wait =
    retryAfterSeconds <= 90
      ? { vi: `${retryAfterSeconds} giây`, en: `${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}` }
      : { vi: `${minutes} phút`, en: `${minutes} minutes` };
  return domainError(
    "AUTH.TOO_MANY_ATTEMPTS",
    {
      vi: `Đăng nhập sai quá nhiều lần. Hãy thử lại sau ${wait.vi}.`,
      en: `Too many sign-in attempts. Try again in ${wait.en}.`,
    },
    { retryAfterSeconds },
  );
}

/** rate-limiter-flexible's Postgres store talks to a pg pool: this one runs its statements through Kysely. */
function kyselyStore(db: Kysely<Database>) {
  return {
    query: async ({ text, values }: { text: string; values?: unknown[] }) => {
      const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows, rowCount: Number(result.numAffectedRows ?? BigInt(result.rows.length)) };
    },
  };
}

const accountKey = (username: string) => username.normalize("NFC").trim().toLowerCase();

/**
 * A sign-in throttle whose counters live in the database (`login_attempts`, the same table
 * on PostgreSQL and PGlite), so every gateway on one database shares them. Attempts are
 * counted before the password is checked, one by one (aliased logins in one request
 * too), so a guesser past the limit costs no hashing at all; an unknown account is
 * counted like a known one, so the answers tell nothing about which exist. When too many
 * password checks already wait for a hashing slot, new attempts are refused at once
 * rather than queued. Built on rate-limiter-flexible.
 *
 * @example
 * const throttle = createLoginThrottle(db);
 * const outcome = await throttle.attempt("admin", "203.0.113.9", () => openSession(db, credentials, expiresAt));
 * if (!outcome.ok) outcome.error.details?.retryAfterSeconds; // 900
 */
export function createLoginThrottle(db: Kysely<Database>, limits: LoginLimits = DEFAULT_LOGIN_LIMITS): LoginThrottle {
  const limiter = (keyPrefix: string, points: number) =>
    new RateLimiterPostgres({
      storeClient: kyselyStore(db),
      storeType: "pool",
      tableName: "login_attempts",
      tableCreated: true,
      // Rows are few (one per account or address tried) and expire by themselves.
      clearExpiredByTimeout: false,
      keyPrefix,
      points,
      duration: limits.windowSeconds,
      blockDuration: limits.blockSeconds,
    });
  const perAccount = limiter("account", limits.perAccount);
  const perAddress = limiter("address", limits.perAddress);
  const refusal = (error: unknown): LoginRefused => {
    // The store's own failures (the database down) are not a refusal: let them through.
    if (!(error instanceof RateLimiterRes)) throw error;
    return tooManyAttempts(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
  };
  return {
    async attempt(username, address, attempt) {
      if (passwordHashesWaiting() >= limits.maxWaitingChecks) return { ok: false, error: tooManyAttempts(1) };
      const account = accountKey(username);
      try {
        await perAccount.consume(account);
        if (address !== null) await perAddress.consume(address);
      } catch (error) {
        return { ok: false, error: refusal(error) };
      }
      const value = await attempt();
      if (value !== null) {
        await perAccount.delete(account);
        if (address !== null) await perAddress.reward(address);
      }
      return { ok: true, value };
    },
  };
}
