import { createInMemoryCache, defaultBuildResponseCacheKey, useResponseCache } from "@envelop/response-cache";
import { getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Context } from "./context.js";

/**
 * Reuses a read's response for the same viewer for `ttlMs`. The key holds the viewer's
 * user id, taken at execution once the session was checked (envelop's plugin, not
 * yoga's, which keys the cache before the context exists), so a revoked token is
 * anonymous at once and one user never sees another's answer. Any mutation starts a new
 * generation of keys, so nothing cached before it is served after it: writes are rare
 * beside reads here, and a new model must show in lists at once, which per-entity
 * invalidation cannot promise. Writes from another process (the CLI) show within `ttlMs`.
 */
export function useViewerResponseCache(ttlMs: number): Plugin[] {
  let generation = 0;
  const cacheAnswers = useResponseCache<Context>({
    cache: createInMemoryCache({ max: 2_000 }),
    session: (context) => `${generation}:${context.viewer?.userId ?? "anonymous"}`,
    buildResponseCacheKey: (params) =>
      defaultBuildResponseCacheKey({ ...params, sessionId: `${generation}:${params.sessionId ?? ""}` }),
    ttl: ttlMs,
    ignoredTypes: ["Viewer", "Session"],
    invalidateViaMutation: false,
    // The default logs "Failed to cache due to errors" for every refused read: anyone could flood the log.
    shouldCacheResult: ({ result }) => !result.errors?.length,
  });
  const newGenerationOnMutation: Plugin = {
    onExecute: ({ args }) => {
      if (getOperationAST(args.document, args.operationName)?.operation !== "mutation") return;
      // Before and after: a read running beside the mutation may see either state, and is
      // keyed to the middle generation, which no later read asks for.
      generation++;
      return { onExecuteDone: () => void generation++ };
    },
  };
  return [newGenerationOnMutation, cacheAnswers as Plugin];
}
