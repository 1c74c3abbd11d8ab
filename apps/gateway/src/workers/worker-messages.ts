import type { RunningGateway, WorkerStart } from "../start-gateway.js";

/**
 * Set by the primary in its workers' environment when it generated their signing key and
 * holds the exclusive signing-key lock for them (read by workers only, never documented as
 * a setting: a gateway outside the cluster has no primary holding anything).
 */
export const PRIMARY_HOLDS_SIGNING_KEY_LOCK = "LANTOA_WORKER_KEY_FROM_PRIMARY";

/** A worker's word to its primary: it serves, and this is what the banner says about it. */
export interface WorkerReady {
  readonly type: "lantoa-worker-ready";
  readonly gateway: Pick<RunningGateway, "url" | "engine" | "email" | "jobs" | "objectStore" | "replicas">;
}

export function isWorkerReady(message: unknown): message is WorkerReady {
  return typeof message === "object" && message !== null && (message as WorkerReady).type === "lantoa-worker-ready";
}

/** How this worker starts, from what its primary put in its environment. */
export function workerStart(env: NodeJS.ProcessEnv): WorkerStart {
  return { signingKeyLockHeldByPrimary: env[PRIMARY_HOLDS_SIGNING_KEY_LOCK] === "1" };
}

/** What a worker sends its primary once it serves. */
export function readyMessage(gateway: RunningGateway): WorkerReady {
  const { url, engine, email, jobs, objectStore, replicas } = gateway;
  return { type: "lantoa-worker-ready", gateway: { url, engine, email, jobs, objectStore, replicas } };
}
