import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { createApp } from "@lantoa/app";
import { type Database, userForToken } from "@lantoa/db";
import { createYoga, type YogaServerInstance } from "graphql-yoga";
import type { Kysely } from "kysely";
import type { Context } from "./context.js";
import { createImportPubSub } from "./import-progress.js";
import { schema } from "./schema/index.js";
import { type EvidenceLinks, evidenceLinks } from "./storage/evidence-links.js";
import { type EvidenceStorage, evidenceFilesIn } from "./storage/evidence-storage.js";
import { useTypedInputErrors } from "./use-typed-input-errors.js";
import { useViewerResponseCache } from "./use-viewer-response-cache.js";

/** Options of {@link createGatewayYoga}. */
export interface YogaOptions {
  readonly db: Kysely<Database>;
  readonly graphiql: boolean;
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
   * unset turns the cache off. Any mutation through this gateway empties it at once;
   * another process's writes show within this time.
   */
  readonly responseCacheTtlMs?: number;
  /** The public address printed in certificates; each request's own origin when unset. */
  readonly publicUrl?: string | undefined;
}

function bearerToken(header: string | null): string | null {
  const match = header ? /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(header) : null;
  return match?.[1] ?? null;
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
  const pubsub = createImportPubSub();
  const app = createApp({ db: options.db, clock: now, evidenceFiles: evidenceFilesIn(options.storage) });
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql: options.graphiql ? { title: "Lan Tỏa GraphQL" } : false,
    landingPage: false,
    cors: { origin: [...(options.corsOrigins ?? [])], credentials: false },
    plugins: [
      useCSRFPrevention({ requestHeaders: ["x-graphql-csrf", "graphql-preflight"] }),
      useTypedInputErrors(),
      ...(options.responseCacheTtlMs ? useViewerResponseCache(options.responseCacheTtlMs) : []),
    ],
    context: async ({ request }) => {
      const token = bearerToken(request.headers.get("authorization"));
      const at = now();
      return {
        db: options.db,
        app,
        token,
        now: at,
        viewer: token ? await userForToken(options.db, token, at) : null,
        sessionTtlHours: options.sessionTtlHours ?? 12,
        storage: options.storage,
        evidenceLinks: links,
        pubsub,
        publicUrl: options.publicUrl ?? new URL(request.url).origin,
      };
    },
  });
}
