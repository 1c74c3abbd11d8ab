import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelInput } from "./support/authorization-matrix.js";
import { type GatewayHarness, globalId, startGatewayHarness } from "./support/gateway-harness.js";

const COUNT = `query($u: ID!) { models(first: 1, filter: { withinUnitId: $u }) { totalCount } }`;

describe.each(testEngines())("the response cache, on %s", (engine) => {
  let h: GatewayHarness;
  beforeAll(async () => {
    // Far longer than the test: whatever changes below changes because of invalidation.
    h = await startGatewayHarness(engine, { responseCacheTtlMs: 600_000 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("answers a read asked a third time without the database, for the same viewer only", async () => {
    const u = globalId("Unit", h.units.TL ?? "");
    const first = await h.call(COUNT, { u }, h.tokens.unitAdmin);
    await h.call(COUNT, { u }, h.tokens.unitAdmin);
    h.resetStatements();
    const again = await h.call(COUNT, { u }, h.tokens.unitAdmin);
    expect(again.data).toEqual(first.data);
    // The session is remembered too: nothing at all.
    expect(h.statements()).toBe(0);
    const officer = await h.call(COUNT, { u }, h.tokens.officer);
    expect(officer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    h.resetStatements();
    const viewer = await h.call(COUNT, { u }, h.tokens.viewer);
    expect(viewer.data.models.totalCount).toBe(first.data.models.totalCount);
    expect(h.statements()).toBeGreaterThan(0);
  });

  it("keeps no read asked only once, so the second asking still reads the database", async () => {
    const u = globalId("Unit", h.units["TL-THANHHUONG"] ?? "");
    await h.call(COUNT, { u }, h.tokens.systemAdmin);
    h.resetStatements();
    await h.call(COUNT, { u }, h.tokens.systemAdmin);
    expect(h.statements()).toBeGreaterThan(0);
  });

  it("forgets everything when a mutation succeeds, so a new model shows in lists at once", async () => {
    const u = globalId("Unit", h.units["TL-HPN"] ?? "");
    const before = await h.call(COUNT, { u }, h.tokens.officer);
    const made = await h.call(
      `mutation($i: CreateModelInput!, $k: String!) { createModel(input: $i, idempotencyKey: $k) { __typename } }`,
      { i: modelInput("CACHE-NEW-1", u), k: "cache-test-create-1" },
      h.tokens.officer,
    );
    expect(made.data.createModel.__typename).toBe("MutationCreateModelSuccess");
    const after = await h.call(COUNT, { u }, h.tokens.officer);
    expect(after.data.models.totalCount).toBe(before.data.models.totalCount + 1);
  });

  it("treats a revoked token as anonymous at once, cached answers or not", async () => {
    const token = await h.signIn("unitAdmin");
    const u = globalId("Unit", h.units.TL ?? "");
    expect((await h.call(COUNT, { u }, token)).data.models.totalCount).toBeGreaterThan(0);
    expect((await h.call(`mutation { logout }`, {}, token)).data.logout).toBe(true);
    const after = await h.call(COUNT, { u }, token);
    expect(after.data?.models ?? null).toBeNull();
    expect(after.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
