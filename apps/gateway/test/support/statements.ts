import { expect } from "vitest";
import type { GatewayHarness } from "./gateway-harness.js";

/** What a signed-in request costs before any field is read: the session check. */
const NOTHING = "query { __typename }";

/**
 * The SQL statements one request sends as the district's unit admin, less what its session
 * check costs (measured on a request that reads nothing, just before). Both must answer
 * without errors.
 */
export async function statementsAfterSession(
  h: GatewayHarness,
  query: string,
  variables: Record<string, unknown>,
): Promise<number> {
  h.resetStatements();
  expect((await h.call(NOTHING, {}, h.tokens.unitAdmin)).errors).toBeUndefined();
  const session = h.statements();
  h.resetStatements();
  const result = await h.call(query, variables, h.tokens.unitAdmin);
  expect(result.errors).toBeUndefined();
  return h.statements() - session;
}
