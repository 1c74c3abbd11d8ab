#!/usr/bin/env node
import { DataFolderLockedError } from "@lantoa/db";
import { loadConfig } from "./config.js";
import { SigningKeyConflictError } from "./signing-key-guard.js";
import { startGateway } from "./start-gateway.js";

const config = loadConfig(process.env);
const gateway = await startGateway(config).catch((error: unknown) => {
  // Another gateway or the command line on the same PGlite folder, or another gateway on the same
  // PostgreSQL with a signing key of its own: say what to do, not a stack trace.
  if (!(error instanceof DataFolderLockedError || error instanceof SigningKeyConflictError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
const where = gateway.engine === "pglite" ? `embedded PGlite in ${config.dataDir}` : "PostgreSQL (DATABASE_URL)";

process.stdout.write(
  `${[
    "",
    "  Lan Tỏa is running",
    `  Admin app:  ${gateway.url}/`,
    `  GraphQL:    ${gateway.url}/graphql${config.graphiql ? "  (GraphiQL: open it in a browser)" : ""}`,
    `  Database:   ${where}${gateway.seeded ? " — demo data loaded" : ""}`,
    `  E-mail:     ${gateway.email ? `on, through ${gateway.email}` : "off (set LANTOA_SMTP_URL to send e-mail)"}`,
    `  Jobs:       ${gateway.jobs === "graphile-worker" ? "graphile-worker on PostgreSQL" : "in-process (PGlite)"}`,
    `  Replicas:   ${gateway.replicas.length ? `${gateway.replicas.join(", ")} (reports, exports, public pages)` : "none (set DATABASE_REPLICA_URLS)"}`,
    `  Evidence:   ${gateway.objectStore ?? `folder ${config.uploadDir} (set LANTOA_S3_BUCKET for object storage)`}`,
    "  Stop with Ctrl+C",
    "",
  ].join("\n")}\n`,
);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    gateway.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
