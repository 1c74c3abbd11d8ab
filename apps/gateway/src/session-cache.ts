import type { SessionChange, SessionUser } from "@lantoa/db";
import { LRUCache } from "lru-cache";

/** Options of {@link createSessionCache}. */
export interface SessionCacheOptions {
  /** How long a validated session is trusted without asking the database again, in milliseconds. */
  readonly ttlMs: number;
  /** How many sessions are remembered at most; the least recently used go first. */
  readonly max: number;
  /** Looks a token up in the database (`sessionForToken`). */
  readonly lookUp: (token: string, now: Date) => Promise<{ user: SessionUser; expiresAt: Date } | null>;
}

/** Validated sessions, remembered by token; see {@link createSessionCache}. */
export interface SessionCache {
  /** The user behind `token` at `now`, from memory when it was validated lately. */
  viewerFor(token: string, now: Date): Promise<SessionUser | null>;
  /** Forgets at once the sessions of these users (or every session). */
  forget(change: SessionChange): void;
}

/**
 * A short in-process memory of validated sessions, so a request costs no round trip to
 * learn who sent it. Bounded in size (`max`, least recently used out first) and in time
 * (`ttlMs`, and never past the session's own expiry). Forgetting is driven by the app
 * runner's session-change announcements, which come from database triggers: whatever use
 * case signs out, disables, changes roles or moves a scope unit empties the entries at
 * once, without knowing this cache exists. On PostgreSQL the same triggers send a NOTIFY
 * on commit, which every gateway's cluster bus passes to `forget` (see
 * {@link sessionChangeFrom}): another gateway, the command line or SQL by hand reach it
 * at once too. Unknown and refused tokens are never remembered: a flood of made-up tokens cannot push
 * real sessions out.
 */
export function createSessionCache(options: SessionCacheOptions): SessionCache {
  const cache = new LRUCache<string, { user: SessionUser; expiresAt: Date }>({ max: options.max, ttl: options.ttlMs });
  // Counts forgettings: a lookup that began before one must not store what it found,
  // which the change may already have made untrue.
  let forgettings = 0;
  return {
    async viewerFor(token, now) {
      const known = cache.get(token);
      if (known && known.expiresAt > now) return known.user;
      const before = forgettings;
      const found = await options.lookUp(token, now);
      if (found && before === forgettings) cache.set(token, found);
      return found?.user ?? null;
    },
    forget(change) {
      forgettings++;
      if (change === "everyone") {
        cache.clear();
        return;
      }
      const gone = [...cache.entries()].filter(([, entry]) => change.has(entry.user.userId));
      for (const [token] of gone) cache.delete(token);
    },
  };
}

/**
 * The change a `lantoa_session_changes` notice names: user ids separated by commas, or
 * `*` for everyone (too many to list).
 *
 * @example
 * sessionChangeFrom("*"); // "everyone"
 * sessionChangeFrom("7c0e…,91ab…"); // Set { "7c0e…", "91ab…" }
 */
export function sessionChangeFrom(payload: string): SessionChange {
  return payload === "*" ? "everyone" : new Set(payload.split(",").filter((id) => id !== ""));
}
