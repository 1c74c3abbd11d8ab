import type { DocumentTypeDecoration } from "@lantoa/client";
import { createClient } from "graphql-sse";

/** What a followed subscription reports besides its data. */
export interface SubscriptionHandlers<TData> {
  onData(data: TData): void;
  /** The stream ended: completed by the server, refused, or lost after the retries. */
  onEnd?(): void;
}

/**
 * Follows a typed GraphQL subscription over server-sent events with graphql-sse (the
 * gateway speaks its "distinct connections" mode): a POST with the bearer token, which
 * EventSource cannot send, retried on network loss. Returns the function that stops it.
 *
 * @example
 * const stop = followSubscription("/graphql", RoundProgressDocument, { roundId }, token, {
 *   onData: ({ roundProgress }) => show(roundProgress),
 * });
 */
export function followSubscription<TData, TVariables extends Record<string, unknown>>(
  endpoint: string,
  document: DocumentTypeDecoration<TData, TVariables>,
  variables: TVariables,
  token: string | null,
  handlers: SubscriptionHandlers<TData>,
): () => void {
  const client = createClient({
    url: endpoint,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 3,
  });
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    handlers.onEnd?.();
  };
  const stop = client.subscribe<TData>(
    { query: String(document), variables },
    {
      next: (result) => {
        if (result.data) handlers.onData(result.data as TData);
        // A refusal comes as an event with errors only: nothing more will follow.
        else if (result.errors) end();
      },
      error: end,
      complete: end,
    },
  );
  return () => {
    ended = true;
    stop();
    client.dispose();
  };
}
