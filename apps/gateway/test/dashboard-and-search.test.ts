import { DEMO_ROUND_CODE } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayHarness, globalId, startGatewayHarness } from "./support/gateway-harness.js";

describe.each(testEngines())("searching models and the dashboard's reports over GraphQL on %s", (engine) => {
  let h: GatewayHarness;
  let token: string;

  beforeAll(async () => {
    h = await startGatewayHarness(engine);
    token = await h.signInAs("thanhliem.admin");
  });
  afterAll(async () => {
    await h?.close();
  });

  const search = async (text: string, first = 6) => {
    const result = await h.call(
      `query($t: String!, $n: Int!) { models(first: $n, filter: { text: $t }) { totalCount edges { node { code name } } pageInfo { hasNextPage endCursor } } }`,
      { t: text, n: first },
      token,
    );
    expect(result.errors).toBeUndefined();
    return result.data.models;
  };

  it("finds a model by its code or a part of it, the exact code first", async () => {
    expect((await search("TL-2018-HUGAO")).edges[0].node.code).toBe("TL-2018-HUGAO");
    expect((await search("HUGAO")).edges[0].node.code).toBe("TL-2018-HUGAO");
  });

  it("lists word matches best first: the pilot before its copies", async () => {
    expect((await search("duong hoa")).edges[0].node.name).toBe("Đường hoa quân sự");
  });

  it("pages a search with its own cursors", async () => {
    const first = await search("duong", 3);
    const next = await h.call(
      `query($a: String) { models(first: 3, after: $a, filter: { text: "duong" }) { edges { node { code } } } }`,
      { a: first.pageInfo.endCursor },
      token,
    );
    const seen = first.edges.map((e: any) => e.node.code);
    const after = next.data.models.edges.map((e: any) => e.node.code);
    expect(after.length).toBeGreaterThan(0);
    expect(after.some((code: string) => seen.includes(code))).toBe(false);
  });

  it("treats % in a search as a character, not as everything", async () => {
    expect((await search("%")).totalCount).toBe(0);
  });

  it("rolls indicator totals up by the models' field", async () => {
    const result = await h.call(
      `query($u: ID!) { indicatorTotals(groupBy: FIELD, filter: { withinUnitId: $u }) { indicatorCode groupKey value } }`,
      { u: globalId("Unit", h.units.TL as string) },
      token,
    );
    const charity = result.data.indicatorTotals.find(
      (r: any) => r.indicatorCode === "money-raised" && r.groupKey === "social-welfare",
    );
    expect(charity.value).toBeGreaterThan(2_100_000_000);
  });

  it("tells how many models each published round ranked", async () => {
    const result = await h.call(`{ publishedRounds { code resultCount organizerName publishedAt } }`);
    const demo = result.data.publishedRounds.find((r: any) => r.code === DEMO_ROUND_CODE);
    expect(demo.resultCount).toBeGreaterThan(0);
    expect(demo.organizerName).toBeTruthy();
  });

  it("gives an inspection of a year its first and last day", async () => {
    const result = await h.call(
      `query($u: ID!) { inspections(first: 5, filter: { withinUnitId: $u }) { edges { node { periodFrom periodTo } } } }`,
      { u: globalId("Unit", h.units.TL as string) },
      token,
    );
    expect(result.data.inspections.edges[0].node).toEqual({ periodFrom: "2022-01-01", periodTo: "2022-12-31" });
  });
});
