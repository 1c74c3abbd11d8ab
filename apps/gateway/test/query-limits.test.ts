import { readdirSync, readFileSync } from "node:fs";
import { testEngines } from "@lantoa/db/testing";
import { parse, print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayHarness, globalId, startGatewayHarness } from "./support/gateway-harness.js";

const operations = new URL("../../../packages/client/src/operations/", import.meta.url);
const operation = (name: string) => readFileSync(new URL(`${name}.graphql`, operations), "utf8");
/** Every fragment the client defines, in whichever operations file. */
const fragments = readdirSync(operations)
  .filter((file) => file.endsWith(".graphql"))
  .flatMap((file) => parse(readFileSync(new URL(file, operations), "utf8")).definitions)
  .flatMap((d) => (d.kind === "FragmentDefinition" ? [{ name: d.name.value, text: print(d) }] : []));
/** The named operation alone, with the fragments it spreads, transitively (graphql refuses unused ones). */
function withFragments(file: string, operationName: string): string {
  const definition = parse(operation(file)).definitions.find(
    (d) => d.kind === "OperationDefinition" && d.name?.value === operationName,
  );
  if (!definition) throw new Error(`${file}.graphql has no operation ${operationName}`);
  let text = print(definition);
  const included = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const f of fragments) {
      if (!included.has(f.name) && new RegExp(`\\.\\.\\.${f.name}\\b`).test(text)) {
        included.add(f.name);
        text = `${text}\n${f.text}`;
        grew = true;
      }
    }
  }
  return text;
}

/** `ownerUnit { parent { parent { … name } } }` nested `levels` deep. */
function parents(levels: number): string {
  return levels === 0 ? "name" : `parent { ${parents(levels - 1)} }`;
}

describe.each(testEngines())("query cost and depth limits, on %s", (engine) => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGatewayHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("serves the admin app's own queries, at their largest page", async () => {
    const list = await h.call(withFragments("models", "Models"), { first: 200 }, h.tokens.systemAdmin);
    expect(list.errors).toBeUndefined();
    expect(list.data.models.edges).toHaveLength(200);
    const id = list.data.models.edges[0].node.id;
    const detail = await h.call(withFragments("model-detail", "ModelDetail"), { id }, h.tokens.systemAdmin);
    expect(detail.errors).toBeUndefined();
    expect(detail.data.node.code).toBe(list.data.models.edges[0].node.code);
    // The units page and the pickers ask for 500 at once.
    const units = await h.call(withFragments("units", "Units"), { first: 500 }, h.tokens.systemAdmin);
    expect(units.errors).toBeUndefined();
    const tree = await h.call(withFragments("units-admin", "UnitTree"), { first: 500 }, h.tokens.systemAdmin);
    expect(tree.errors).toBeUndefined();
  });

  it("refuses a too deep query with a typed error before any resolver reads the database", async () => {
    h.resetStatements();
    const deep = await h.call(
      `query($id: ID!) { node(id: $id) { ... on Unit { ${parents(14)} } } }`,
      { id: globalId("Unit", h.units["TL-HPN"] ?? "") },
      h.tokens.systemAdmin,
    );
    expect(deep.data?.node ?? null).toBeNull();
    expect(deep.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", kind: "Depth" });
    expect(deep.errors?.[0]?.message).toMatch(/quá sâu/);
    // Refused while validating, before the session was even looked up.
    expect(h.statements()).toBe(0);
  });

  it("refuses a too costly query, and a mutation beside it does not run", async () => {
    const heavy = Array.from(
      { length: 8 },
      (_, i) =>
        `m${i}: models(first: 200) { edges { node { ownerUnit { ${parents(2)} } indicatorValues { value } evidence { title } commendations { form } statusHistory { to } } } }`,
    ).join("\n");
    await h.call("{ viewer { username } }", {}, h.tokens.systemAdmin); // the session is remembered from here on
    h.resetStatements();
    const costly = await h.call(`{ ${heavy} }`, {}, h.tokens.systemAdmin);
    expect(Object.values(costly.data ?? {}).every((v) => v === null)).toBe(true);
    expect(costly.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", kind: "Complexity" });
    expect(h.statements()).toBe(0);

    const before = await h.database.db.selectFrom("units").select("id").execute();
    const units = Array.from(
      { length: 40 },
      (_, i) =>
        `u${i}: createUnit(parentId: "${globalId("Unit", h.units.TL ?? "")}", code: "TOO-MANY-${i}", name: "x", level: "commune", kind: "party-cell") { __typename }`,
    ).join("\n");
    const mutation = await h.call(
      `mutation { ${units} x: renameUnit(id: "${globalId("Unit", h.units.TL ?? "")}", name: "y", expectedVersion: 1) { ... on MutationRenameUnitSuccess { data { unit { ${parents(12)} } } } } }`,
      {},
      h.tokens.systemAdmin,
    );
    expect(mutation.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(await h.database.db.selectFrom("units").select("id").execute()).toHaveLength(before.length);
  });

  const logins = (n: number) =>
    `mutation { ${Array.from({ length: n }, (_, i) => `a${i}: login(username: "x", password: "y") { __typename }`).join(" ")} }`;

  it("refuses 4,000 aliases of login while parsing, with one error and no database work", async () => {
    h.resetStatements();
    const result = await h.call(logins(4000));
    expect(result.errors).toHaveLength(1);
    // Each alias is a dozen tokens: the document is refused before its end is even read.
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", kind: "Tokens", limit: 5000 });
    expect(result.data ?? null).toBeNull();
    expect(h.statements()).toBe(0);
  });

  it("refuses 31 aliases before any resolver runs", async () => {
    h.resetStatements();
    const result = await h.call(logins(31));
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", kind: "Aliases", limit: 30 });
    expect(h.statements()).toBe(0);
  });

  it("counts each alias of a field against the cost, as the field it repeats", async () => {
    const page = "models(first: 200) { edges { node { code ownerUnit { name } } } }";
    const one = await h.call(`{ ${page} }`, {}, h.tokens.systemAdmin);
    expect(one.errors).toBeUndefined();
    const repeated = Array.from({ length: 20 }, (_, i) => `m${i}: ${page}`).join("\n");
    const many = await h.call(`{ ${repeated} }`, {}, h.tokens.systemAdmin);
    expect(many.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", kind: "Complexity" });
  });

  it("stops parsing a document past 5,000 tokens", async () => {
    h.resetStatements();
    const fields = Array.from({ length: 6000 }, () => "__typename").join(" ");
    const result = await h.call(`{ ${fields} }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", kind: "Tokens" });
    expect(h.statements()).toBe(0);
  });

  it("refuses more than 20 directives", async () => {
    const directives = Array.from({ length: 21 }, () => "@include(if: true)").join(" ");
    const result = await h.call(`{ __typename ${directives} }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", kind: "Directives" });
  });

  it("answers nodes(ids:) for 100 ids and refuses 101 with TOO_MANY_IDS", async () => {
    const ids = (n: number) => Array.from({ length: n }, () => globalId("Unit", h.units.TL ?? ""));
    const hundred = await h.call(
      "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
      { ids: ids(100) },
      h.tokens.systemAdmin,
    );
    expect(hundred.errors).toBeUndefined();
    expect(hundred.data.nodes).toHaveLength(100);
    h.resetStatements();
    const more = await h.call(
      "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
      { ids: ids(101) },
      h.tokens.systemAdmin,
    );
    expect(more.errors?.[0]?.extensions).toMatchObject({ code: "TOO_MANY_IDS", max: 100, got: 101 });
    // Not even the session check (remembered since the first call): no node was loaded.
    expect(h.statements()).toBe(0);
  });
});
