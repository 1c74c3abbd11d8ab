import type { SessionChange } from "@lantoa/db";

/**
 * Where the runner announces, after commit, whose sessions a use case changed, and where
 * caches of validated sessions (the gateway's) listen. The runner learns it from the
 * database's own triggers, so no use case has to remember to announce anything. Other
 * processes learn it from the NOTIFY the same triggers send on PostgreSQL (the gateway's
 * cluster bus); this channel is the path within one process, and the only one on PGlite.
 */
export interface SessionChanges {
  announce(change: SessionChange): void;
  /** Hears every later announcement; returns what stops it. */
  subscribe(listener: (change: SessionChange) => void): () => void;
}

/**
 * A new announcement channel; pass the same one to `createApp` and to the session cache.
 *
 * @example
 * const sessionChanges = createSessionChanges();
 * const app = createApp({ db, sessionChanges });
 * sessionChanges.subscribe((change) => cache.forget(change));
 */
export function createSessionChanges(): SessionChanges {
  const listeners = new Set<(change: SessionChange) => void>();
  return {
    announce: (change) => {
      for (const listener of listeners) listener(change);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
