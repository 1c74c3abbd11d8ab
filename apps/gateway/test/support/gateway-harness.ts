import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SessionChanges } from "@lantoa/app";
import { type Database, DEMO_PASSWORD, type LoginLimits } from "@lantoa/db";
import { createDemoTestDatabase, type TestDatabase, type TestEngine } from "@lantoa/db/testing";
import type { Kysely } from "kysely";
import {
  type ClusterBus,
  createGatewayYoga,
  type EvidenceLinks,
  type EvidenceStorage,
  localFolderStorage,
  type ReadRouter,
} from "../../src/index.js";

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
  /** Where the harness keeps uploaded evidence files. */
  readonly storage: EvidenceStorage;
  /** Statements sent to the database since the last {@link GatewayHarness.resetStatements}. */
  statements(): number;
  resetStatements(): void;
  call(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse>;
  /**
   * A raw request to `/graphql`, for what `call` does not vary (headers, bodies); `from`
   * is the caller's network address, as the HTTP server would pass it.
   */
  fetch(init: RequestInit, from?: string): Promise<Response>;
  upload(
    operations: { query: string; variables: Record<string, unknown> },
    file: File,
    token?: string | null,
  ): Promise<GraphQLResponse>;
  /** Opens a subscription over SSE: its events one by one, until closed. */
  subscribe(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<EventStream>;
  /** Opens a subscription over SSE and returns its first event, then closes it. */
  subscribeFirst(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse>;
  /** A fresh session of the role's demo account (null for anonymous). */
  signIn(role: Role): Promise<string | null>;
  /** A session of any demo account, opened on first use. */
  signInAs(username: string): Promise<string>;
  /** One session per role, opened once. */
  readonly tokens: Record<Role, string | null>;
  /** Unit ids by code. */
  readonly units: Record<string, string>;
  close(): Promise<void>;
}

/** A subscription's events as they come over SSE. */
export interface EventStream {
  /** The next event, or null when the stream ended or none came within `waitMs` (10 s unless said otherwise). */
  next(waitMs?: number): Promise<GraphQLResponse | null>;
  /** Whether the server has closed the stream. */
  ended(): boolean;
  close(): Promise<void>;
}

export async function startGatewayHarness(
  engine: TestEngine,
  options: {
    responseCacheTtlMs?: number;
    loginLimits?: LoginLimits;
    /** Shared with another app in the test, whose use cases then reach the gateway's session cache. */
    sessionChanges?: SessionChanges;
    /** Where the gateway's app queues notification e-mails (none: e-mail off). */
    emailQueue?: (database: TestDatabase) => EmailQueue;
    /** Read replicas for the gateway's reports, given the test database and the (counted) primary; closed first. */
    readRouter?: (database: TestDatabase, primary: Kysely<Database>) => Promise<ReadRouter>;
    /** A database shared with another harness (two gateways on one database); its owner closes it. */
    database?: TestDatabase;
    /** The gateway's cluster bus (a new in-process one unless given); closed with the harness. */
    bus?: (database: TestDatabase) => Promise<ClusterBus>;
    /** How long a validated session is remembered (the gateway's default unless given). */
    sessionCacheTtlMs?: number;
    /** False: every read through the executor (see createGatewayYoga's compiledReads). */
    compiledReads?: boolean;
    /** How evidence addresses are signed (a random key unless given; two gateways compared share one). */
    evidenceLinks?: EvidenceLinks;
  } = {},
): Promise<GatewayHarness> {
  const database = options.database ?? (await createDemoTestDatabase(engine));
  const bus = options.bus ? await options.bus(database) : undefined;
  let statements = 0;
  // Counts what really reached the database: each executed statement's result passes here
  // once (queries compiled into another, as the gateway's read batch does, are not sent alone).
  const counted = database.db.withPlugin({
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      statements++;
      return args.result;
    },
  });
  const storage = localFolderStorage(mkdtempSync(join(tmpdir(), "lantoa-harness-")));
  const readRouter = options.readRouter ? await options.readRouter(database, counted) : undefined;
  const yoga = createGatewayYoga({
    db: counted,
    graphiql: false,
    now: () => new Date("2023-09-01T08:00:00+07:00"),
    storage,
    responseCacheTtlMs: options.responseCacheTtlMs ?? 0,
    ...(options.compiledReads === undefined ? {} : { compiledReads: options.compiledReads }),
    ...(options.evidenceLinks ? { evidenceLinks: options.evidenceLinks } : {}),
    ...(options.loginLimits ? { loginLimits: options.loginLimits } : {}),
    ...(options.sessionChanges ? { sessionChanges: options.sessionChanges } : {}),
    ...(options.emailQueue ? { emailQueue: options.emailQueue(database) } : {}),
    ...(readRouter ? { readRouter } : {}),
    ...(bus ? { bus } : {}),
    ...(options.sessionCacheTtlMs === undefined ? {} : { sessionCacheTtlMs: options.sessionCacheTtlMs }),
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
  const subscribe: GatewayHarness["subscribe"] = async (query, variables, token) => {
    const response = await yoga.fetch("http://test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", ...auth(token) },
      body: JSON.stringify({ query, variables }),
    });
    return eventStream(response);
  };
  const subscribeFirst: GatewayHarness["subscribeFirst"] = async (query, variables, token) => {
    const response = await yoga.fetch("http://test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", ...auth(token) },
      body: JSON.stringify({ query, variables }),
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = "";
    try {
      for (;;) {
        const event = text.split("\n").find((line) => line.startsWith("data: "));
        if (event) return JSON.parse(event.slice(6)) as GraphQLResponse;
        const chunk = await reader.read();
        if (chunk.done) return { errors: [{ message: `The stream ended without an event: ${text}` }] };
        text += decoder.decode(chunk.value, { stream: true });
      }
    } finally {
      await reader.cancel();
    }
  };
  const login = async (username: string): Promise<string> => {
    const result = await call(
      `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { ... on MutationLoginSuccess { data { token } } } }`,
      { u: username, p: DEMO_PASSWORD },
    );
    const token = result.data?.login?.data?.token;
    if (typeof token !== "string") throw new Error(`${username} could not sign in: ${JSON.stringify(result)}`);
    return token;
  };
  const signIn = async (role: Role): Promise<string | null> => {
    const username = ROLE_USERS[role];
    return username === null ? null : login(username);
  };
  const sessions = new Map<string, Promise<string>>();
  const signInAs = (username: string): Promise<string> => {
    if (!sessions.has(username)) sessions.set(username, login(username));
    return sessions.get(username) as Promise<string>;
  };
  const tokens = {} as Record<Role, string | null>;
  for (const role of ROLES) tokens[role] = await signIn(role);
  const units: Record<string, string> = {};
  for (const u of await database.db.selectFrom("units").select(["id", "code"]).execute()) units[u.code] = u.id;
  return {
    database,
    storage,
    statements: () => statements,
    resetStatements: () => {
      statements = 0;
    },
    call,
    fetch: (init, from) =>
      Promise.resolve(
        yoga.fetch("http://test/graphql", init, from === undefined ? {} : { req: { socket: { remoteAddress: from } } }),
      ),
    upload,
    subscribe,
    subscribeFirst,
    signIn,
    signInAs,
    tokens,
    units,
    close: async () => {
      await readRouter?.close();
      await bus?.close();
      if (!options.database) await database.close();
    },
  };
}

/** A subscription's server-sent events read one by one from a response to `/graphql` (`accept: text/event-stream`). */
export function eventStream(response: Response): EventStream {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = "";
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  let ended = false;
  return {
    ended: () => ended,
    async next(waitMs = 10_000) {
      const deadline = Date.now() + waitMs;
      for (;;) {
        const lines = text.split("\n");
        const index = lines.findIndex((line) => line.startsWith("data: "));
        if (index >= 0) {
          text = lines.slice(index + 1).join("\n");
          return JSON.parse((lines[index] as string).slice(6)) as GraphQLResponse;
        }
        pending ??= reader.read();
        let timer: NodeJS.Timeout | undefined;
        const chunk = await Promise.race([
          pending,
          new Promise<null>((resolve) => {
            timer = setTimeout(() => resolve(null), Math.max(deadline - Date.now(), 0));
          }),
        ]);
        clearTimeout(timer);
        if (chunk === null) return null;
        pending = null;
        if (chunk.done) {
          ended = true;
          return null;
        }
        text += decoder.decode(chunk.value, { stream: true });
      }
    },
    close: () => reader.cancel(),
  };
}
