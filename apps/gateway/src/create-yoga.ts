import type { IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { createApp, createSessionChanges, type EmailQueue, type SessionChanges } from "@lantoa/app";
import {
  createLoginThrottle,
  type Database,
  DEFAULT_LOGIN_LIMITS,
  type LoginLimits,
  type SessionUser,
  sessionForToken,
} from "@lantoa/db";
import { createYoga, type YogaServerInstance } from "graphql-yoga";
import type { Kysely } from "kysely";
import { type ClusterBus, inProcessClusterBus } from "./cluster/cluster-bus.js";
import { useCompiledReads } from "./compiled-reads/use-compiled-reads.js";
import type { Context } from "./context.js";
import { createImportPubSub } from "./import-progress.js";
import { createGatewayLogger, maskGatewayError } from "./mask-error.js";
import { createNotificationEvents } from "./notification-events.js";
import { ReadBatch } from "./read-batch.js";
import type { ReadRouter } from "./replicas/read-router.js";
import { useReadReplicas } from "./replicas/use-read-replicas.js";
import { createRoundEvents } from "./round-events.js";
import { schema } from "./schema/index.js";
import { createSessionCache, sessionChangeFrom } from "./session-cache.js";
import { type EvidenceLinks, evidenceLinks } from "./storage/evidence-links.js";
import { type EvidenceStorage, evidenceFilesIn } from "./storage/evidence-storage.js";
import { useQueryLimits } from "./use-query-limits.js";
import { useStreamedUploads } from "./use-streamed-uploads.js";
import { useTypedInputErrors } from "./use-typed-input-errors.js";
import { useViewerResponseCache } from "./use-viewer-response-cache.js";
import { useWellFormedStrings } from "./use-well-formed-strings.js";

/** Options of {@link createGatewayYoga}. */
export interface YogaOptions {
  readonly db: Kysely<Database>;
  readonly graphiql: boolean;
  /** Answer introspection queries; true unless said otherwise (the gateway's start turns it off in production). */
  readonly introspection?: boolean;
  /** "Did you mean …?" in validation errors; true unless said otherwise. */
  readonly fieldSuggestions?: boolean;
  /** Origins allowed by CORS; empty allows none but the gateway's own (the served admin app). */
  readonly corsOrigins?: readonly string[];
  /** How long a session token lives. */
  readonly sessionTtlHours?: number;
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
  /** Where evidence files are kept. */
  readonly storage: EvidenceStorage;
  /** Signs evidence download addresses; a random key per instance when omitted. */
  readonly evidenceLinks?: EvidenceLinks;
  /**
   * How long a read's response is reused for the same viewer, in milliseconds; 0 or
   * unset turns the cache off. Any mutation through this gateway, or through another
   * gateway on the same bus with its cache on, empties it at once; other processes'
   * writes show within this time.
   */
  readonly responseCacheTtlMs?: number;
  /**
   * Answer pages of models and a model's detail with one statement whose JSON passes
   * through (compiled-reads/); on unless the response cache is. False leaves every read to
   * the executor (tests compare the two).
   */
  readonly compiledReads?: boolean;
  /** The public address printed in certificates; each request's own origin when unset. */
  readonly publicUrl?: string | undefined;
  /** Sign-in attempts allowed per account and per address (tests lower them). */
  readonly loginLimits?: LoginLimits;
  /**
   * Take the caller's address from the last `X-Forwarded-For` entry (the one the proxy in
   * front added) rather than from the connection: set it behind a reverse proxy only.
   */
  readonly trustProxy?: boolean;
  /** Where uploaded files are written while their request runs (a temporary folder by default). */
  readonly incomingDir?: string;
  /**
   * How long a validated session is trusted without asking the database, in milliseconds
   * (10 s unless said otherwise; 0 asks on every request). Sign-outs, role changes, moves
   * and disabled accounts through this gateway's app, announced on `sessionChanges`, or
   * noticed on the cluster bus (any writer, on PostgreSQL) apply at once.
   */
  readonly sessionCacheTtlMs?: number;
  /** How many validated sessions are remembered at most (10,000 unless said otherwise). */
  readonly sessionCacheSize?: number;
  /**
   * Where this gateway's app announces whose sessions changed and its session cache
   * listens; a new one unless given (tests and other in-process writers share it).
   */
  readonly sessionChanges?: SessionChanges;
  /** Where notification e-mails are queued (see startGateway); e-mail is off without one. */
  readonly emailQueue?: EmailQueue;
  /** Read replicas for reports and exports (`DATABASE_REPLICA_URLS`); everything on `db` without. */
  readonly readRouter?: ReadRouter;
  /**
   * What this gateway and the others on its database tell each other (subscriptions'
   * events, response-cache generations, session changes): `postgresClusterBus` on
   * PostgreSQL; a new in-process bus unless given, i.e. a gateway alone.
   */
  readonly bus?: ClusterBus;
}

function bearerToken(header: string | null): string | null {
  const match = header ? /^Bearer\s+([A-Za-z0-9_-]{20,200})$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/** The caller's address: the connection's, or the one a trusted proxy says it forwarded. */
function clientAddress(request: Request, req: IncomingMessage | undefined, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = request.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return req?.socket?.remoteAddress ?? null;
}

/**
 * The GraphQL endpoint at `/graphql`. Tests drive it in-process with `yoga.fetch`.
 * Unexpected errors are masked; only GraphQLErrors we raise reach the client.
 * CSRF: requests must be JSON or carry a `graphql-preflight`/`x-graphql-csrf` header, so a
 * cross-site form post cannot act with a user's session.
 */
export function createGatewayYoga(options: YogaOptions): YogaServerInstance<Record<string, unknown>, Context> {
  const now = options.now ?? (() => new Date());
  const links = options.evidenceLinks ?? evidenceLinks();
  const bus = options.bus ?? inProcessClusterBus();
  const pubsub = createImportPubSub(bus);
  const roundEvents = createRoundEvents(bus);
  const notificationEvents = createNotificationEvents(bus);
  const sessionChanges = options.sessionChanges ?? createSessionChanges();
  const app = createApp({
    db: options.db,
    clock: now,
    evidenceFiles: evidenceFilesIn(options.storage),
    sessionChanges,
    ...(options.emailQueue ? { emailQueue: options.emailQueue } : {}),
  });
  const lookUp = (token: string, at: Date) => sessionForToken(options.db, token, at);
  const sessionTtlMs = options.sessionCacheTtlMs ?? 10_000;
  const validSession =
    sessionTtlMs > 0
      ? createSessionCache({ ttlMs: sessionTtlMs, max: options.sessionCacheSize ?? 10_000, lookUp })
      : { viewerFor: async (token: string, at: Date) => (await lookUp(token, at))?.user ?? null, forget: () => {} };
  sessionChanges.subscribe((change) => validSession.forget(change));
  // The database's own notices (any writer's, on PostgreSQL), and everyone after a lost
  // bus connection: notices sent meanwhile were missed.
  bus.listen("lantoa_session_changes", (payload) => validSession.forget(sessionChangeFrom(payload)));
  bus.onReconnect(() => validSession.forget("everyone"));
  const loginThrottle = createLoginThrottle(options.db, options.loginLimits ?? DEFAULT_LOGIN_LIMITS);
  // The session is looked up once per request, by whichever needs it first: an upload
  // decides on it before reading its body, the context after.
  const sessions = new WeakMap<Request, Promise<SessionUser | null>>();
  const viewerOf = (request: Request): Promise<SessionUser | null> => {
    let viewer = sessions.get(request);
    if (!viewer) {
      const token = bearerToken(request.headers.get("authorization"));
      viewer = token ? validSession.viewerFor(token, now()) : Promise.resolve(null);
      sessions.set(request, viewer);
    }
    return viewer;
  };
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql: options.graphiql ? { title: "Lan Tỏa GraphQL" } : false,
    landingPage: false,
    // Uploads are read by useStreamedUploads, which decides on them before reading their
    // body; yoga's own body limit would start pumping the body into a buffer at once, so
    // the limits are ours (useQueryLimits for JSON, useStreamedUploads for multipart).
    multipart: false,
    maxRequestBodySize: false,
    maskedErrors: { maskError: maskGatewayError },
    logging: createGatewayLogger(),
    // Yoga reads an empty origin list as "every origin": no list means no CORS headers at all.
    cors: options.corsOrigins?.length ? { origin: [...options.corsOrigins], credentials: false } : false,
    plugins: [
      useCSRFPrevention({ requestHeaders: ["x-graphql-csrf", "graphql-preflight"] }),
      ...useQueryLimits({
        introspection: options.introspection ?? true,
        fieldSuggestions: options.fieldSuggestions ?? true,
      }),
      useStreamedUploads({
        schema,
        db: options.db,
        viewerOf,
        incomingDir: options.incomingDir ?? join(tmpdir(), "lantoa-incoming"),
      }),
      useWellFormedStrings(),
      useTypedInputErrors(),
      ...(options.readRouter ? [useReadReplicas(options.readRouter, options.db)] : []),
      // The response cache rewrites the document it caches for (ids and typenames added, then
      // taken out of the result), which a passed-through answer would keep: one or the other.
      ...(options.responseCacheTtlMs
        ? useViewerResponseCache(options.responseCacheTtlMs, bus)
        : options.compiledReads === false
          ? []
          : [useCompiledReads()]),
    ],
    context: async ({ request, req }: { request: Request; req?: IncomingMessage }) => {
      const token = bearerToken(request.headers.get("authorization"));
      const at = now();
      return {
        db: options.db,
        // The primary unless useReadReplicas chooses a replica for a query.
        reportsDb: options.db,
        reads: new ReadBatch(options.db),
        app,
        token,
        now: at,
        viewer: await viewerOf(request),
        sessionTtlHours: options.sessionTtlHours ?? 12,
        storage: options.storage,
        evidenceLinks: links,
        pubsub,
        roundEvents,
        notificationEvents,
        publicUrl: options.publicUrl ?? new URL(request.url).origin,
        loginThrottle,
        clientAddress: clientAddress(request, req, options.trustProxy ?? false),
      };
    },
  });
}
