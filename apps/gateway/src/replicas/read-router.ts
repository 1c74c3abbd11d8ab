import { type Connection, connect, type Database } from "@lantoa/db";
import { type Kysely, sql } from "kysely";
import { type PrimaryPosition, replicaLagMs } from "./replica-lag.js";
import { type ReadTarget, routedReader } from "./routed-dialect.js";
import { walPosition } from "./wal-position.js";
import { createWritePositions, type WritePositions } from "./write-positions.js";

/** Options of {@link createReadRouter}. */
export interface ReadRouterOptions {
  /** The primary: writes, and every read no replica may serve. */
  readonly primary: Kysely<Database>;
  /** PostgreSQL hot standbys streaming from the primary (`DATABASE_REPLICA_URLS`). */
  readonly replicaUrls: readonly string[];
  /** A replica further behind the primary than this is skipped (`LANTOA_REPLICA_MAX_LAG_MS`). */
  readonly maxLagMs: number;
  /** How often the replicas' positions are checked (1 s, or half the bound when shorter, unless said otherwise). */
  readonly checkIntervalMs?: number;
  /** Where changes of a replica's state are said (a process warning `LANTOA_REPLICA` unless said otherwise). */
  readonly warn?: (message: string) => void;
  /** The users' write positions; a new store unless given (a channel between gateways would share one). */
  readonly positions?: WritePositions;
  /** Connections per replica pool. */
  readonly maxConnections?: number;
  /**
   * The PostgreSQL channel on which each noted write is also announced to the other gateways
   * (`<user id> <position>`, sent by the same statement that reads the position, so the notice
   * is out before the writer's response); see {@link heedAnnouncedWrites}. Not announced unless given.
   */
  readonly announceOn?: string;
}

/**
 * Notes in `positions` the writes other gateways announce on the bus (`announceOn` of their
 * routers): a user who wrote through one gateway and reads through another is kept off the
 * replicas that have not replayed that write.
 */
export function heedAnnouncedWrites(
  positions: WritePositions,
  listen: (listener: (payload: string) => void) => void,
): void {
  listen((payload) => {
    const [userId, lsn] = payload.split(" ");
    const position = walPosition(lsn);
    if (userId && position !== null) positions.noteWrite(userId, position);
  });
}

/**
 * `ready`: serving reads; `lagging`: further behind than the bound; `unreachable`: did not
 * answer; `not-a-replica`: answered but replays no WAL (promoted, or a primary given by
 * mistake); `unknown`: not checked yet.
 */
export type ReplicaState = "unknown" | "ready" | "lagging" | "unreachable" | "not-a-replica";

/** What the router knows of one replica, as of its last check. */
export interface ReplicaStatus {
  /** host:port/database, without credentials. */
  readonly name: string;
  readonly state: ReplicaState;
  /** How long ago the primary had WAL this replica had not replayed at the last check; null when unknown. */
  readonly lagMs: number | null;
  /** Statements it answered. */
  readonly served: number;
  /** Statements it failed for connection reasons, answered by the primary instead. */
  readonly fellBack: number;
}

/** Sends reports, exports and public pages to replicas that are fresh enough for the reader. */
export interface ReadRouter {
  /**
   * Where this user's (or an anonymous reader's, for null) routed reads go for one request:
   * a ready replica that has replayed the user's last write, or the primary.
   */
  readerFor(userId: string | null): Kysely<Database>;
  /** For readers without an account (the public pages): chooses a replica per statement. */
  readonly anonymousReader: Kysely<Database>;
  /** After `userId`'s write committed: reads the primary's WAL position and remembers it (read-your-writes). */
  noteWriteOf(userId: string): Promise<void>;
  readonly positions: WritePositions;
  status(): ReplicaStatus[];
  /** Checks every replica now (the router also does on its interval). */
  check(): Promise<void>;
  /** Stops checking and closes the replicas' connections (not the primary's). */
  close(): Promise<void>;
}

interface Replica {
  readonly name: string;
  readonly connection: Connection;
  readonly target: ReadTarget;
  /** A Kysely on this replica that falls back to the primary statement by statement. */
  reader: Kysely<Database>;
  state: ReplicaState;
  lagMs: number | null;
  /** The highest position seen replayed: positions only grow. */
  replayed: bigint;
  /** When the primary's position of the last successful check was read (ms since epoch). */
  checkedAt: number;
  served: number;
  fellBack: number;
}

/** A replica's address as it may be printed: host, port and database, no user or password. */
export function describeReplica(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
}

/**
 * Opens a pool per replica and checks them on an interval: each check reads the primary's
 * current WAL position (`pg_current_wal_lsn()`), keeps those positions with their time for
 * the lag bound, and asks each replica what it has replayed (`pg_last_wal_replay_lsn()`).
 * A replica's lag is how long ago the primary had a position the replica has not replayed
 * (0 when it has replayed the latest), so an idle primary does not make a replica look stale.
 * A replica that cannot be reached, or lags beyond `maxLagMs`, is skipped, with one warning
 * per change of its state; a statement failing on it for connection reasons is answered by
 * the primary. Requests cost no extra round trip: the choice reads what the checks found.
 */
export async function createReadRouter(options: ReadRouterOptions): Promise<ReadRouter> {
  const { primary, maxLagMs } = options;
  // Checked at least twice within the bound, so a replica's state is never older than it.
  const intervalMs = options.checkIntervalMs ?? Math.min(1_000, Math.floor(maxLagMs / 2));
  const warn = options.warn ?? ((message) => process.emitWarning(message, { code: "LANTOA_REPLICA" }));
  const positions = options.positions ?? createWritePositions();
  // The primary's positions of the last checks, oldest first: enough to tell a lag beyond the bound.
  const history: PrimaryPosition[] = [];
  const keepMs = maxLagMs + 2 * intervalMs;
  const probeTimeoutMs = Math.max(1_000, intervalMs);

  const setState = (replica: Replica, state: ReplicaState, why: string) => {
    if (replica.state === state) return;
    const was = replica.state;
    replica.state = state;
    // Coming into use is said too (once at start): an operator sees each replica's state change.
    warn(
      state === "ready"
        ? `Read replica ${replica.name} is in use${was === "unknown" ? "" : " again"} (${why}).`
        : `Read replica ${replica.name} is skipped: ${why}; its reads go to the primary.`,
    );
  };

  const replicas: Replica[] = [];
  for (const url of options.replicaUrls) {
    const connection = await connect({ engine: "postgres", url, maxConnections: options.maxConnections ?? 10 });
    const replica: Replica = {
      name: describeReplica(url),
      connection,
      state: "unknown",
      lagMs: null,
      replayed: 0n,
      checkedAt: 0,
      served: 0,
      fellBack: 0,
      target: {
        db: connection.db,
        served: () => void replica.served++,
        failed: (error) => {
          replica.fellBack++;
          setState(replica, "unreachable", `a read failed (${messageOf(error)})`);
        },
      },
      reader: primary,
    };
    replica.reader = routedReader(primary, () => replica.target);
    replicas.push(replica);
  }

  let turn = 0;
  const pick = (userId: string | null): Replica | null => {
    const required = positions.requiredFor(userId);
    // A replica not checked within the bound (checks failing: the primary unreachable) is not trusted.
    const freshSince = Date.now() - maxLagMs;
    const usable = replicas.filter((r) => r.state === "ready" && r.replayed >= required && r.checkedAt >= freshSince);
    if (usable.length === 0) return null;
    turn = (turn + 1) % usable.length;
    return usable[turn] ?? null;
  };

  const probe = async (replica: Replica, primaryAt: number) => {
    try {
      const { rows } = await withTimeout(
        sql<{ recovering: boolean; lsn: string | null }>`
          select pg_is_in_recovery() as recovering, pg_last_wal_replay_lsn()::text as lsn`.execute(
          replica.connection.db,
        ),
        probeTimeoutMs,
      );
      const row = rows[0];
      if (!row?.recovering) {
        setState(replica, "not-a-replica", "it replays no WAL (promoted, or not a standby)");
        return;
      }
      const replayed = walPosition(row.lsn) ?? 0n;
      if (replayed > replica.replayed) replica.replayed = replayed;
      replica.lagMs = replicaLagMs(history, replica.replayed, primaryAt);
      replica.checkedAt = primaryAt;
      // Behind every position this router has seen, it could be behind by anything: only
      // once the positions span the bound (or it catches up) is its lag known. Until then
      // it is not used (the first seconds after a start).
      if (replica.replayed < (history[0]?.lsn ?? 0n) && replica.lagMs <= maxLagMs) return;
      if (replica.lagMs > maxLagMs) {
        setState(replica, "lagging", `it is ${replica.lagMs} ms or more behind the primary (bound ${maxLagMs} ms)`);
      } else {
        setState(replica, "ready", `${replica.lagMs} ms behind`);
      }
    } catch (error) {
      replica.lagMs = null;
      setState(replica, "unreachable", `it cannot be reached (${messageOf(error)})`);
    }
  };

  const check = async () => {
    const at = Date.now();
    let lsn: bigint | null;
    try {
      const { rows } = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(primary);
      lsn = walPosition(rows[0]?.lsn);
    } catch {
      // The primary's own outage is answered elsewhere (DB.UNAVAILABLE); without its
      // position no lag can be told, and replicas age out of use (checkedAt).
      return;
    }
    if (lsn === null) return;
    history.push({ lsn, at });
    // A check asked for (tests) may overlap the timer's: keep the positions in time order.
    history.sort((a, b) => a.at - b.at);
    while (history.length > 1 && (history[0]?.at ?? at) < at - keepMs) history.shift();
    await Promise.all(replicas.map((r) => probe(r, at)));
    let replayedByAll = lsn;
    for (const r of replicas) if (r.replayed < replayedByAll) replayedByAll = r.replayed;
    positions.forgetReplayed(replayedByAll);
  };

  let running: Promise<void> = check();
  await running;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const schedule = () => {
    if (closed) return;
    timer = setTimeout(() => {
      running = check().finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();

  return {
    readerFor: (userId) => pick(userId)?.reader ?? primary,
    anonymousReader: routedReader(primary, () => pick(null)?.target ?? null),
    async noteWriteOf(userId) {
      try {
        const { rows } = await (options.announceOn
          ? sql<{ lsn: string }>`select lsn, pg_notify(${options.announceOn}, ${userId} || ' ' || lsn)
              from (select pg_current_wal_lsn()::text as lsn) p`
          : sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`
        ).execute(primary);
        const lsn = walPosition(rows[0]?.lsn);
        if (lsn !== null) positions.noteWrite(userId, lsn);
      } catch (error) {
        // The write is committed; failing the request now would tell the user otherwise.
        warn(`Could not read the primary's position after a write by ${userId} (${messageOf(error)}).`);
      }
    },
    positions,
    status: () =>
      replicas.map((r) => ({ name: r.name, state: r.state, lagMs: r.lagMs, served: r.served, fellBack: r.fellBack })),
    check: async () => {
      await running;
      running = check();
      await running;
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await running.catch(() => {});
      await Promise.all(replicas.map((r) => r.connection.close()));
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message || error.constructor.name : String(error);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
