import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * Gives every client-facing error without a code one, so clients can rely on
 * `extensions.code`. Our resolvers always set codes, and unexpected errors are masked
 * (INTERNAL_SERVER_ERROR); what is left is input graphql-js or Pothos refused before
 * a resolver ran: variables of the wrong type, arguments failing their zod schema
 * (BAD_USER_INPUT), and global ids that do not decode or name another type (BAD_ID).
 */
export function useTypedInputErrors(): Plugin {
  return {
    onExecute: () => ({
      onExecuteDone: ({ result, setResult }) => {
        if (Symbol.asyncIterator in result || !result.errors?.some(needsCode)) return;
        setResult({ ...result, errors: result.errors.map((e) => (needsCode(e) ? withCode(e) : e)) });
      },
    }),
  };
}

function needsCode(error: GraphQLError): boolean {
  if (error.extensions?.code !== undefined) return false;
  // An error wrapping a crash stays as it is: masking turns it into "Unexpected error.".
  return error.originalError === undefined || error.originalError instanceof GraphQLError;
}

const BAD_GLOBAL_ID = /^(Invalid global ID: |ID: .* is not of type: )/;

function withCode(error: GraphQLError): GraphQLError {
  const code = BAD_GLOBAL_ID.test(error.message) ? "BAD_ID" : "BAD_USER_INPUT";
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code },
  });
}
