import {
  ModelDetailDocument,
  ModelsDocument,
  ReviewWorkspaceModelDocument,
  RoundAssignmentGridDocument,
} from "@lantoa/client";
import { DEMO_ROUND_CODE } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayHarness, globalId, startGatewayHarness } from "./support/gateway-harness.js";
import { statementsAfterSession } from "./support/statements.js";

const PAGE = `query($n: Int!, $u: ID!) { models(first: $n, filter: { withinUnitId: $u }) { totalCount edges { node {
  code name ownerUnit { name parent { name } } indicatorValues { indicatorCode period value }
  latestResult { roundCode total tier rank } } } } }`;

// Everything a model detail page shows, for a page of models at once.
const EVERYTHING = `query($n: Int!, $u: ID!) { models(first: $n, filter: { withinUnitId: $u }) { edges { node {
  code ownerUnit { code parent { code } } indicatorValues { value } latestResult { tier } evidence { title }
  commendations { decisionNumber } statusHistory { to by } } } } }`;

describe.each(testEngines())("SQL statements per request, on %s", (engine) => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGatewayHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function pageStatements(query: string, n: number): Promise<number> {
    const u = globalId("Unit", h.units.TL ?? "");
    return statementsAfterSession(h, query, { n, u });
  }

  it("answers a page of models with units, parent units, outcomes, latest result and total in two statements", async () => {
    expect(await pageStatements(PAGE, 50)).toBeLessThanOrEqual(2);
  });

  it("sends as many statements for a page of 50 models as for a page of 10 (no statement per row)", async () => {
    expect(await pageStatements(PAGE, 50)).toBe(await pageStatements(PAGE, 10));
  });

  it("answers a page that also asks for evidence, commendations and status history in two statements", async () => {
    expect(await pageStatements(EVERYTHING, 50)).toBeLessThanOrEqual(2);
  });

  it("answers the admin app's models page (the client's Models operation) in two statements", async () => {
    const filter = { withinUnitId: globalId("Unit", h.units.TL ?? "") };
    expect(await statementsAfterSession(h, ModelsDocument.toString(), { first: 50, filter })).toBeLessThanOrEqual(2);
  });

  it("answers the admin app's model detail (the client's ModelDetail operation, every list) in two statements", async () => {
    const row = await h.database.db
      .selectFrom("models")
      .select("id")
      .where("code", "=", "TL-2021-DUONGHOA")
      .executeTakeFirstOrThrow();
    const id = globalId("Model", row.id);
    expect(await statementsAfterSession(h, ModelDetailDocument.toString(), { id })).toBeLessThanOrEqual(2);
  });

  it("answers the review workspace's model (the client's ReviewWorkspaceModel operation) in at most five statements: the model with its lists in one batch, its origin, its replication tree and the tree's units", async () => {
    const row = await h.database.db
      .selectFrom("models")
      .select("id")
      .where("code", "=", "TL-2021-DUONGHOA")
      .executeTakeFirstOrThrow();
    const id = globalId("Model", row.id);
    expect(await statementsAfterSession(h, ReviewWorkspaceModelDocument.toString(), { id })).toBeLessThanOrEqual(5);
  });

  it("answers the round page's assignment grid (models, pool with loads, assignments, conflicts) in two statements after the round", async () => {
    const round = await h.database.db
      .selectFrom("rounds")
      .select("id")
      .where("code", "=", DEMO_ROUND_CODE)
      .executeTakeFirstOrThrow();
    const id = globalId("Round", round.id);
    // The round itself is one statement (the bare query); the grid adds its models and its reviewers.
    const BARE = `query($id: ID!) { node(id: $id) { ... on Round { id status reviewersPerModel } } }`;
    const GRID = RoundAssignmentGridDocument.toString();
    // Measured warm: the first request of a kind may share its statement with the session's.
    await statementsAfterSession(h, BARE, { id });
    const bare = await statementsAfterSession(h, BARE, { id });
    await statementsAfterSession(h, GRID, { id });
    const grid = await statementsAfterSession(h, GRID, { id });
    expect(grid - bare).toBeLessThanOrEqual(2);
  });
});
