/** The primary's WAL position at a moment (ms since epoch), as a check read it. */
export interface PrimaryPosition {
  readonly lsn: bigint;
  readonly at: number;
}

/**
 * How far behind the primary a replica is at `at`: how long ago the primary had WAL the
 * replica has not replayed (the oldest of `positions`, in time order, beyond `replayed`),
 * or 0 when it has replayed the latest. A replica of an idle primary is never stale: its
 * lag is not the time since the last write, but the age of the oldest write it misses.
 *
 * @example replicaLagMs([{ lsn: 10n, at: 0 }, { lsn: 20n, at: 1000 }], 15n, 3000) // 2000
 */
export function replicaLagMs(positions: readonly PrimaryPosition[], replayed: bigint, at: number): number {
  const missed = positions.find((p) => p.lsn > replayed);
  return missed ? Math.max(0, at - missed.at) : 0;
}
