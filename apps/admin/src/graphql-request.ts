/** A GraphQL error as the gateway sends it. */
export interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string };
}

/** Raised when the gateway answers with errors or cannot be reached. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly errors: readonly GraphQLErrorShape[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Posts one operation to the gateway's `/graphql` and returns its data. */
export async function graphqlRequest<TData>(query: string, variables?: Record<string, unknown>): Promise<TData> {
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query, variables }),
    });
  } catch (cause) {
    throw new GraphQLRequestError("network", [], { cause });
  }
  const body = (await response.json()) as { data?: TData; errors?: GraphQLErrorShape[] };
  if (body.errors?.length || body.data === undefined) {
    throw new GraphQLRequestError(body.errors?.[0]?.message ?? `HTTP ${response.status}`, body.errors ?? []);
  }
  return body.data;
}
