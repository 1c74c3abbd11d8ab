import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { thanhLiemUnits } from "@lantoa/db";
import { createDemoTestDatabase, type TestDatabase, testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGatewayYoga, localFolderStorage } from "../src/index.js";

type GraphQLResponse = { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };

describe.each(testEngines())("units query on %s", (engine) => {
  let database: TestDatabase;
  let query: (source: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse>;

  beforeAll(async () => {
    database = await createDemoTestDatabase(engine);
    const yoga = createGatewayYoga({
      db: database.db,
      graphiql: false,
      storage: localFolderStorage(mkdtempSync(join(tmpdir(), "lantoa-uploads-"))),
    });
    query = async (source, variables) => {
      const response = await yoga.fetch("http://test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: source, variables }),
      });
      return (await response.json()) as GraphQLResponse;
    };
  });
  afterAll(async () => {
    await database?.close();
  });

  it("answers totalCount and a first page as a Relay connection", async () => {
    const result = await query(
      `{ units(first: 3) { totalCount edges { cursor node { id name depth } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.units.totalCount).toBe(thanhLiemUnits.length);
    expect(result.data.units.edges).toHaveLength(3);
    expect(result.data.units.edges[0].node).toMatchObject({ name: "Tỉnh ủy Hà Nam", depth: 0 });
    expect(result.data.units.pageInfo.hasNextPage).toBe(true);
  });

  it("walks every page with cursors and sees each unit once", async () => {
    const names: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const result: GraphQLResponse = await query(
        `query Page($after: String) { units(first: 25, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      names.push(...result.data.units.edges.map((e: { node: { name: string } }) => e.node.name));
      if (!result.data.units.pageInfo.hasNextPage) break;
      after = result.data.units.pageInfo.endCursor;
    }
    expect(names).toHaveLength(thanhLiemUnits.length);
    expect(new Set(names).size).toBe(thanhLiemUnits.length);
  });

  it("pages back with last/before to the units right before the cursor", async () => {
    const first = await query(`{ units(first: 6) { edges { cursor node { code } } } }`);
    const codes = first.data.units.edges.map((e: { node: { code: string } }) => e.node.code);
    const back = await query(
      `query($before: String!) { units(last: 3, before: $before) { edges { node { code } } pageInfo { hasPreviousPage } } }`,
      { before: first.data.units.edges[5].cursor },
    );
    expect(back.data.units.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(codes.slice(2, 5));
    expect(back.data.units.pageInfo.hasPreviousPage).toBe(true);
  });

  it("searches without diacritics and scopes to a subtree by global id", async () => {
    const found = await query(`{ units(filter: { search: "huyen uy thanh liem" }) { edges { node { id name } } } }`);
    expect(found.data.units.edges.map((e: any) => e.node.name)).toEqual(["Huyện ủy Thanh Liêm"]);
    const thanhLiemId = found.data.units.edges[0].node.id;

    const subtree = await query(`query($id: ID!) { units(filter: { withinUnitId: $id }) { totalCount } }`, {
      id: thanhLiemId,
    });
    const expected = thanhLiemUnits.filter((u) => u.code === "TL" || u.code.startsWith("TL-")).length;
    expect(subtree.data.units.totalCount).toBe(expected);

    const node = await query(`query($id: ID!) { node(id: $id) { ... on Unit { name parent { name } } } }`, {
      id: thanhLiemId,
    });
    expect(node.data.node).toEqual({ name: "Huyện ủy Thanh Liêm", parent: { name: "Tỉnh ủy Hà Nam" } });
  });

  it("refuses a forged cursor and a forged id with typed errors", async () => {
    const badCursor = await query(`{ units(first: 2, after: "bm90LWEtcGF0aA") { totalCount } }`);
    expect(badCursor.errors?.[0]?.extensions?.code).toBe("BAD_CURSOR");
    const forgedId = Buffer.from("Unit:not-a-uuid").toString("base64");
    const badId = await query(`query($id: ID!) { units(filter: { withinUnitId: $id }) { totalCount } }`, {
      id: forgedId,
    });
    expect(badId.errors?.[0]?.extensions?.code).toBe("BAD_ID");
    expect(badId.data.units).toBeNull();
    const otherType = Buffer.from("Model:7f1d2c3a-0000-4000-8000-000000000000").toString("base64");
    const wrongType = await query(`query($id: ID!) { units(filter: { withinUnitId: $id }) { totalCount } }`, {
      id: otherType,
    });
    expect(wrongType.errors?.[0]?.message).toMatch(/Unit/);
  });
});
