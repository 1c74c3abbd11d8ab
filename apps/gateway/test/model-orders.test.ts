import { testEngines } from "@lantoa/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayHarness, globalId, startGatewayHarness } from "./support/gateway-harness.js";

const PAGE = /* GraphQL */ `
  query ($first: Int, $after: String, $last: Int, $before: String, $orderBy: ModelOrder, $u: ID) {
    models(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, filter: { withinUnitId: $u }) {
      edges { cursor node { code name status startDate } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

type Node = { code: string; name: string; status: string; startDate: string };
const orders = ["CODE", "NAME", "STATUS", "NEWEST"] as const;

/** The Vietnamese alphabet, in its order; tone marks set aside. */
const ALPHABET = [..."aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"];
const TONES: Record<string, string> = {
  a: "áàảãạ",
  ă: "ắằẳẵặ",
  â: "ấầẩẫậ",
  e: "éèẻẽẹ",
  ê: "ếềểễệ",
  i: "íìỉĩị",
  o: "óòỏõọ",
  ô: "ốồổỗộ",
  ơ: "ớờởỡợ",
  u: "úùủũụ",
  ư: "ứừửữự",
  y: "ýỳỷỹỵ",
};
const BASE = new Map(Object.entries(TONES).flatMap(([base, toned]) => [...toned].map((c) => [c, base] as const)));

/**
 * A name's sort key, letter by letter: the n-th letter of the alphabet as the n-th of
 * A…Z a…g (65 + n, skipping the six characters between Z and a), any other character
 * (space, digits, quotes) as its own code point.
 */
function nameKey(name: string): number[] {
  return [...name.normalize("NFC").toLowerCase()].map((c) => {
    const letter = ALPHABET.indexOf(BASE.get(c) ?? c);
    return letter >= 0 ? (letter < 26 ? 65 + letter : 97 + letter - 26) : (c.codePointAt(0) ?? 0);
  });
}

function compareKeys(x: number[], y: number[]): number {
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return x.length - y.length;
}

/** Each order's comparison, written apart from the SQL it checks (the test databases collate by code point). */
function compare(order: (typeof orders)[number]): (a: Node, b: Node) => number {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  switch (order) {
    case "CODE":
      return (a, b) => cmp(a.code, b.code);
    case "NAME":
      return (a, b) => compareKeys(nameKey(a.name), nameKey(b.name)) || cmp(a.code, b.code);
    case "STATUS":
      return (a, b) => cmp(a.status, b.status) || cmp(a.code, b.code);
    case "NEWEST":
      return (a, b) => cmp(b.startDate, a.startDate) || cmp(b.code, a.code);
  }
}

describe.each(testEngines())("models in each order on %s", (engine) => {
  let h: GatewayHarness;
  let everything: Node[];

  beforeAll(async () => {
    h = await startGatewayHarness(engine);
    everything = await modelsUnder(null);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The models of a subtree (all with null), read straight from the tables. */
  async function modelsUnder(unitId: string | null): Promise<Node[]> {
    const { rows } = await sql<Node>`select m.code, m.name, m.status, m.start_date as "startDate"
      from models m join units u on u.id = m.owner_unit_id
      where ${unitId === null ? sql`true` : sql`u.path like (select s.path from units s where s.id = ${unitId}) || '%'`}`.execute(
      h.database.db,
    );
    return rows;
  }

  async function forwards(orderBy: string | undefined, unit?: string): Promise<string[]> {
    const codes: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const result = await h.call(PAGE, { first: 37, after, orderBy, u: unit }, h.tokens.systemAdmin);
      expect(result.errors).toBeUndefined();
      codes.push(...result.data.models.edges.map((e: { node: Node }) => e.node.code));
      if (!result.data.models.pageInfo.hasNextPage) break;
      after = result.data.models.pageInfo.endCursor;
    }
    return codes;
  }

  it("has enough models for pages to matter", () => {
    expect(everything.length).toBeGreaterThan(100);
  });

  it.each(orders)("pages by %s forwards: every model once, in order", async (order) => {
    expect(await forwards(order)).toEqual([...everything].sort(compare(order)).map((m) => m.code));
  });

  it.each(orders)("pages by %s backwards with last and before: every model once, in order", async (order) => {
    const codes: string[] = [];
    let before: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const result = await h.call(PAGE, { last: 41, before, orderBy: order }, h.tokens.systemAdmin);
      expect(result.errors).toBeUndefined();
      codes.unshift(...result.data.models.edges.map((e: { node: Node }) => e.node.code));
      if (!result.data.models.pageInfo.hasPreviousPage) break;
      before = result.data.models.pageInfo.startCursor;
    }
    expect(codes).toEqual([...everything].sort(compare(order)).map((m) => m.code));
  });

  it("orders by code when no order is asked, as before orders existed", async () => {
    expect(await forwards(undefined)).toEqual([...everything].sort(compare("CODE")).map((m) => m.code));
  });

  it("pages a unit's subtree by newest", async () => {
    const expected = (await modelsUnder(h.units.TL ?? "")).sort(compare("NEWEST"));
    expect(expected.length).toBeGreaterThan(37);
    expect(await forwards("NEWEST", globalId("Unit", h.units.TL ?? ""))).toEqual(expected.map((m) => m.code));
  });

  it("refuses a cursor of another order as BAD_CURSOR", async () => {
    const byName = await h.call(PAGE, { first: 2, orderBy: "NAME" }, h.tokens.systemAdmin);
    const nameCursor = byName.data.models.pageInfo.endCursor;
    const asNewest = await h.call(PAGE, { first: 2, after: nameCursor, orderBy: "NEWEST" }, h.tokens.systemAdmin);
    expect(asNewest.errors?.[0]?.extensions?.code).toBe("BAD_CURSOR");
  });

  it("refuses a forged cursor as BAD_CURSOR", async () => {
    const forged = Buffer.from(JSON.stringify(["newest", "yesterday", "TL-1"])).toString("base64url");
    const result = await h.call(PAGE, { first: 2, after: forged, orderBy: "NEWEST" }, h.tokens.systemAdmin);
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_CURSOR");
  });
});
