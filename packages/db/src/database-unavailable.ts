import { type DomainError, domainError } from "@lantoa/domain/errors";

/**
 * SQLSTATEs that say the server is going away or not there yet, not that the query was
 * wrong: class 08 (connection exception), 57P01–57P03 (admin shutdown, crash shutdown,
 * cannot connect now: a restart), 53300 (too many connections).
 */
const UNAVAILABLE_STATES = /^(08...|57P0[123]|53300)$/;
/** Socket errors of a server that is down, restarting or unreachable. */
const UNAVAILABLE_ERRNOS = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"]);
/** What node-postgres says when a connection ends under a query, or no connection comes in time. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed/i;

/**
 * Whether an error means the database cannot be reached right now (a restart, a network
 * cut, a full connection table), so the same request may well succeed in a moment. A
 * query's own mistakes (a constraint, a syntax error) are not.
 *
 * @example if (isDatabaseUnavailable(error)) return retryLater();
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" && (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_ERRNOS.has(code))) return true;
    if (UNAVAILABLE_MESSAGES.test(cause.message)) return true;
    if (cause instanceof AggregateError && cause.errors.some(isDatabaseUnavailable)) return true;
    // GraphQL wraps a resolver's error as `originalError`; others chain it as `cause`.
    cause = (cause as { originalError?: unknown }).originalError ?? cause.cause;
  }
  return false;
}

/** How long a client should wait before retrying a request the database could not serve. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/** The error a caller gets while the database cannot be reached: retry after a moment. */
export function databaseUnavailable(): DomainError<"DB.UNAVAILABLE"> {
  return domainError(
    "DB.UNAVAILABLE",
    {
      vi: "Cơ sở dữ liệu tạm thời không truy cập được. Hãy thử lại sau giây lát.",
      en: "The database cannot be reached for the moment. Try again in a few seconds.",
    },
    { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
  );
}
