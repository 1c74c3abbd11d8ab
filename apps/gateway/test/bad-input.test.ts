import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../src/schema/index.js";
import { modelInput } from "./support/authorization-matrix.js";
import { snapshotDatabase } from "./support/database-snapshot.js";
import { type GatewayHarness, type GraphQLResponse, globalId, startGatewayHarness } from "./support/gateway-harness.js";

/** Things made once per engine that bad input aims at. */
interface Fixtures {
  /** A draft model of TL-HPN at version 2 (submitted once), so version 1 is stale. */
  model: { id: string; gid: string; version: number };
  /** A unit under TL at version 2 (renamed once), and a sibling to move it under. */
  unit: { id: string; gid: string; version: number };
  sibling: { gid: string };
  /** The idempotency key and input of a model already created. */
  replay: { key: string; input: ReturnType<typeof modelInput> };
  unitGid(code: string): string;
}

interface BadCase {
  readonly name: string;
  readonly query: string;
  variables(f: Fixtures): Record<string, unknown>;
  /** Defaults to the system admin, who may do anything: only the input is wrong. */
  readonly token?: (h: GatewayHarness) => string | null;
  /** Sent as a multipart upload with this file as `variables.file`. */
  readonly file?: File;
}

const long = (n: number) => "ầ".repeat(n);
/** Forged ids for a field expecting `type`: wrong prefix, garbage, another type's id, unknown, not a uuid. */
function forgedIds(type: string, f: Fixtures): Record<string, string> {
  const other = type === "Unit" ? f.model.id : f.unit.id;
  return {
    "a wrong type prefix": globalId(type === "Unit" ? "Model" : "Unit", type === "Unit" ? f.unit.id : f.model.id),
    "garbage base64": "!!notbase64%%",
    "another type's id": globalId(type, other),
    "an unknown uuid": globalId(type, randomUUID()),
    "not a uuid": globalId(type, "1 OR 1=1"),
  };
}

const FORGERIES = ["a wrong type prefix", "garbage base64", "another type's id", "an unknown uuid", "not a uuid"];
/** One case per forgery of an id argument of `type`. */
function forged(
  type: "Model" | "Unit",
  query: string,
  variables: (f: Fixtures, id: string) => Record<string, unknown>,
  file?: File,
): BadCase[] {
  return FORGERIES.map((forgery) => ({
    name: `a forged ${type} id (${forgery})`,
    query,
    file,
    variables: (f) => variables(f, forgedIds(type, f)[forgery] ?? ""),
  }));
}

const CREATE_MODEL = `mutation($i: CreateModelInput!, $k: String!) { createModel(input: $i, idempotencyKey: $k) { __typename ... on Error { code } } }`;
const TRANSITION = `mutation($id: ID!, $a: ModelAction!, $v: Int!, $r: String) { transitionModel(id: $id, action: $a, expectedVersion: $v, reason: $r) { __typename ... on Error { code } } }`;
const CREATE_UNIT = `mutation($p: ID!, $c: String!, $n: String!, $l: String!, $k: String!) { createUnit(parentId: $p, code: $c, name: $n, level: $l, kind: $k) { __typename ... on Error { code } } }`;
const RENAME_UNIT = `mutation($id: ID!, $n: String!, $v: Int!) { renameUnit(id: $id, name: $n, expectedVersion: $v) { __typename ... on Error { code } } }`;
const MOVE_UNIT = `mutation($id: ID!, $to: ID!, $v: Int!) { moveUnit(id: $id, newParentId: $to, expectedVersion: $v) { __typename ... on Error { code } } }`;
const ADD_EVIDENCE = `mutation($m: ID!, $t: String!, $file: File!, $v: Int!) { addEvidence(modelId: $m, title: $t, file: $file, expectedVersion: $v) { __typename ... on Error { code } } }`;
const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on Error { code } } }`;

const pdf = new File([new Uint8Array(64).fill(37)], "bien-ban.pdf", { type: "application/pdf" });
const validModel = (f: Fixtures) => modelInput(`BAD-${randomUUID().slice(0, 8)}`, f.unitGid("TL-HPN"));
const newKey = () => `bad-input-${randomUUID()}`;

/**
 * Bad input for every mutation, by mutation: the test fails when the schema has a
 * mutation without a row here. Each case must get a typed error and write nothing.
 */
const BAD_INPUT: Record<string, BadCase[]> = {
  login: [
    { name: "a wrong password", query: LOGIN, variables: () => ({ u: "admin", p: "nope" }) },
    { name: "an oversized username", query: LOGIN, variables: () => ({ u: long(101), p: DEMO_PASSWORD }) },
    { name: "an oversized password", query: LOGIN, variables: () => ({ u: "admin", p: long(201) }) },
    { name: "a number for the username", query: LOGIN, variables: () => ({ u: 42, p: DEMO_PASSWORD }) },
  ],
  logout: [
    { name: "an unknown token", query: `mutation { logout }`, variables: () => ({}), token: () => "x".repeat(43) },
    { name: "a malformed token", query: `mutation { logout }`, variables: () => ({}), token: () => "a b;c" },
  ],
  createModel: [
    ...forged("Unit", CREATE_MODEL, (f, id) => ({ i: { ...validModel(f), ownerUnitId: id }, k: newKey() })),
    {
      name: "a number for a string",
      query: CREATE_MODEL,
      variables: (f) => ({ i: { ...validModel(f), startDate: 20230801 }, k: newKey() }),
    },
    {
      name: "an oversized name",
      query: CREATE_MODEL,
      variables: (f) => ({ i: { ...validModel(f), name: long(501) }, k: newKey() }),
    },
    {
      name: "an oversized problem",
      query: CREATE_MODEL,
      variables: (f) => ({ i: { ...validModel(f), problem: long(5001) }, k: newKey() }),
    },
    {
      name: "an oversized field code",
      query: CREATE_MODEL,
      variables: (f) => ({ i: { ...validModel(f), fields: [long(65)] }, k: newKey() }),
    },
    { name: "no field", query: CREATE_MODEL, variables: (f) => ({ i: { ...validModel(f), fields: [] }, k: newKey() }) },
    {
      name: "an impossible date",
      query: CREATE_MODEL,
      variables: (f) => ({ i: { ...validModel(f), startDate: "2023-13-45" }, k: newKey() }),
    },
    {
      name: "a code with spaces",
      query: CREATE_MODEL,
      variables: (f) => ({ i: { ...validModel(f), code: "A B; DROP" }, k: newKey() }),
    },
    {
      name: "an unknown input field",
      query: CREATE_MODEL,
      variables: (f) => ({ i: { ...validModel(f), status: "approved" }, k: newKey() }),
    },
    { name: "a too short idempotency key", query: CREATE_MODEL, variables: (f) => ({ i: validModel(f), k: "k" }) },
    {
      name: "an oversized idempotency key",
      query: CREATE_MODEL,
      variables: (f) => ({ i: validModel(f), k: long(101) }),
    },
    {
      name: "a replayed idempotency key with other input",
      query: CREATE_MODEL,
      variables: (f) => ({ i: { ...f.replay.input, name: "Khác" }, k: f.replay.key }),
    },
    {
      name: "a duplicate code",
      query: CREATE_MODEL,
      variables: (f) => ({ i: { ...validModel(f), code: f.replay.input.code }, k: newKey() }),
    },
  ],
  transitionModel: [
    ...forged("Model", TRANSITION, (f, id) => ({ id, a: "approve", v: f.model.version })),
    {
      name: "an invalid enum value",
      query: TRANSITION,
      variables: (f) => ({ id: f.model.gid, a: "explode", v: f.model.version }),
    },
    {
      name: "a number for the action",
      query: TRANSITION,
      variables: (f) => ({ id: f.model.gid, a: 3, v: f.model.version }),
    },
    {
      name: "a string for the version",
      query: TRANSITION,
      variables: (f) => ({ id: f.model.gid, a: "approve", v: "two" }),
    },
    { name: "expectedVersion 0", query: TRANSITION, variables: (f) => ({ id: f.model.gid, a: "approve", v: 0 }) },
    { name: "a negative version", query: TRANSITION, variables: (f) => ({ id: f.model.gid, a: "approve", v: -1 }) },
    {
      name: "a stale version",
      query: TRANSITION,
      variables: (f) => ({ id: f.model.gid, a: "approve", v: f.model.version - 1 }),
    },
    {
      name: "a version from the future",
      query: TRANSITION,
      variables: (f) => ({ id: f.model.gid, a: "approve", v: f.model.version + 5 }),
    },
    {
      name: "an oversized reason",
      query: TRANSITION,
      variables: (f) => ({ id: f.model.gid, a: "return", v: f.model.version, r: long(2001) }),
    },
    {
      name: "an action the status refuses",
      query: TRANSITION,
      variables: (f) => ({ id: f.model.gid, a: "reinstate", v: f.model.version }),
    },
  ],
  createUnit: [
    ...forged("Unit", CREATE_UNIT, (_f, id) => ({
      p: id,
      c: `BAD-P-${randomUUID().slice(0, 6)}`,
      n: "Đơn vị",
      l: "commune",
      k: "party-cell",
    })),
    {
      name: "a code with spaces",
      query: CREATE_UNIT,
      variables: (f) => ({ p: f.unitGid("TL"), c: "A B", n: "Đơn vị", l: "commune", k: "party-cell" }),
    },
    {
      name: "an oversized name",
      query: CREATE_UNIT,
      variables: (f) => ({ p: f.unitGid("TL"), c: "BAD-U1", n: long(301), l: "commune", k: "party-cell" }),
    },
    {
      name: "a blank name",
      query: CREATE_UNIT,
      variables: (f) => ({ p: f.unitGid("TL"), c: "BAD-U2", n: "   ", l: "commune", k: "party-cell" }),
    },
    {
      name: "an unknown level",
      query: CREATE_UNIT,
      variables: (f) => ({ p: f.unitGid("TL"), c: "BAD-U3", n: "Đơn vị", l: "galaxy", k: "party-cell" }),
    },
    {
      name: "an oversized kind",
      query: CREATE_UNIT,
      variables: (f) => ({ p: f.unitGid("TL"), c: "BAD-U4", n: "Đơn vị", l: "commune", k: long(65) }),
    },
    {
      name: "a code already used",
      query: CREATE_UNIT,
      variables: (f) => ({ p: f.unitGid("TL"), c: "TL-HPN", n: "Đơn vị", l: "commune", k: "party-cell" }),
    },
  ],
  renameUnit: [
    ...forged("Unit", RENAME_UNIT, (f, id) => ({ id, n: "Tên", v: f.unit.version })),
    {
      name: "an oversized name",
      query: RENAME_UNIT,
      variables: (f) => ({ id: f.unit.gid, n: long(301), v: f.unit.version }),
    },
    { name: "a blank name", query: RENAME_UNIT, variables: (f) => ({ id: f.unit.gid, n: " ", v: f.unit.version }) },
    { name: "expectedVersion 0", query: RENAME_UNIT, variables: (f) => ({ id: f.unit.gid, n: "Tên", v: 0 }) },
    {
      name: "a stale version",
      query: RENAME_UNIT,
      variables: (f) => ({ id: f.unit.gid, n: "Tên", v: f.unit.version - 1 }),
    },
    { name: "a float version", query: RENAME_UNIT, variables: (f) => ({ id: f.unit.gid, n: "Tên", v: 1.5 }) },
  ],
  moveUnit: [
    ...forged("Unit", MOVE_UNIT, (f, id) => ({ id, to: f.sibling.gid, v: f.unit.version })),
    ...forged("Unit", MOVE_UNIT, (f, id) => ({ id: f.unit.gid, to: id, v: f.unit.version })),
    { name: "expectedVersion 0", query: MOVE_UNIT, variables: (f) => ({ id: f.unit.gid, to: f.sibling.gid, v: 0 }) },
    {
      name: "a stale version",
      query: MOVE_UNIT,
      variables: (f) => ({ id: f.unit.gid, to: f.sibling.gid, v: f.unit.version - 1 }),
    },
    {
      name: "a move under itself",
      query: MOVE_UNIT,
      variables: (f) => ({ id: f.unit.gid, to: f.unit.gid, v: f.unit.version }),
    },
    {
      name: "a move under its own child",
      query: MOVE_UNIT,
      variables: (f) => ({ id: f.unitGid("TL"), to: f.unitGid("TL-HPN"), v: 1 }),
    },
  ],
  addEvidence: [
    ...forged("Model", ADD_EVIDENCE, (f, id) => ({ m: id, t: "Biên bản", file: null, v: f.model.version }), pdf),
    {
      name: "an oversized title",
      query: ADD_EVIDENCE,
      file: pdf,
      variables: (f) => ({ m: f.model.gid, t: long(301), file: null, v: f.model.version }),
    },
    {
      name: "expectedVersion 0",
      query: ADD_EVIDENCE,
      file: pdf,
      variables: (f) => ({ m: f.model.gid, t: "Biên bản", file: null, v: 0 }),
    },
    {
      name: "a stale version",
      query: ADD_EVIDENCE,
      file: pdf,
      variables: (f) => ({ m: f.model.gid, t: "Biên bản", file: null, v: f.model.version - 1 }),
    },
    {
      name: "a file type not accepted",
      query: ADD_EVIDENCE,
      file: new File([new Uint8Array(8)], "x.exe", { type: "application/x-msdownload" }),
      variables: (f) => ({ m: f.model.gid, t: "Biên bản", file: null, v: f.model.version }),
    },
    {
      name: "a string instead of a file",
      query: ADD_EVIDENCE,
      variables: (f) => ({ m: f.model.gid, t: "Biên bản", file: "not a file", v: f.model.version }),
    },
  ],
};

const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();

describe("the bad-input table", () => {
  it("has cases for every mutation of the schema", () => {
    expect(Object.keys(BAD_INPUT).sort()).toEqual(mutations);
  });
});

/** A typed refusal: a DomainError member, or GraphQL errors that each carry a known code (never a masked crash). */
function refusal(field: string, response: GraphQLResponse): string | null {
  const value = response.data?.[field];
  if (value && value.__typename === "DomainError") return value.code;
  if (value) return null;
  const codes = (response.errors ?? []).map((e) => e.extensions?.code ?? "NONE");
  if (codes.length === 0 || codes.some((c) => c === "NONE" || c === "INTERNAL_SERVER_ERROR")) return null;
  return codes.join(",");
}

describe.each(testEngines())("bad input on %s", (engine) => {
  let h: GatewayHarness;
  const fixtures = {} as Fixtures;
  beforeAll(async () => {
    h = await startGatewayHarness(engine);
    const admin = h.tokens.systemAdmin;
    fixtures.unitGid = (code) => globalId("Unit", h.units[code] ?? "missing");
    const replayInput = modelInput("BAD-REPLAYED", fixtures.unitGid("TL-HPN"));
    fixtures.replay = { key: "bad-input-replayed-key", input: replayInput };
    const made = await h.call(
      `mutation($i: CreateModelInput!, $k: String!) { createModel(input: $i, idempotencyKey: $k) { ... on MutationCreateModelSuccess { data { model { id } } } } }`,
      { i: replayInput, k: fixtures.replay.key },
      admin,
    );
    const modelGid: string = made.data.createModel.data.model.id;
    const submitted = await h.call(TRANSITION, { id: modelGid, a: "submit", v: 1 }, admin);
    expect(submitted.data.transitionModel.__typename).toBe("MutationTransitionModelSuccess");
    const modelId = Buffer.from(modelGid, "base64").toString().split(":")[1] ?? "";
    fixtures.model = { id: modelId, gid: modelGid, version: 2 };
    const unitMade = async (code: string) => {
      const r = await h.call(
        `mutation($c: String!, $p: ID!) { createUnit(parentId: $p, code: $c, name: "Đơn vị thử", level: "commune", kind: "party-cell") { ... on MutationCreateUnitSuccess { data { unit { id } } } } }`,
        { c: code, p: fixtures.unitGid("TL") },
        admin,
      );
      return r.data.createUnit.data.unit.id as string;
    };
    const unitGid = await unitMade("BAD-UNIT");
    fixtures.sibling = { gid: await unitMade("BAD-SIBLING") };
    await h.call(RENAME_UNIT, { id: unitGid, n: "Đơn vị thử đổi tên", v: 1 }, admin);
    fixtures.unit = { id: Buffer.from(unitGid, "base64").toString().split(":")[1] ?? "", gid: unitGid, version: 2 };
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each(mutations)("%s: every bad input gets a typed error and leaves every table as it was", async (field) => {
    const problems: string[] = [];
    for (const bad of BAD_INPUT[field] ?? []) {
      const before = await snapshotDatabase(h.database.db);
      const variables = bad.variables(fixtures);
      const token = bad.token ? bad.token(h) : h.tokens.systemAdmin;
      const response = bad.file
        ? await h.upload({ query: bad.query, variables }, bad.file, token)
        : await h.call(bad.query, variables, token);
      const after = await snapshotDatabase(h.database.db);
      if (refusal(field, response) === null)
        problems.push(`${bad.name}: not a typed error: ${JSON.stringify(response).slice(0, 300)}`);
      const changed = Object.keys(after).filter((t) => JSON.stringify(after[t]) !== JSON.stringify(before[t]));
      if (changed.length > 0) problems.push(`${bad.name}: changed ${changed.join(", ")}`);
    }
    expect(problems).toEqual([]);
  });
});
