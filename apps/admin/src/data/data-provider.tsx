import { GraphQLRequestError, request } from "@lantoa/client";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useSession } from "../session";
import { graphqlEndpoint, payloadOf, retryWhenTransient } from "./graphql";
import { queriesChangedBy } from "./invalidation";

function isUnauthenticated(error: unknown): boolean {
  return error instanceof GraphQLRequestError && error.code === "UNAUTHENTICATED";
}

/**
 * The app's one query cache. Queries and mutations built with `graphqlQuery`/`graphqlMutation`
 * are sent here with the session's token; a token the gateway rejects signs the user out;
 * a settled mutation invalidates what it changed; a new session starts from an empty cache.
 */
export function DataProvider({ children }: { children: ReactNode }) {
  const { session, expire } = useSession();
  const token = session?.token ?? null;
  const tokenRef = useRef(token);
  tokenRef.current = token;
  const expireRef = useRef(expire);
  expireRef.current = expire;

  const [client] = useState(() => {
    const signOutIfRejected = (error: unknown) => {
      if (isUnauthenticated(error) && tokenRef.current) expireRef.current();
    };
    const queryClient: QueryClient = new QueryClient({
      queryCache: new QueryCache({ onError: signOutIfRejected }),
      mutationCache: new MutationCache({
        onError: signOutIfRejected,
        // A refusal (a stale version, a step taken meanwhile) also says the page is out of date.
        onSettled: (_data, _error, _variables, _context, mutation) => {
          const name = mutation.options.mutationKey?.[0];
          const names = typeof name === "string" ? queriesChangedBy(name) : [];
          return Promise.all(names.map((query) => queryClient.invalidateQueries({ queryKey: [query] })));
        },
      }),
      defaultOptions: {
        queries: {
          queryFn: ({ queryKey, meta, signal }) => {
            if (!meta?.document) throw new Error(`query ${String(queryKey[0])} has no document`);
            return request(graphqlEndpoint, meta.document, queryKey[1], { token: tokenRef.current, signal });
          },
          retry: retryWhenTransient,
          // Lists and pages change when someone else works: re-read on return, but not on every render.
          staleTime: 30_000,
        },
        mutations: {
          mutationFn: async (variables, { meta }) => {
            if (!meta?.document) throw new Error("mutation without a document");
            return payloadOf(await request(graphqlEndpoint, meta.document, variables, { token: tokenRef.current }));
          },
        },
      },
    });
    return queryClient;
  });

  // Another user (or nobody) now: nothing read for the previous one may show.
  const previous = useRef(token);
  useEffect(() => {
    if (previous.current === token) return;
    previous.current = token;
    void client.resetQueries();
  }, [client, token]);

  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
