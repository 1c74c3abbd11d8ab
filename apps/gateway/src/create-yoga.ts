import type { Database } from "@lantoa/db";
import { createYoga, type YogaServerInstance } from "graphql-yoga";
import type { Kysely } from "kysely";
import type { Context } from "./context.js";
import { schema } from "./schema/index.js";

/** Options of {@link createGatewayYoga}. */
export interface YogaOptions {
  readonly db: Kysely<Database>;
  readonly graphiql: boolean;
}

/**
 * The GraphQL endpoint at `/graphql`. Tests drive it in-process with `yoga.fetch`.
 * Unexpected errors are masked; only GraphQLErrors we raise reach the client.
 */
export function createGatewayYoga(options: YogaOptions): YogaServerInstance<Record<string, unknown>, Context> {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql: options.graphiql ? { title: "Lan Tỏa GraphQL" } : false,
    landingPage: false,
    context: () => ({ db: options.db }),
  });
}
