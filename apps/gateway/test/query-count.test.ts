import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayHarness, globalId, startGatewayHarness } from "./support/gateway-harness.js";

const PAGE = `query($n: Int!, $u: ID!) { models(first: $n, filter: { withinUnitId: $u }) { totalCount edges { node {
  code name ownerUnit { name parent { name } } indicatorValues { indicatorCode period value }
  latestResult { roundCode total tier rank } } } } }`;

// Everything a model detail page shows, for a page of models at once.
const EVERYTHING = `query($n: Int!, $u: ID!) { models(first: $n, filter: { withinUnitId: $u }) { edges { node {
  code ownerUnit { code parent { code } } indicatorValues { value } latestResult { tier } evidence { title }
  commendations { decisionNumber } statusHistory { to by } } } } }`;

describe.each(testEngines())("SQL statements per page of models, on %s", (engine) => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGatewayHarness(engine);
    // The gateway remembers a session after its first request: every count below is without it.
    await h.call("{ viewer { username } }", {}, h.tokens.unitAdmin);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Statements sent for one page of `n` models of the district, as its unit admin. */
  async function statementsFor(query: string, n: number): Promise<number> {
    h.resetStatements();
    const result = await h.call(query, { n, u: globalId("Unit", h.units.TL ?? "") }, h.tokens.unitAdmin);
    expect(result.errors).toBeUndefined();
    expect(result.data.models.edges).toHaveLength(n);
    return h.statements();
  }

  it("is the same for pages of 10, 25 and 50 models with unit, parent unit, outcomes and latest result", async () => {
    const counts = [await statementsFor(PAGE, 10), await statementsFor(PAGE, 25), await statementsFor(PAGE, 50)];
    expect(counts).toEqual(counts.map(() => counts[0]));
    // scope, page, count, units with their parents, outcomes, results (the session is remembered)
    expect(counts[0]).toBeLessThanOrEqual(6);
  });

  it("stays the same when the page also asks for evidence, commendations and status history", async () => {
    const counts = [
      await statementsFor(EVERYTHING, 10),
      await statementsFor(EVERYTHING, 25),
      await statementsFor(EVERYTHING, 50),
    ];
    expect(counts).toEqual(counts.map(() => counts[0]));
  });
});
