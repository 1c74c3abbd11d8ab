/**
 * Where each user's latest write ended in the primary's WAL, so that their own reads go to
 * a replica only once it has replayed that far (read-your-writes). Kept per gateway. A
 * channel between gateways (LISTEN/NOTIFY) would share them without changing the router:
 * give `createReadRouter` a store whose `noteWrite` also publishes the position
 * (`pg_notify`, the LSN as text), and call the inner store's `noteWrite` with what the
 * other gateways announce (`walPosition(text)`).
 */
export interface WritePositions {
  /** Remembers that `userId` wrote, and that the write is in the WAL before `lsn`. */
  noteWrite(userId: string, lsn: bigint): void;
  /** The WAL position a replica must have replayed to serve this user (or anyone, for null). */
  requiredFor(userId: string | null): bigint;
  /** Forgets what every replica has replayed: those users may read from any of them again. */
  forgetReplayed(replayedByAll: bigint): void;
  /** How many users are remembered (for tests and the status). */
  size(): number;
}

/**
 * Positions in insertion order, at most `max` users. When full, the oldest is forgotten
 * but its position raised into a floor that every reader must have replayed, so dropping
 * a user never lets them read from a replica that has not caught up with their write.
 */
export function createWritePositions(max = 100_000): WritePositions {
  const positions = new Map<string, bigint>();
  let floor = 0n;
  return {
    noteWrite(userId, lsn) {
      const known = positions.get(userId);
      if (known !== undefined && known >= lsn) return;
      // Re-inserted at the end: the map stays ordered from the oldest write to the newest.
      positions.delete(userId);
      positions.set(userId, lsn);
      for (const [oldest, position] of positions) {
        if (positions.size <= max) break;
        positions.delete(oldest);
        if (position > floor) floor = position;
      }
    },
    requiredFor(userId) {
      const own = userId === null ? undefined : positions.get(userId);
      return own !== undefined && own > floor ? own : floor;
    },
    forgetReplayed(replayedByAll) {
      for (const [userId, position] of positions) {
        if (position <= replayedByAll) positions.delete(userId);
      }
    },
    size: () => positions.size,
  };
}
