import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { modelInput } from "./support/authorization-matrix.js";
import { type GatewayHarness, globalId, startGatewayHarness } from "./support/gateway-harness.js";

const NUL = "\u0000";
const LONE_HIGH = "\uD800";
const LONE_LOW = "\uDC00";

describe.each(testEngines())("input at the edge, on %s", (engine) => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGatewayHarness(engine, { responseCacheTtlMs: 60_000 });
  });
  afterAll(async () => {
    await h?.close();
  });

  const refusedAsBadInput = (result: { data?: any; errors?: { extensions?: Record<string, unknown> }[] }) => {
    expect(result.errors?.map((e) => e.extensions)).toEqual([{ code: "BAD_USER_INPUT", reason: "MALFORMED_TEXT" }]);
  };

  it.each([
    ["a NUL", `Đường${NUL}hoa`],
    ["a lone high surrogate", `Đường${LONE_HIGH}`],
    ["a lone low surrogate", `${LONE_LOW}hoa`],
  ])("refuses %s in a search text as BAD_USER_INPUT", async (_name, text) => {
    const result = await h.call(
      "query($t: String!) { models(first: 5, filter: { text: $t }) { totalCount } }",
      { t: text },
      h.tokens.systemAdmin,
    );
    refusedAsBadInput(result);
  });

  it("refuses a NUL in a unit's name and writes nothing", async () => {
    const before = await h.database.db.selectFrom("units").select("id").execute();
    const result = await h.call(
      `mutation($p: ID!, $n: String!) { createUnit(parentId: $p, code: "NUL-1", name: $n, level: "commune", kind: "party-cell") { __typename } }`,
      { p: globalId("Unit", h.units.TL ?? ""), n: `Chi bộ${NUL}` },
      h.tokens.systemAdmin,
    );
    refusedAsBadInput(result);
    expect(await h.database.db.selectFrom("units").select("id").execute()).toHaveLength(before.length);
  });

  it("refuses a NUL written into the document itself (a round code literal)", async () => {
    const result = await h.call(`{ leaderboard(roundCode: "TL-2022\\u0000") { modelCode } }`);
    refusedAsBadInput(result);
  });

  it("finds a malformed string nested in an input object's list", async () => {
    const input = { ...modelInput("SURROGATE-1", globalId("Unit", h.units["TL-HPN"] ?? "")) };
    const result = await h.call(
      `mutation($i: CreateModelInput!, $k: String!) { createModel(input: $i, idempotencyKey: $k) { __typename } }`,
      { i: { ...input, fields: ["economy", `x${LONE_HIGH}`] }, k: "edge-input-surrogate-1" },
      h.tokens.systemAdmin,
    );
    refusedAsBadInput(result);
    const stored = await h.database.db.selectFrom("models").select("id").where("code", "=", "SURROGATE-1").execute();
    expect(stored).toEqual([]);
  });

  it("keeps a well-formed pair (an emoji) and Vietnamese text", async () => {
    const result = await h.call(
      "query($t: String!) { models(first: 5, filter: { text: $t }) { totalCount } }",
      { t: "Đường hoa 🌸" },
      h.tokens.systemAdmin,
    );
    expect(result.errors).toBeUndefined();
  });

  it("accepts the bearer scheme in any case", async () => {
    for (const scheme of ["bearer", "BEARER", "Bearer"]) {
      const response = await h.fetch({
        method: "POST",
        headers: { "content-type": "application/json", authorization: `${scheme} ${h.tokens.viewer}` },
        body: JSON.stringify({ query: "{ viewer { username } }" }),
      });
      expect(((await response.json()) as { data: any }).data.viewer).toEqual({ username: "xem" });
    }
  });

  it("does not log a line per refused read", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      for (let i = 0; i < 5; i++) {
        const refused = await h.call(
          `query($u: ID!) { models(first: 1, filter: { withinUnitId: $u }) { totalCount } }`,
          { u: globalId("Unit", h.units.TL ?? "") },
          h.tokens.officer,
        );
        expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      }
      expect(warn.mock.calls.map((c) => String(c[0]))).not.toContainEqual(expect.stringContaining("Failed to cache"));
    } finally {
      warn.mockRestore();
    }
  });
});
