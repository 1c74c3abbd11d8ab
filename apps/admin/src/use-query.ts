import { type DocumentTypeDecoration, GraphQLRequestError, request } from "@lantoa/client";
import { useCallback, useEffect, useState } from "react";
import type { MessageKey } from "./i18n/messages-vi";
import { useSession } from "./session";

/** The gateway serves the app and the API from one origin (Vite proxies it in development). */
export const graphqlEndpoint = "/graphql";

/** A query's state as a page shows it. */
export type QueryState<TResult> =
  | { status: "loading"; data: TResult | undefined }
  | { status: "error"; error: unknown; data: TResult | undefined }
  | { status: "ready"; data: TResult };

/**
 * Runs a typed query with the session's token whenever its variables change, keeping the
 * previous data while the next loads (so a table does not flicker while paging). A token the
 * gateway rejects signs the user out.
 */
export function useQuery<TResult, TVariables>(
  document: DocumentTypeDecoration<TResult, TVariables>,
  variables: TVariables,
  options: { skip?: boolean } = {},
): QueryState<TResult> & { reload(): void } {
  const { session, expire } = useSession();
  const token = session?.token ?? null;
  const [state, setState] = useState<QueryState<TResult>>({ status: "loading", data: undefined });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(variables);
  const skip = options.skip ?? false;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `variables`; `attempt` re-runs on reload.
  useEffect(() => {
    if (skip) return;
    const controller = new AbortController();
    setState((previous) => ({ status: "loading", data: previous.data }));
    request(graphqlEndpoint, document, variables, { token, signal: controller.signal }).then(
      (data) => setState({ status: "ready", data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof GraphQLRequestError && error.code === "UNAUTHENTICATED" && token) expire();
        setState((previous) => ({ status: "error", error, data: previous.data }));
      },
    );
    return () => controller.abort();
  }, [document, key, token, skip, attempt, expire]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}

/** The plain-language explanation of a failed request. */
export function errorMessageKey(error: unknown): MessageKey {
  if (!(error instanceof GraphQLRequestError)) return "error.unknown";
  if (error.kind === "network") return "error.network";
  switch (error.code) {
    case "UNAUTHENTICATED":
      return "error.unauthenticated";
    case "FORBIDDEN":
      return "error.forbidden";
    case "NOT_FOUND":
    case "BAD_ID":
      return "error.notFound";
    default:
      return error.status && error.status >= 500 ? "error.network" : "error.unknown";
  }
}
