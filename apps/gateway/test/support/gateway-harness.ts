import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_PASSWORD } from "@lantoa/db";
import { createDemoTestDatabase, type TestDatabase, type TestEngine } from "@lantoa/db/testing";
import { createGatewayYoga, localFolderStorage } from "../../src/index.js";

export type GraphQLResponse = {
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
};

/** The demo accounts standing for each role of the authorization matrix. */
export const ROLE_USERS = {
  anonymous: null,
  viewer: "xem",
  reviewer: "giamkhao.3",
  officer: "phunu.canbo",
  unitAdmin: "thanhliem.admin",
  systemAdmin: "admin",
} as const;
export type Role = keyof typeof ROLE_USERS;
export const ROLES = Object.keys(ROLE_USERS) as Role[];

/** A relay global id, as the gateway encodes it. */
export function globalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`).toString("base64");
}

/** The gateway in-process on a freshly migrated demo database, with a statement counter. */
export interface GatewayHarness {
  readonly database: TestDatabase;
  /** Statements sent to the database since the last {@link GatewayHarness.resetStatements}. */
  statements(): number;
  resetStatements(): void;
  call(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse>;
  upload(
    operations: { query: string; variables: Record<string, unknown> },
    file: File,
    token?: string | null,
  ): Promise<GraphQLResponse>;
  /** A fresh session of the role's demo account (null for anonymous). */
  signIn(role: Role): Promise<string | null>;
  /** One session per role, opened once. */
  readonly tokens: Record<Role, string | null>;
  /** Unit ids by code. */
  readonly units: Record<string, string>;
  close(): Promise<void>;
}

export async function startGatewayHarness(
  engine: TestEngine,
  options: { responseCacheTtlMs?: number } = {},
): Promise<GatewayHarness> {
  const database = await createDemoTestDatabase(engine);
  let statements = 0;
  // Counts what really reaches the driver: every compiled query passes through here once.
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
    now: () => new Date("2023-09-01T08:00:00+07:00"),
    storage: localFolderStorage(mkdtempSync(join(tmpdir(), "lantoa-harness-"))),
    responseCacheTtlMs: options.responseCacheTtlMs ?? 0,
  });
  const auth = (token?: string | null): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
  const call: GatewayHarness["call"] = async (query, variables, token) => {
    const response = await yoga.fetch("http://test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...auth(token) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse;
  };
  const upload: GatewayHarness["upload"] = async (operations, file, token) => {
    const form = new FormData();
    form.set("operations", JSON.stringify(operations));
    form.set("map", JSON.stringify({ 0: ["variables.file"] }));
    form.set("0", file);
    const response = await yoga.fetch("http://test/graphql", {
      method: "POST",
      headers: { "x-graphql-csrf": "1", ...auth(token) },
      body: form,
    });
    return (await response.json()) as GraphQLResponse;
  };
  const signIn = async (role: Role): Promise<string | null> => {
    const username = ROLE_USERS[role];
    if (username === null) return null;
    const result = await call(
      `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { ... on MutationLoginSuccess { data { token } } } }`,
      { u: username, p: DEMO_PASSWORD },
    );
    const token = result.data?.login?.data?.token;
    if (typeof token !== "string") throw new Error(`${username} could not sign in: ${JSON.stringify(result)}`);
    return token;
  };
  const tokens = {} as Record<Role, string | null>;
  for (const role of ROLES) tokens[role] = await signIn(role);
  const units: Record<string, string> = {};
  for (const u of await database.db.selectFrom("units").select(["id", "code"]).execute()) units[u.code] = u.id;
  return {
    database,
    statements: () => statements,
    resetStatements: () => {
      statements = 0;
    },
    call,
    upload,
    signIn,
    tokens,
    units,
    close: () => database.close(),
  };
}
