import { type DocumentTypeDecoration, GraphQLRequestError } from "@lantoa/client";
import { mutationOptions, queryOptions } from "@tanstack/react-query";

/** The gateway serves the app and the API from one origin (Vite proxies it in development). */
export const graphqlEndpoint = "/graphql";

// biome-ignore lint/suspicious/noExplicitAny: a document of any operation.
type AnyDocument = DocumentTypeDecoration<any, any>;

declare module "@tanstack/react-query" {
  interface Register {
    // The data provider's default query and mutation functions send `meta.document`.
    queryMeta: { document: AnyDocument };
    mutationMeta: { document: AnyDocument };
  }
}

/** `Models` for `query Models(...) {...}`: the name the cache keys and the invalidation table use. */
export function operationName(document: AnyDocument): string {
  const name = /\b(?:query|mutation|subscription)\s+([A-Za-z_]\w*)/.exec(String(document))?.[1];
  if (!name) throw new Error("a GraphQL document without a named operation");
  return name;
}

/**
 * A typed query for TanStack Query, keyed by operation name and variables: two components
 * asking the same share one request and one cached answer, and a mutation's invalidation
 * names the operations it changed.
 *
 * @example
 * const models = useQuery(graphqlQuery(ModelsDocument, { first: 20, filter: null }));
 */
export function graphqlQuery<TResult, TVariables>(
  document: DocumentTypeDecoration<TResult, TVariables>,
  variables: TVariables,
) {
  return queryOptions<TResult, Error, TResult, readonly [string, TVariables]>({
    queryKey: [operationName(document), variables] as const,
    meta: { document },
  });
}

/** A mutation's one root field: `{ transitionModel: Payload }` → `Payload`. */
export type PayloadOf<TResult> = NonNullable<TResult[keyof TResult]>;
/** The payload without its `DomainError` branch, which {@link graphqlMutation} throws instead. */
export type SuccessOf<TResult> = Exclude<PayloadOf<TResult>, { __typename: "DomainError" }>;

/**
 * A typed mutation for TanStack Query. Its data is the success branch of the one root field;
 * a `DomainError` answer is thrown as a {@link DomainRefusal}, so `mutation.error` holds every
 * failure, refused or not. After it settles, the queries it changes are invalidated (see
 * `invalidation.ts`); it is retried only when it carries an idempotency key and failed on the way.
 *
 * @example
 * const transition = useMutation(graphqlMutation(TransitionModelDocument));
 * await transition.mutateAsync({ id, action: "submit", expectedVersion, reason: null });
 */
export function graphqlMutation<TResult, TVariables>(document: DocumentTypeDecoration<TResult, TVariables>) {
  return mutationOptions<SuccessOf<TResult>, Error, TVariables>({
    mutationKey: [operationName(document)],
    meta: { document },
    retry: /\$idempotencyKey\b/.test(String(document)) ? retryWhenTransient : false,
  });
}

/**
 * An expected failure of a mutation (`DomainError`: a stale version, a refused step…), with
 * its namespaced code, the gateway's own words in both languages, and its parsed details.
 */
export class DomainRefusal extends Error {
  override readonly name = "DomainRefusal";
  readonly code: string;
  readonly messageVi: string | null;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(error: { code?: string | null; message?: string | null; messageVi?: string | null; details?: unknown }) {
    super(error.message ?? error.code ?? "refused");
    this.code = error.code ?? "UNKNOWN";
    this.messageVi = error.messageVi ?? null;
    this.details = parseDetails(error.details);
  }
}

function parseDetails(details: unknown): Record<string, unknown> {
  if (typeof details !== "string") return {};
  try {
    const parsed: unknown = JSON.parse(details);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The root field's payload of a mutation's answer; a `DomainError` becomes a thrown {@link DomainRefusal}. */
export function payloadOf(data: unknown): unknown {
  const values = data && typeof data === "object" ? Object.values(data) : [];
  const payload = values[0];
  if (payload && typeof payload === "object" && (payload as { __typename?: string }).__typename === "DomainError") {
    throw new DomainRefusal(payload as ConstructorParameters<typeof DomainRefusal>[0]);
  }
  return payload;
}

/**
 * Whether a failed request is worth sending again: the gateway could not be reached or
 * answered 5xx. A refusal, a GraphQL error or a 4xx says the same thing the second time.
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof GraphQLRequestError)) return false;
  if (error.kind === "network") return true;
  return error.kind === "http" && (error.status ?? 0) >= 500;
}

/** Up to two more tries of a transient failure (queries, and mutations with an idempotency key). */
export function retryWhenTransient(failureCount: number, error: unknown): boolean {
  return failureCount < 2 && isTransient(error);
}
