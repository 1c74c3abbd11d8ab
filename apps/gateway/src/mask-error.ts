import { DATABASE_RETRY_AFTER_SECONDS, databaseUnavailable, isDatabaseUnavailable } from "@lantoa/db";
import { GraphQLError } from "graphql";
import { createLogger, maskError, type YogaLogger } from "graphql-yoga";

/**
 * Yoga's error masking, except that the database being out of reach (a restart, a network
 * cut) is said plainly: `DB.UNAVAILABLE`, HTTP 503 with `Retry-After`, and
 * `retryAfterSeconds`, so a client retries instead of reporting a bug. Every other
 * unexpected error stays "Unexpected error." (INTERNAL_SERVER_ERROR).
 */
export function maskGatewayError(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  if (!isDatabaseUnavailable(original)) return maskError(error, message, isDev);
  const refusal = databaseUnavailable();
  return new GraphQLError(`${refusal.message.vi} / ${refusal.message.en}`, {
    ...(error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {}),
    extensions: {
      code: refusal.code,
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      http: { status: 503, headers: { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) } },
    },
  });
}

/**
 * Yoga's logger, except that requests refused while the database is out of reach are not
 * logged one stack trace each (an outage under load would flood the log): one warning per
 * ten seconds says how many there were.
 */
export function createGatewayLogger(base: YogaLogger = createLogger("info"), now: () => number = Date.now): YogaLogger {
  let refused = 0;
  let warnedAt = Number.NEGATIVE_INFINITY;
  return {
    debug: (...args) => base.debug(...args),
    info: (...args) => base.info(...args),
    warn: (...args) => base.warn(...args),
    error: (...args) => {
      if (!args.some(isDatabaseUnavailable)) return base.error(...args);
      refused++;
      if (now() - warnedAt < 10_000) return;
      base.warn(
        `The database cannot be reached: ${refused} request(s) refused with DB.UNAVAILABLE since the last warning.`,
      );
      warnedAt = now();
      refused = 0;
    },
  };
}
