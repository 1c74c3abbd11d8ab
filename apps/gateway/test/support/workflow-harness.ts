import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, DEMO_PASSWORD } from "@lantoa/db";
import { createDemoTestDatabase, type TestDatabase, type TestEngine } from "@lantoa/db/testing";
import { createGatewayYoga, localFolderStorage } from "../../src/index.js";

export type GraphQLResponse = { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };

/** A gateway on a freshly seeded database, driven in-process through `yoga.fetch`. */
export interface WorkflowHarness {
  readonly database: TestDatabase;
  call(query: string, variables?: Record<string, unknown>, as?: string): Promise<GraphQLResponse>;
  /** The global id of a record, as the API hands it out. */
  gid(type: string, id: string): string;
  /** The unit's global id by code. */
  unit(code: string): string;
  /** The uuid of a model by code. */
  modelId(code: string): Promise<string>;
  /** How many SQL statements the gateway ran since the harness started. */
  statements(): number;
  /** Every row of a table, in a stable order, to compare before and after a refused write. */
  /**
   * A table's rows as sorted JSON, to compare before and after a refusal; the audit
   * log's records of refused requests are left out (a refusal is meant to leave one).
   */
  rows(table: keyof Database): Promise<unknown[]>;
}

/** The request clock every suite runs at. */
export const AT = new Date("2023-09-01T08:00:00+07:00");

const USERS = ["admin", "tinhuy.admin", "thanhliem.admin", "phunu.canbo", "thanhha.canbo", "xem"];

/** Starts the gateway on a new seeded database of `engine` and signs the demo users in. */
export async function startWorkflowHarness(engine: TestEngine): Promise<WorkflowHarness> {
  const database = await createDemoTestDatabase(engine);
  let statements = 0;
  const counted = database.db.withPlugin({
    transformQuery: (args) => {
      statements++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  });
  const yoga = createGatewayYoga({
    db: counted,
    graphiql: false,
    now: () => AT,
    storage: localFolderStorage(mkdtempSync(join(tmpdir(), "lantoa-workflows-"))),
  });
  const tokens: Record<string, string> = {};
  const call = async (query: string, variables?: Record<string, unknown>, as?: string) => {
    const token = as === undefined ? undefined : tokens[as];
    const response = await yoga.fetch("http://test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse;
  };
  for (const username of USERS) {
    const result = await call(
      `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { ... on MutationLoginSuccess { data { token } } } }`,
      { u: username, p: DEMO_PASSWORD },
    );
    tokens[username] = result.data.login.data.token;
  }
  const units = new Map(
    (await database.db.selectFrom("units").select(["id", "code"]).execute()).map((u) => [u.code, u.id]),
  );
  const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
  return {
    database,
    call,
    gid,
    statements: () => statements,
    unit: (code) => {
      const id = units.get(code);
      if (!id) throw new Error(`no unit ${code}`);
      return gid("Unit", id);
    },
    modelId: async (code) =>
      (await database.db.selectFrom("models").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id,
    rows: async (table) => {
      const rows = (await database.db.selectFrom(table).selectAll().execute()).filter(
        (r) => !(table === "audit_log" && (r as { action: string }).action.endsWith(".refused")),
      );
      return rows.map((r) => JSON.stringify(r)).sort();
    },
  };
}
