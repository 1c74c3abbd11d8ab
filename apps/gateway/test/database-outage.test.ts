import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "@lantoa/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGatewayYoga, localFolderStorage } from "../src/index.js";
import { createGatewayLogger } from "../src/mask-error.js";

// A server that is down: nothing listens on port 1. A restart looks the same to the
// gateway for a moment (refused connections, then "the database system is starting up").
describe("while the database cannot be reached", () => {
  let yoga: ReturnType<typeof createGatewayYoga>;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const connection = await connect({ engine: "postgres", url: "postgres://lantoa@127.0.0.1:1/lantoa" });
    close = connection.close;
    yoga = createGatewayYoga({
      db: connection.db,
      graphiql: false,
      storage: localFolderStorage(mkdtempSync(join(tmpdir(), "lantoa-outage-"))),
    });
  });
  afterAll(async () => {
    await close?.();
  });

  const post = (query: string, variables?: Record<string, unknown>) =>
    yoga.fetch("http://test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });

  it("answers a read with DB.UNAVAILABLE, 503 and a retry hint instead of an internal error", async () => {
    const response = await post("{ publishedRounds { code } }");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
    const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]?.extensions).toEqual({ code: "DB.UNAVAILABLE", retryAfterSeconds: 2 });
  });

  it("answers a mutation the same way, so the client retries it with its idempotency key", async () => {
    const response = await post(`mutation { login(username: "admin", password: "wrong-password") { __typename } }`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(["DB.UNAVAILABLE"]);
  });

  it("answers a signed-in request whose session cannot be checked the same way", async () => {
    const response = await yoga.fetch("http://test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${"a".repeat(43)}` },
      body: JSON.stringify({ query: "{ viewer { username } }" }),
    });
    expect(response.status).toBe(503);
    const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]?.extensions.code).toBe("DB.UNAVAILABLE");
  });
});

describe("the gateway's log during an outage", () => {
  it("says once per ten seconds how many requests were refused, instead of a stack trace each", () => {
    const lines: string[] = [];
    const record =
      (level: string) =>
      (...args: unknown[]) =>
        lines.push(`${level} ${args.map(String).join(" ")}`);
    let clock = 0;
    const logger = createGatewayLogger(
      { debug: record("debug"), info: record("info"), warn: record("warn"), error: record("error") },
      () => clock,
    );
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    for (let i = 0; i < 100; i++) logger.error(refused);
    clock = 10_000;
    logger.error(refused);
    logger.error(new Error("a real bug"));
    expect(lines).toEqual([
      "warn The database cannot be reached: 1 request(s) refused with DB.UNAVAILABLE since the last warning.",
      "warn The database cannot be reached: 100 request(s) refused with DB.UNAVAILABLE since the last warning.",
      "error Error: a real bug",
    ]);
  });
});
