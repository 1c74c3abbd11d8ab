import type { DocumentTypeDecoration } from "./document-type-decoration.js";

/** One entry of a GraphQL response's `errors`, as the gateway sends it. */
export interface GraphQLErrorEntry {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * Raised by {@link request} when the gateway cannot be reached (`kind: "network"`), answers
 * without a GraphQL body (`"http"`), or answers with `errors` (`"graphql"`; `code` is the
 * first error's `extensions.code`, e.g. `UNAUTHENTICATED`, `FORBIDDEN`).
 *
 * Expected failures of mutations are not thrown: they come back as `DomainError` values.
 */
export class GraphQLRequestError extends Error {
  override readonly name = "GraphQLRequestError";
  readonly kind: "network" | "http" | "graphql";
  readonly status: number | undefined;
  readonly errors: readonly GraphQLErrorEntry[];
  readonly code: string | undefined;

  constructor(
    kind: "network" | "http" | "graphql",
    message: string,
    init: { status?: number; errors?: readonly GraphQLErrorEntry[]; cause?: unknown } = {},
  ) {
    super(message, { cause: init.cause });
    this.kind = kind;
    this.status = init.status;
    this.errors = init.errors ?? [];
    this.code = this.errors[0]?.extensions?.code;
  }
}

/** Options of {@link request}. */
export interface RequestOptions {
  /** The session token from `login`, sent as `Authorization: Bearer <token>`. */
  token?: string | null | undefined;
  signal?: AbortSignal | undefined;
  /** Another fetch (tests, server-side rendering); the global one by default. */
  fetch?: typeof fetch | undefined;
  headers?: Record<string, string> | undefined;
}

/**
 * Posts one typed operation to the gateway and returns its `data`, typed by the document.
 * Throws {@link GraphQLRequestError} on network, HTTP or GraphQL errors.
 *
 * @example
 * const { models } = await request("/graphql", ModelsDocument, { first: 20, filter: { text: "duong hoa" } }, { token });
 * models?.edges[0]?.node.name // "Đường hoa quân sự"
 */
export async function request<TResult, TVariables>(
  endpoint: string,
  document: DocumentTypeDecoration<TResult, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TResult> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/graphql-response+json, application/json",
    ...options.headers,
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const doFetch = options.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await doFetch(endpoint, {
      method: "POST",
      headers,
      body: JSON.stringify({ query: String(document), variables }),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new GraphQLRequestError("network", "The gateway could not be reached.", { cause });
  }
  let body: { data?: TResult | null; errors?: GraphQLErrorEntry[] };
  try {
    body = (await response.json()) as typeof body;
  } catch (cause) {
    throw new GraphQLRequestError("http", `HTTP ${response.status} without a GraphQL body.`, {
      status: response.status,
      cause,
    });
  }
  if (body.errors?.length) {
    throw new GraphQLRequestError("graphql", body.errors[0]?.message ?? "GraphQL error", {
      status: response.status,
      errors: body.errors,
    });
  }
  if (body.data == null) {
    throw new GraphQLRequestError("http", `HTTP ${response.status} without data.`, { status: response.status });
  }
  return body.data;
}

/**
 * Narrows a mutation's union result to its `DomainError` branch.
 *
 * @example
 * const r = (await request(url, TransitionModelDocument, vars, { token })).transitionModel;
 * if (isDomainError(r)) show(r.messageVi); // e.g. DB.STALE_VERSION
 */
export function isDomainError<T extends { __typename: string }>(
  result: T | null | undefined,
): result is Extract<T, { __typename: "DomainError" }> {
  return result?.__typename === "DomainError";
}
