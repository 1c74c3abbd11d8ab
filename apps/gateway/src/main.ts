#!/usr/bin/env node
import cluster from "node:cluster";
import { DataFolderLockedError } from "@lantoa/db";
import { InvalidConfigurationError, loadConfig } from "./config.js";
import { SigningKeyConflictError } from "./signing-key-guard.js";
import type { RunningGateway } from "./start-gateway.js";
import { startWorkers, WorkersRefusedError } from "./workers/start-workers.js";
import { readyMessage, workerStart } from "./workers/worker-messages.js";

const config = (() => {
  try {
    return loadConfig(process.env);
  } catch (error) {
    // A variable to fix: its message says which and how, a stack trace would bury it.
    if (!(error instanceof InvalidConfigurationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
})();

/** Errors a user can fix end the start with their message, not a stack trace. */
function refuse(error: unknown): never {
  // Another gateway or the command line on the same PGlite folder, or another gateway on the same
  // PostgreSQL with a signing key of its own, or workers on PGlite: say what to do.
  const known =
    error instanceof DataFolderLockedError ||
    error instanceof SigningKeyConflictError ||
    error instanceof WorkersRefusedError;
  if (!known) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

function printBanner(
  gateway: Pick<RunningGateway, "url" | "engine" | "email" | "jobs" | "objectStore" | "replicas">,
  seeded: boolean,
  processes: string,
): void {
  const where = gateway.engine === "pglite" ? `embedded PGlite in ${config.dataDir}` : "PostgreSQL (DATABASE_URL)";
  process.stdout.write(
    `${[
      "",
      "  Lan Tỏa is running",
      `  Admin app:  ${gateway.url}/`,
      `  GraphQL:    ${gateway.url}/graphql${config.graphiql ? "  (GraphiQL: open it in a browser)" : ""}`,
      `  Database:   ${where}${seeded ? " — demo data loaded" : ""}`,
      `  E-mail:     ${gateway.email ? `on, through ${gateway.email}` : "off (set LANTOA_SMTP_URL to send e-mail)"}`,
      `  Jobs:       ${gateway.jobs === "graphile-worker" ? "graphile-worker on PostgreSQL" : "in-process (PGlite)"}`,
      `  Replicas:   ${gateway.replicas.length ? `${gateway.replicas.join(", ")} (reports, exports, public pages)` : "none (set DATABASE_REPLICA_URLS)"}`,
      `  Evidence:   ${gateway.objectStore ?? `folder ${config.uploadDir} (set LANTOA_S3_BUCKET for object storage)`}`,
      `  Processes:  ${processes}`,
      "  Stop with Ctrl+C",
      "",
    ].join("\n")}\n`,
  );
}

/** SIGINT and SIGTERM stop gracefully once; the process exits 0 when everything closed. */
function stopOnSignals(close: () => Promise<void>, alsoOnDisconnect: boolean): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
  // A worker whose primary is gone receives no more connections: it stops too.
  if (alsoOnDisconnect) process.on("disconnect", stop);
}

if (cluster.isPrimary && (config.workers ?? 1) > 1) {
  // LANTOA_WORKERS: this process prepares the database and watches the workers; they serve.
  const workers = await startWorkers(config, config.workers ?? 1).catch(refuse);
  printBanner(workers.gateway, workers.seeded, `${workers.count} workers (LANTOA_WORKERS)`);
  stopOnSignals(workers.close, false);
} else {
  // Loaded here: a primary of several workers serves nothing and needs none of the schema.
  const { startGateway } = await import("./start-gateway.js");
  const gateway = await startGateway(config, cluster.isWorker ? workerStart(process.env) : undefined).catch(refuse);
  if (cluster.isWorker) process.send?.(readyMessage(gateway));
  else
    printBanner(gateway, gateway.seeded, gateway.engine === "postgres" ? "1 (LANTOA_WORKERS=auto: one per core)" : "1");
  stopOnSignals(gateway.close, cluster.isWorker);
}
