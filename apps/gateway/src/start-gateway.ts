import type { AddressInfo } from "node:net";
import { createApp, type EmailQueue, graphileEmailQueue, outboxEmailQueue } from "@lantoa/app";
import { connect, connectOptionsFrom } from "@lantoa/db";
import { type ClusterBus, inProcessClusterBus } from "./cluster/cluster-bus.js";
import { postgresClusterBus } from "./cluster/postgres-cluster-bus.js";
import type { GatewayConfig } from "./config.js";
import { createHttpServer } from "./create-server.js";
import { createGatewayYoga } from "./create-yoga.js";
import {
  type JobRunner,
  prepareGraphileWorker,
  startGraphileJobRunner,
  startInProcessJobRunner,
} from "./jobs/job-runner.js";
import { smtpMailer } from "./jobs/smtp-mailer.js";
import { prepareDatabase } from "./prepare-database.js";
import { createReadRouter, describeReplica, heedAnnouncedWrites, type ReadRouter } from "./replicas/read-router.js";
import { createWritePositions } from "./replicas/write-positions.js";
import { holdSigningKeyLock, type SigningKeyLock } from "./signing-key-guard.js";
import { evidenceLinks } from "./storage/evidence-links.js";
import { localFolderStorage } from "./storage/evidence-storage.js";
import { describeObjectStore } from "./storage/object-store-config.js";
import { s3Storage } from "./storage/s3-storage.js";

/** A running gateway. */
export interface RunningGateway {
  /** e.g. `http://localhost:4000` */
  readonly url: string;
  readonly engine: "pglite" | "postgres";
  /** Whether this start loaded the demo data (first run on an empty database). */
  readonly seeded: boolean;
  /** Where e-mail goes (the SMTP address without credentials), or null when it is off. */
  readonly email: string | null;
  /** What runs the jobs (e-mails, reminders). */
  readonly jobs: "graphile-worker" | "in-process";
  /** Where evidence files are kept: the object store's description, or null for the local folder. */
  readonly objectStore: string | null;
  /** The read replicas (host:port/database), none when empty. */
  readonly replicas: readonly string[];
  close(): Promise<void>;
}

/** How a worker of `LANTOA_WORKERS` starts (see `workers/start-workers.ts`). */
export interface WorkerStart {
  /** The primary generated the signing key and holds its exclusive lock for all its workers. */
  readonly signingKeyLockHeldByPrimary: boolean;
}

/**
 * Opens the database, migrates it, loads the demo data on first run, and serves
 * GraphQL and the admin app from one process. A worker (`worker` set) finds the database
 * prepared by its primary, and names itself in each answer's `x-lantoa-worker` header.
 */
export async function startGateway(config: GatewayConfig, worker?: WorkerStart): Promise<RunningGateway> {
  const connection = await connect(connectOptionsFrom(config));
  let signingKeyLock: SigningKeyLock | undefined;
  let readRouter: ReadRouter | undefined;
  let bus: ClusterBus | undefined;
  try {
    const { seeded } = worker ? { seeded: false } : await prepareDatabase(connection.db, config);
    // Jobs: graphile-worker on PostgreSQL (its schema first: use cases queue through its SQL),
    // the same tasks in-process on PGlite. E-mail is queued only when an SMTP server is set.
    const onPostgres = connection.engine === "postgres" && config.databaseUrl !== undefined;
    // Several gateways on one PostgreSQL must share a signing key (PGlite is one process anyway).
    if (onPostgres && config.databaseUrl && !worker?.signingKeyLockHeldByPrimary) {
      signingKeyLock = await holdSigningKeyLock(config.databaseUrl, config.fileSigningKey === undefined);
    }
    if (onPostgres && config.databaseUrl && !worker) await prepareGraphileWorker(config.databaseUrl);
    // Gateways on one PostgreSQL hear each other's events and invalidations over LISTEN/NOTIFY.
    bus = onPostgres && config.databaseUrl ? await postgresClusterBus(config.databaseUrl) : inProcessClusterBus();
    const mailer = config.smtpUrl ? smtpMailer({ url: config.smtpUrl, from: config.mailFrom ?? "Lan Tỏa" }) : null;
    const runnerHolder: { runner: JobRunner | null } = { runner: null };
    const emailQueue: EmailQueue | undefined = mailer
      ? onPostgres
        ? graphileEmailQueue()
        : outboxEmailQueue(() => runnerHolder.runner?.wake())
      : undefined;
    // One machine keeps evidence in a folder; several gateways share an object store.
    const storage = config.objectStore ? s3Storage(config.objectStore) : localFolderStorage(config.uploadDir);
    // Reports, exports and public pages read from replicas when there are any (DATABASE_REPLICA_URLS).
    if (onPostgres && config.replicaUrls?.length) {
      // Writes noted by any gateway keep their writer off replicas behind them, on every gateway.
      const positions = createWritePositions();
      heedAnnouncedWrites(positions, (listener) => bus?.listen("lantoa_write_positions", listener));
      readRouter = await createReadRouter({
        primary: connection.db,
        replicaUrls: config.replicaUrls,
        maxLagMs: config.replicaMaxLagMs ?? 5_000,
        positions,
        announceOn: "lantoa_write_positions",
      });
    }
    const links = evidenceLinks(config.fileSigningKey ? Buffer.from(config.fileSigningKey) : undefined);
    const yoga = createGatewayYoga({
      db: connection.db,
      graphiql: config.graphiql,
      introspection: config.introspection,
      fieldSuggestions: config.fieldSuggestions,
      corsOrigins: config.corsOrigins,
      sessionTtlHours: config.sessionTtlHours,
      trustProxy: config.trustProxy ?? false,
      storage,
      evidenceLinks: links,
      responseCacheTtlMs: config.responseCacheTtlMs ?? 0,
      ...(config.sessionCacheTtlMs === undefined ? {} : { sessionCacheTtlMs: config.sessionCacheTtlMs }),
      publicUrl: config.publicUrl,
      ...(emailQueue ? { emailQueue } : {}),
      ...(readRouter ? { readRouter } : {}),
      bus,
    });
    const server = createHttpServer(
      yoga,
      config.adminDist,
      { db: connection.db, storage, links },
      { db: readRouter?.anonymousReader ?? connection.db, storage, publicUrl: config.publicUrl },
    );
    // Several processes answer on one port: say which one did (tests and operators tell them apart).
    if (worker) server.prependListener("request", (_req, res) => res.setHeader("x-lantoa-worker", String(process.pid)));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://${config.host}:${port}`;
    const jobOptions = {
      db: connection.db,
      app: createApp({ db: connection.db, ...(emailQueue ? { emailQueue } : {}) }),
      mailer,
      publicUrl: config.publicUrl ?? url,
      reminderOffsetsDays: config.reminderOffsetsDays ?? [3, 1],
    };
    try {
      runnerHolder.runner =
        onPostgres && config.databaseUrl
          ? await startGraphileJobRunner({ ...jobOptions, databaseUrl: config.databaseUrl })
          : startInProcessJobRunner(jobOptions);
    } catch (error) {
      // No gateway without its jobs: stop listening before the connection closes below.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      throw error;
    }
    return {
      url,
      engine: connection.engine,
      seeded,
      email: config.smtpUrl ? withoutCredentials(config.smtpUrl) : null,
      jobs: onPostgres ? "graphile-worker" : "in-process",
      objectStore: config.objectStore ? describeObjectStore(config.objectStore) : null,
      replicas: (config.replicaUrls ?? []).map(describeReplica),
      close: async () => {
        await runnerHolder.runner?.stop();
        mailer?.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await bus?.close();
        await signingKeyLock?.release();
        await readRouter?.close();
        await connection.close();
      },
    };
  } catch (error) {
    await bus?.close();
    await signingKeyLock?.release();
    await readRouter?.close();
    await connection.close();
    throw error;
  }
}

/** An SMTP address as it may be printed: user and password left out. */
function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  parsed.username = "";
  parsed.password = "";
  return parsed.toString();
}
