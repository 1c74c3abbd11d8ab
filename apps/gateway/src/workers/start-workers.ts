import cluster, { type Worker } from "node:cluster";
import { randomBytes } from "node:crypto";
import { connect } from "@lantoa/db";
import type { GatewayConfig } from "../config.js";
import { prepareGraphileWorker } from "../jobs/job-runner.js";
import { prepareDatabase } from "../prepare-database.js";
import { holdSigningKeyLock, type SigningKeyLock } from "../signing-key-guard.js";
import { isWorkerReady, PRIMARY_HOLDS_SIGNING_KEY_LOCK, type WorkerReady } from "./worker-messages.js";

/** Refused at start: several workers asked for where they cannot run. */
export class WorkersRefusedError extends Error {
  override readonly name = "WorkersRefusedError";
}

/** The primary of several workers, once every worker serves. */
export interface RunningWorkers {
  /** What the first worker to serve said about itself (its address, engine, jobs…). */
  readonly gateway: WorkerReady["gateway"];
  /** Whether the primary loaded the demo data (first run on an empty database). */
  readonly seeded: boolean;
  readonly count: number;
  /** Stops every worker gracefully (SIGTERM, then SIGKILL after `graceMs`) and releases the lock. */
  close(): Promise<void>;
}

/** Options of {@link startWorkers}; the delays are the defaults in production. */
export interface WorkersOptions {
  /** The first restart's delay; it doubles for each worker that dies soon after its start. */
  readonly restartDelayMs?: number;
  readonly maxRestartDelayMs?: number;
  /** A worker that served this long resets the delay. */
  readonly healthyAfterMs?: number;
  readonly graceMs?: number;
  readonly log?: (line: string) => void;
}

/**
 * Serves one port from `count` processes with node:cluster (`LANTOA_WORKERS`). The primary
 * prepares the database once — migrations, demo data, graphile-worker's schema — then forks
 * the workers, which only serve; it serves nothing itself. Without `LANTOA_FILE_SIGNING_KEY`
 * it generates one key for all its workers and holds the exclusive signing-key lock in their
 * name, so, as for a single gateway, no other gateway may join this database with another key.
 * A worker that dies is replaced after a delay that grows while workers keep dying young.
 * PostgreSQL only: PGlite is one process (its data folder is locked).
 */
export async function startWorkers(
  config: GatewayConfig,
  count: number,
  options: WorkersOptions = {},
): Promise<RunningWorkers> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    throw new WorkersRefusedError(
      `LANTOA_WORKERS=${count} needs PostgreSQL: set DATABASE_URL. The embedded PGlite database runs in one process only (its data folder is locked); leave LANTOA_WORKERS unset or set it to 1.`,
    );
  }
  const env: Record<string, string> = {};
  let lock: SigningKeyLock | undefined;
  const connection = await connect({ engine: "postgres", url: databaseUrl, maxConnections: 2 });
  let seeded: boolean;
  try {
    ({ seeded } = await prepareDatabase(connection.db, config));
    if (config.fileSigningKey === undefined) {
      lock = await holdSigningKeyLock(databaseUrl, true);
      env.LANTOA_FILE_SIGNING_KEY = randomBytes(32).toString("base64url");
      env[PRIMARY_HOLDS_SIGNING_KEY_LOCK] = "1";
    }
    await prepareGraphileWorker(databaseUrl);
  } catch (error) {
    await lock?.release();
    throw error;
  } finally {
    await connection.close();
  }

  const restartDelayMs = options.restartDelayMs ?? 1_000;
  const maxRestartDelayMs = options.maxRestartDelayMs ?? 30_000;
  const healthyAfterMs = options.healthyAfterMs ?? 30_000;
  const startedAt = new Map<Worker, number>();
  const restarts = new Set<NodeJS.Timeout>();
  let delay = restartDelayMs;
  let stopping = false;
  let first: WorkerReady["gateway"] | undefined;

  const fork = (): Worker => {
    const worker = cluster.fork(env);
    startedAt.set(worker, Date.now());
    return worker;
  };

  const allReady = new Promise<void>((resolve, reject) => {
    let ready = 0;
    const onMessage = (_worker: Worker, message: unknown) => {
      if (!isWorkerReady(message)) return;
      first ??= message.gateway;
      ready++;
      if (ready === count) {
        cluster.off("message", onMessage);
        cluster.off("exit", onEarlyExit);
        resolve();
      }
    };
    // A worker that cannot start (its message is above) is no case for restarting: give up.
    const onEarlyExit = (worker: Worker, code: number | null, signal: string | null) => {
      cluster.off("message", onMessage);
      cluster.off("exit", onEarlyExit);
      reject(
        new WorkersRefusedError(
          `Worker ${worker.process.pid} stopped before it served (${signal ?? `exit code ${code}`}); stopping the others.`,
        ),
      );
    };
    cluster.on("message", onMessage);
    cluster.on("exit", onEarlyExit);
  });

  const stopAll = async (graceMs: number): Promise<void> => {
    stopping = true;
    for (const timer of restarts) clearTimeout(timer);
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
    await Promise.all(
      alive.map(
        (worker) =>
          new Promise<void>((resolve) => {
            const kill = setTimeout(() => worker.process.kill("SIGKILL"), graceMs);
            worker.once("exit", () => {
              clearTimeout(kill);
              resolve();
            });
            worker.process.kill("SIGTERM");
          }),
      ),
    );
    await lock?.release();
  };

  for (let i = 0; i < count; i++) fork();
  try {
    await allReady;
  } catch (error) {
    await stopAll(options.graceMs ?? 10_000);
    throw error;
  }

  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    delay = lived >= healthyAfterMs ? restartDelayMs : delay;
    const wait = delay;
    delay = Math.min(delay * 2, maxRestartDelayMs);
    log(
      `Worker ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}) after ${Math.round(lived / 1000)} s; starting another in ${wait / 1000} s.`,
    );
    const timer = setTimeout(() => {
      restarts.delete(timer);
      if (!stopping) fork();
    }, wait);
    restarts.add(timer);
  });

  if (!first) throw new Error("unreachable: every worker said it was ready");
  return { gateway: first, seeded, count, close: () => stopAll(options.graceMs ?? 30_000) };
}
