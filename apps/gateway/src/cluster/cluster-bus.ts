import { randomUUID } from "node:crypto";

/**
 * The PostgreSQL channels gateways listen on. `lantoa_session_changes` and
 * `lantoa_notifications` are sent by the database itself (triggers, migration
 * `2026_12_03_0520_cluster_notices`), the others by gateways (`lantoa_write_positions` by the
 * read router's statement after a write: see `heedAnnouncedWrites`).
 */
export const BUS_CHANNELS = [
  "lantoa_round_progress",
  "lantoa_import_progress",
  "lantoa_response_cache",
  "lantoa_session_changes",
  "lantoa_notifications",
  "lantoa_write_positions",
] as const;
export type BusChannel = (typeof BUS_CHANNELS)[number];

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
export const MAX_NOTICE_BYTES = 7999;

/**
 * What the gateways on one database tell each other: a notice on a channel reaches the
 * listeners of every gateway, this one's included. On PostgreSQL it is a NOTIFY heard on
 * a listening connection of each gateway ({@link postgresClusterBus}); on PGlite, one
 * process anyway, it stays in memory ({@link inProcessClusterBus}).
 */
export interface ClusterBus {
  /** This gateway's own id, for notices it must recognize as its own. */
  readonly id: string;
  /** Whether the database's own notices (its triggers') reach this bus: PostgreSQL's do, PGlite's never. */
  readonly hearsDatabase: boolean;
  /** Sends a notice (at most {@link MAX_NOTICE_BYTES}); a failure is a warning, never a request's error. */
  notify(channel: BusChannel, payload: string): void;
  /** Hears every later notice on the channel; returns what stops it. */
  listen(channel: BusChannel, listener: (payload: string) => void): () => void;
  /**
   * Hears every reconnection after the listening connection was lost: notices sent
   * meanwhile were missed, so whatever they would have emptied must be emptied now.
   */
  onReconnect(listener: () => void): () => void;
  close(): Promise<void>;
}

/** A bus problem is logged as a warning (`LANTOA_CLUSTER_BUS`): no request fails for it. */
export function warnOfBus(message: string): void {
  process.emitWarning(message, { code: "LANTOA_CLUSTER_BUS" });
}

/** Listeners by channel, each called apart: one that throws does not keep a notice from the others. */
export function busListeners(): Pick<ClusterBus, "listen"> & { deliver(channel: string, payload: string): void } {
  const byChannel = new Map<string, Set<(payload: string) => void>>();
  return {
    listen(channel, listener) {
      const listeners = byChannel.get(channel) ?? new Set();
      byChannel.set(channel, listeners);
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    deliver(channel, payload) {
      for (const listener of byChannel.get(channel) ?? []) {
        try {
          listener(payload);
        } catch (error) {
          warnOfBus(`A notice on ${channel} could not be handled: ${(error as Error).message}`);
        }
      }
    },
  };
}

/** One process's bus (PGlite, tests): a notice reaches this gateway's listeners at once. */
export function inProcessClusterBus(): ClusterBus {
  const listeners = busListeners();
  return {
    id: randomUUID(),
    hearsDatabase: false,
    notify: (channel, payload) => listeners.deliver(channel, payload),
    listen: listeners.listen,
    onReconnect: () => () => undefined,
    close: async () => undefined,
  };
}
