import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Debian's PostgreSQL 15 (the version CI and the production guide use). */
export const PG_BIN = process.env.LANTOA_PG_BIN ?? "/usr/lib/postgresql/15/bin";

/** Whether the PostgreSQL server binaries are here; under `CI=true` their absence is an error, not a skip. */
export function postgresServerAvailable(): boolean {
  const here = existsSync(join(PG_BIN, "initdb")) && existsSync(join(PG_BIN, "pg_basebackup"));
  if (!here && process.env.CI === "true")
    throw new Error(`CI=true but PostgreSQL's server binaries are not in ${PG_BIN}`);
  return here;
}

/** A PostgreSQL primary of its own with one hot-standby streaming replica, both on 127.0.0.1. */
export interface PgReplicaPair {
  readonly primaryUrl: string;
  readonly replicaUrl: string;
  /** Stops the replica (fast shutdown); `startReplica` brings it back. */
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  close(): Promise<void>;
}

// PostgreSQL refuses to run as root: as root, run its programs as the postgres user.
const asRoot = process.getuid?.() === 0;
function pg(program: string, args: string[]): Promise<unknown> {
  const path = join(PG_BIN, program);
  return asRoot ? run("runuser", ["-u", "postgres", "--", path, ...args]) : run(path, args);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * initdb a small primary (replication allowed from 127.0.0.1, as initdb's trust setup does),
 * start it, take a base backup with `pg_basebackup -R` (the replica streams from the primary
 * and answers reads), and start the replica — the set-up `docs/production.md` describes, in
 * seconds, so a suite can stop its replica without disturbing anyone else's.
 */
export async function startPgReplicaPair(): Promise<PgReplicaPair> {
  const root = mkdtempSync(join(tmpdir(), "lantoa-pg-pair-"));
  chmodSync(root, 0o777);
  const primaryDir = join(root, "primary");
  const replicaDir = join(root, "replica");
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const options = (port: number) =>
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c fsync=off -c full_page_writes=off -c max_connections=60`;
  const startServer = (dir: string, port: number, log: string) =>
    pg("pg_ctl", ["-D", dir, "-l", join(root, log), "-o", options(port), "-w", "start"]);
  const stopServer = (dir: string) => pg("pg_ctl", ["-D", dir, "-m", "fast", "-w", "stop"]);
  let replicaRunning = false;
  let primaryRunning = false;
  try {
    await pg("initdb", ["-D", primaryDir, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "-U", "postgres"]);
    await startServer(primaryDir, primaryPort, "primary.log");
    primaryRunning = true;
    await pg("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-D", replicaDir, "-R"]);
    await startServer(replicaDir, replicaPort, "replica.log");
    replicaRunning = true;
  } catch (error) {
    if (replicaRunning) await stopServer(replicaDir).catch(() => {});
    if (primaryRunning) await stopServer(primaryDir).catch(() => {});
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
    replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/postgres`,
    async stopReplica() {
      await stopServer(replicaDir);
      replicaRunning = false;
    },
    async startReplica() {
      await startServer(replicaDir, replicaPort, "replica.log");
      replicaRunning = true;
    },
    /** Stops both servers and removes their folders (`KEEP_PG=1` keeps them, server logs included, for a look). */
    async close() {
      if (replicaRunning) await stopServer(replicaDir).catch(() => {});
      await stopServer(primaryDir).catch(() => {});
      if (!process.env.KEEP_PG) rmSync(root, { recursive: true, force: true });
    },
  };
}
