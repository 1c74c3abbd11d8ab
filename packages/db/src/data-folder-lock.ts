import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { dirname, resolve } from "node:path";

/** Who holds a data folder: the process, where it runs, what it is and since when. */
export interface DataFolderHolder {
  readonly pid: number;
  readonly hostname: string;
  readonly command: string;
  readonly since: string;
}

/** Another process (or this one) has the PGlite data folder open. */
export class DataFolderLockedError extends Error {
  override readonly name = "DataFolderLockedError";
  constructor(
    readonly dataDir: string,
    readonly holder: DataFolderHolder,
  ) {
    super(
      `Thư mục dữ liệu ${dataDir} đang được tiến trình ${holder.pid} (${holder.command}) trên máy ${holder.hostname} dùng từ ${holder.since}: hãy dừng tiến trình đó trước. / ` +
        `The data folder ${dataDir} is in use by process ${holder.pid} (${holder.command}) on ${holder.hostname} since ${holder.since}: stop that process first.`,
    );
  }
}

/** Folders this process holds: a second open in the same process is refused too. */
const heldHere = new Set<string>();

/** The lock file of a data folder: beside it, so PGlite's files and backups of the folder never include it. */
export const lockFileOf = (dataDir: string) => `${resolve(dataDir)}.lock`;

function isAlive(holder: DataFolderHolder): boolean {
  // A lock from another machine (a shared disk) cannot be checked from here: assume it is held.
  if (holder.hostname !== hostname()) return true;
  // Our own pid in a lock we do not hold: a restarted container reusing the pid of the process that died.
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(path: string): DataFolderHolder | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as DataFolderHolder;
  } catch {
    // Gone meanwhile, or half-written by a process killed while writing it: not a live holder.
    return null;
  }
}

/**
 * Takes the exclusive lock of a PGlite data folder for this process, or fails with
 * {@link DataFolderLockedError} naming the holder. Two processes on one folder corrupt it
 * (PGlite is a single-process PostgreSQL): the gateway, the command line and backups all
 * take this lock. The lock is a file beside the folder (`<folder>.lock`) holding the
 * holder's pid, machine, command and start; a lock whose process has died (a crash, a
 * SIGKILL) is taken over.
 *
 * @example
 * const lock = lockDataFolder(".lantoa/data");
 * try { … } finally { lock.release(); }
 */
export function lockDataFolder(dataDir: string): { release(): void } {
  const key = resolve(dataDir);
  const path = lockFileOf(dataDir);
  const me: DataFolderHolder = {
    pid: process.pid,
    hostname: hostname(),
    command: process.argv.slice(1).join(" ").slice(0, 200) || process.argv0,
    since: new Date().toISOString(),
  };
  if (heldHere.has(key)) throw new DataFolderLockedError(dataDir, me);
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      // "wx": created only if absent, atomically; whoever creates it holds the folder.
      writeFileSync(path, JSON.stringify(me), { flag: "wx" });
      heldHere.add(key);
      let released = false;
      return {
        release: () => {
          if (released) return;
          released = true;
          heldHere.delete(key);
          if (readHolder(path)?.pid === me.pid) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = readHolder(path);
    if (holder && isAlive(holder)) throw new DataFolderLockedError(dataDir, holder);
    // A dead holder's lock: move it aside (atomic), then check that what moved was that
    // stale lock and not one another process took meanwhile; if it was, put it back.
    const aside = `${path}.${randomUUID()}`;
    try {
      renameSync(path, aside);
    } catch {
      continue;
    }
    const moved = readHolder(aside);
    if (moved && isAlive(moved)) {
      renameSync(aside, path);
      throw new DataFolderLockedError(dataDir, moved);
    }
    rmSync(aside, { force: true });
  }
  throw new Error(`Could not lock the data folder ${dataDir}: its lock file keeps changing`);
}
