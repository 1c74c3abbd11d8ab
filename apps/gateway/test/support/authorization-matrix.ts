import { DEMO_PASSWORD, DEMO_ROUND_CODE } from "@lantoa/db";
import type { GatewayHarness, GraphQLResponse, Role } from "./gateway-harness.js";
import { globalId, ROLE_USERS } from "./gateway-harness.js";

/**
 * Each role's own scope (home) and a unit outside it (away), by unit code. Away is a
 * sibling where one exists, so a check on "any unit of the district" would show.
 */
export const ROLE_TARGETS: Record<Role, { home: string; away: string }> = {
  anonymous: { home: "TL", away: "PHULY" },
  viewer: { home: "TL", away: "PHULY" },
  reviewer: { home: "TL-UBND", away: "TL-HPN" },
  officer: { home: "TL-HPN", away: "TL-THANHHA-UBND" },
  unitAdmin: { home: "TL", away: "PHULY" },
  systemAdmin: { home: "TL", away: "PHULY" },
};

/** What an operation is run against: a unit, and helpers that make fresh things in it. */
export interface MatrixTarget {
  readonly unitId: string;
  readonly unitGid: string;
  /** A fresh draft model owned by the unit (made by the system admin). */
  freshModel(): Promise<{ gid: string; version: number }>;
  /** A fresh unit under the unit (made by the system admin). */
  freshUnit(): Promise<{ gid: string; version: number }>;
  /** A code no unit or model uses yet. */
  uniqueCode(prefix: string): string;
}

export interface MatrixRow {
  readonly kind: "read" | "write";
  /**
   * Expected outcome per role, in {@link MATRIX_ROLES} order, two characters each:
   * inside then outside the role's subtree; `+` allowed, `-` denied.
   */
  readonly expect: string;
  run(h: GatewayHarness, target: MatrixTarget, token: string | null, role: Role): Promise<GraphQLResponse>;
}

/** The order of {@link MatrixRow.expect}: anonymous, viewer, reviewer, officer, unit admin, system admin. */
export const MATRIX_ROLES: readonly Role[] = ["anonymous", "viewer", "reviewer", "officer", "unitAdmin", "systemAdmin"];

const PUBLIC = "++ ++ ++ ++ ++ ++";
const SCOPED_READ = "-- +- +- +- +- ++";
const SIGNED_IN = "-- ++ ++ ++ ++ ++";
const ADMINISTERS = "-- -- -- -- +- ++";
const WORKS_FOR = "-- -- -- +- +- ++";

const read = (
  expect: string,
  query: string,
  vars: (t: MatrixTarget) => Promise<Record<string, unknown>> | Record<string, unknown> = () => ({}),
): MatrixRow => ({
  kind: "read",
  expect,
  run: async (h, t, token) => h.call(query, await vars(t), token),
});
const write = (
  expect: string,
  query: string,
  vars: (t: MatrixTarget) => Promise<Record<string, unknown>> | Record<string, unknown>,
): MatrixRow => ({
  kind: "write",
  expect,
  run: async (h, t, token) => h.call(query, await vars(t), token),
});

/**
 * One row per query field and mutation of the schema; the matrix test fails when the
 * schema has an operation without a row here, so new operations must declare who may
 * use them. Add a row when you add an operation.
 */
export const AUTHORIZATION_MATRIX: Record<string, MatrixRow> = {
  // — queries —
  viewer: read(SIGNED_IN, `{ viewer { username } }`),
  units: read(PUBLIC, `query($u: ID!) { units(first: 5, filter: { withinUnitId: $u }) { totalCount } }`, (t) => ({
    u: t.unitGid,
  })),
  node: read(SCOPED_READ, `query($id: ID!) { node(id: $id) { id ... on Model { name } } }`, async (t) => ({
    id: (await t.freshModel()).gid,
  })),
  nodes: read(SCOPED_READ, `query($id: ID!) { nodes(ids: [$id]) { id ... on Model { name } } }`, async (t) => ({
    id: (await t.freshModel()).gid,
  })),
  models: read(
    SCOPED_READ,
    `query($u: ID!) { models(first: 5, filter: { withinUnitId: $u }) { totalCount edges { node { name } } } }`,
    (t) => ({ u: t.unitGid }),
  ),
  modelCounts: read(
    SCOPED_READ,
    `query($u: ID!) { modelCounts(by: STATUS, filter: { withinUnitId: $u }) { key count } }`,
    (t) => ({ u: t.unitGid }),
  ),
  indicatorTotals: read(
    SCOPED_READ,
    `query($u: ID!) { indicatorTotals(groupBy: TOTAL, filter: { withinUnitId: $u }) { indicatorCode value } }`,
    (t) => ({ u: t.unitGid }),
  ),
  goldenBookCounts: read(
    SCOPED_READ,
    `query($u: ID!) { goldenBookCounts(by: YEAR, filter: { withinUnitId: $u }) { key count } }`,
    (t) => ({ u: t.unitGid }),
  ),
  replicationSpread: read(
    SCOPED_READ,
    `query($u: ID!) { replicationSpread(filter: { withinUnitId: $u }) { originName } }`,
    (t) => ({ u: t.unitGid }),
  ),
  goldenBook: read(SCOPED_READ, `query($u: ID!) { goldenBook(withinUnitId: $u) { deed } }`, (t) => ({ u: t.unitGid })),
  leaderboard: read(PUBLIC, `{ leaderboard(roundCode: "${DEMO_ROUND_CODE}", limit: 3) { rank } }`),
  publishedRounds: read(PUBLIC, `{ publishedRounds { code } }`),
  criteriaSetVersions: read(PUBLIC, `{ criteriaSetVersions { setCode } }`),
  // — mutations —
  login: {
    kind: "write",
    expect: PUBLIC,
    run: (h, _t, _token, role) =>
      h.call(
        `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on Error { code } } }`,
        {
          u: ROLE_USERS[role] ?? "xem",
          p: DEMO_PASSWORD,
        },
      ),
  },
  logout: {
    kind: "write",
    expect: SIGNED_IN,
    // A session of its own, so the matrix's sessions stay open.
    run: async (h, _t, _token, role) => h.call(`mutation { logout }`, {}, await h.signIn(role)),
  },
  createUnit: write(
    ADMINISTERS,
    `mutation($p: ID!, $c: String!) { createUnit(parentId: $p, code: $c, name: "Chi bộ mới", level: "commune", kind: "party-cell") { __typename ... on Error { code } } }`,
    (t) => ({ p: t.unitGid, c: t.uniqueCode("U") }),
  ),
  renameUnit: write(
    ADMINISTERS,
    `mutation($id: ID!, $v: Int!) { renameUnit(id: $id, name: "Tên mới", expectedVersion: $v) { __typename ... on Error { code } } }`,
    async (t) => {
      const unit = await t.freshUnit();
      return { id: unit.gid, v: unit.version };
    },
  ),
  moveUnit: write(
    ADMINISTERS,
    `mutation($id: ID!, $to: ID!, $v: Int!) { moveUnit(id: $id, newParentId: $to, expectedVersion: $v) { __typename ... on Error { code } } }`,
    async (t) => {
      const [unit, parent] = [await t.freshUnit(), await t.freshUnit()];
      return { id: unit.gid, to: parent.gid, v: unit.version };
    },
  ),
  createModel: write(
    WORKS_FOR,
    `mutation($i: CreateModelInput!, $k: String!) { createModel(input: $i, idempotencyKey: $k) { __typename ... on Error { code } } }`,
    (t) => ({ i: modelInput(t.uniqueCode("M"), t.unitGid), k: t.uniqueCode("key-") }),
  ),
  transitionModel: write(
    WORKS_FOR,
    `mutation($id: ID!, $v: Int!) { transitionModel(id: $id, action: submit, expectedVersion: $v) { __typename ... on Error { code } } }`,
    async (t) => {
      const model = await t.freshModel();
      return { id: model.gid, v: model.version };
    },
  ),
  addEvidence: {
    kind: "write",
    expect: WORKS_FOR,
    run: async (h, t, token) => {
      const model = await t.freshModel();
      const query = `mutation($m: ID!, $file: File!, $v: Int!) { addEvidence(modelId: $m, title: "Biên bản", file: $file, expectedVersion: $v) { __typename ... on Error { code } } }`;
      const pdf = new File([new Uint8Array(64).fill(37)], "bien-ban.pdf", { type: "application/pdf" });
      return h.upload({ query, variables: { m: model.gid, file: null, v: model.version } }, pdf, token);
    },
  },
};

/** A valid draft model's input for a unit. */
export function modelInput(code: string, ownerUnitGid: string) {
  return {
    code,
    name: "Mô hình thử quyền",
    ownerUnitId: ownerUnitGid,
    fields: ["social-welfare"],
    problem: "Vấn đề",
    solution: "Giải pháp",
    startDate: "2023-08-01",
  };
}

/** A target for one unit, making fresh models and units as the system admin. */
export function matrixTarget(h: GatewayHarness, unitCode: string, next: () => number): MatrixTarget {
  const unitId = h.units[unitCode];
  if (!unitId) throw new Error(`No demo unit ${unitCode}`);
  const unitGid = globalId("Unit", unitId);
  const uniqueCode = (prefix: string) => `${prefix}${unitCode}-${next()}`.slice(0, 64);
  return {
    unitId,
    unitGid,
    uniqueCode,
    freshModel: async () => {
      const made = await h.call(
        `mutation($i: CreateModelInput!, $k: String!) { createModel(input: $i, idempotencyKey: $k) { ... on MutationCreateModelSuccess { data { model { id version } } } ... on Error { code } } }`,
        { i: modelInput(uniqueCode("FM"), unitGid), k: uniqueCode("fresh-model-") },
        h.tokens.systemAdmin,
      );
      const model = made.data?.createModel?.data?.model;
      if (!model) throw new Error(`Could not make a model in ${unitCode}: ${JSON.stringify(made)}`);
      return { gid: model.id, version: model.version };
    },
    freshUnit: async () => {
      const made = await h.call(
        `mutation($p: ID!, $c: String!) { createUnit(parentId: $p, code: $c, name: "Đơn vị thử", level: "commune", kind: "party-cell") { ... on MutationCreateUnitSuccess { data { unit { id version } } } ... on Error { code } } }`,
        { p: unitGid, c: uniqueCode("FU") },
        h.tokens.systemAdmin,
      );
      const unit = made.data?.createUnit?.data?.unit;
      if (!unit) throw new Error(`Could not make a unit under ${unitCode}: ${JSON.stringify(made)}`);
      return { gid: unit.id, version: unit.version };
    },
  };
}
