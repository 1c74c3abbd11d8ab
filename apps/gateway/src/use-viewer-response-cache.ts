import { type Cache, defaultBuildResponseCacheKey, useResponseCache } from "@envelop/response-cache";
import { type ExecutionResult, getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import { LRUCache } from "lru-cache";
import type { ClusterBus } from "./cluster/cluster-bus.js";
import type { Context } from "./context.js";
import { answeredByReplica } from "./replicas/use-read-replicas.js";

/** How much the response cache may hold, and what it admits. */
export interface ResponseCacheLimits {
  /** Bytes of answers kept at most (their JSON length), least recently used out first. */
  readonly maxBytes: number;
  /** Answers larger than this are never kept. */
  readonly maxEntryBytes: number;
  /** How many recently asked keys are remembered to recognize a repeat. */
  readonly recentKeys: number;
}

const DEFAULT_LIMITS: ResponseCacheLimits = { maxBytes: 64 * 2 ** 20, maxEntryBytes: 2 ** 20, recentKeys: 20_000 };

/**
 * Answers bounded in bytes, admitted only on their second asking within the key memory:
 * a read asked once (a random model's detail among a million) costs neither memory nor
 * the serialization to measure it. No index from entities to answers (envelop's own
 * in-memory cache keeps one, and it grew the process by hundreds of MB on random pages):
 * invalidation here is by key generation, see {@link useViewerResponseCache}.
 */
function boundedAnswers(limits: ResponseCacheLimits): Cache {
  const answers = new LRUCache<string, { result: ExecutionResult; bytes: number }>({
    maxSize: limits.maxBytes,
    sizeCalculation: (entry) => entry.bytes,
  });
  const asked = new LRUCache<string, true>({ max: limits.recentKeys });
  return {
    set(id, result, _entities, ttl) {
      if (!asked.has(id)) {
        asked.set(id, true);
        return;
      }
      const bytes = JSON.stringify(result).length;
      if (bytes <= limits.maxEntryBytes) answers.set(id, { result, bytes }, { ttl });
    },
    get: (id) => answers.get(id)?.result ?? null,
    invalidate: () => {},
  };
}

/**
 * Reuses a read's response for the same viewer for `ttlMs`. The key holds the viewer's
 * user id, taken at execution once the session was checked (envelop's plugin, not
 * yoga's, which keys the cache before the context exists), so a revoked token is
 * anonymous at once and one user never sees another's answer. Any mutation starts a new
 * generation of keys, so nothing cached before it is served after it: writes are rare
 * beside reads here, and a new model must show in lists at once, which per-entity
 * invalidation cannot promise. A mutation's new generation is announced on the cluster bus
 * once it is done, and every other gateway of the database starts one too (a lost bus
 * connection does the same: announcements may have been missed); writes from processes
 * that announce nothing (the CLI, SQL by hand) show within `ttlMs`.
 * Memory is bounded in bytes, and only reads asked twice are kept (see `bench/README.md`
 * for when the cache pays: off by default).
 */
export function useViewerResponseCache(
  ttlMs: number,
  bus: ClusterBus,
  limits: ResponseCacheLimits = DEFAULT_LIMITS,
): Plugin[] {
  let generation = 0;
  // Our own announcements come back too; this gateway has already moved on.
  bus.listen("lantoa_response_cache", (from) => {
    if (from !== bus.id) generation++;
  });
  bus.onReconnect(() => void generation++);
  const cacheAnswers = useResponseCache<Context>({
    cache: boundedAnswers(limits),
    session: (context) => `${generation}:${context.viewer?.userId ?? "anonymous"}`,
    buildResponseCacheKey: (params) =>
      defaultBuildResponseCacheKey({ ...params, sessionId: `${generation}:${params.sessionId ?? ""}` }),
    ttl: ttlMs,
    ignoredTypes: ["Viewer", "Session"],
    invalidateViaMutation: false,
    // The default logs "Failed to cache due to errors" for every refused read: anyone could flood the log.
    // An answer read on a replica may predate a write the bus announced already: kept, it
    // would outlive the replica's catching up. Only answers read on the primary are kept.
    shouldCacheResult: ({ result }) => !result.errors?.length && !answeredByReplica(result),
  });
  const newGenerationOnMutation: Plugin = {
    onExecute: ({ args }) => {
      if (getOperationAST(args.document, args.operationName)?.operation !== "mutation") return;
      // Before and after: a read running beside the mutation may see either state, and is
      // keyed to the middle generation, which no later read asks for.
      generation++;
      return {
        onExecuteDone: () => {
          generation++;
          bus.notify("lantoa_response_cache", bus.id);
        },
      };
    },
  };
  return [newGenerationOnMutation, cacheAnswers as Plugin];
}
