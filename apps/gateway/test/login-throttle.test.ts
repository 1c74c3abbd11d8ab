import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashPassword, type LoginLimits } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGatewayYoga, localFolderStorage } from "../src/index.js";
import { type GatewayHarness, startGatewayHarness } from "./support/gateway-harness.js";

const LIMITS: LoginLimits = {
  perAccount: 3,
  perAddress: 6,
  windowSeconds: 600,
  blockSeconds: 900,
  maxWaitingChecks: 32,
};
const PASSWORD = "mật-khẩu-đúng-1";
const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) {
  __typename ... on MutationLoginSuccess { data { token } } ... on DomainError { code details messageVi } } }`;

type Outcome = { code: string; retryAfterSeconds?: number; messageVi?: string };

describe.each(testEngines())("sign-in throttling, on %s", (engine) => {
  let h: GatewayHarness;
  let accounts = 0;
  /** A fresh account of its own for each test, so one test's attempts never block another's. */
  let freshAccount: () => Promise<string>;

  beforeAll(async () => {
    h = await startGatewayHarness(engine, { loginLimits: LIMITS });
    const hash = await hashPassword(PASSWORD);
    freshAccount = async () => {
      const username = `throttle.${++accounts}`;
      await h.database.db
        .insertInto("users")
        .values({ username, display_name: username, password_hash: hash, unit_id: null })
        .execute();
      return username;
    };
  });
  afterAll(async () => {
    await h?.close();
  });

  async function login(username: string, password: string, from = "192.0.2.1"): Promise<Outcome> {
    const response = await h.fetch(
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: LOGIN, variables: { u: username, p: password } }),
      },
      from,
    );
    const result = ((await response.json()) as { data: { login: any } }).data.login;
    if (result.__typename === "MutationLoginSuccess") return { code: "OK" };
    const details = JSON.parse(result.details ?? "{}") as { retryAfterSeconds?: number };
    return details.retryAfterSeconds === undefined
      ? { code: result.code }
      : { code: result.code, retryAfterSeconds: details.retryAfterSeconds, messageVi: result.messageVi };
  }

  it("refuses attempts on an account past its limit, the right password too, with the time to wait", async () => {
    const account = await freshAccount();
    const answers: Outcome[] = [];
    for (let i = 0; i < 3; i++) answers.push(await login(account, "sai"));
    expect(answers.map((a) => a.code)).toEqual(Array(3).fill("AUTH.INVALID_CREDENTIALS"));
    const blocked = await login(account, PASSWORD);
    expect(blocked.code).toBe("AUTH.TOO_MANY_ATTEMPTS");
    expect(blocked.retryAfterSeconds).toBeGreaterThan(800);
    expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(900);
    // Said in minutes, rounded up: a quarter of an hour is not "900 giây".
    expect(blocked.messageVi).toBe(
      `Đăng nhập sai quá nhiều lần. Hãy thử lại sau ${Math.ceil((blocked.retryAfterSeconds ?? 0) / 60)} phút.`,
    );
    // Another account from the same address is not affected.
    expect((await login(await freshAccount(), PASSWORD)).code).toBe("OK");
  });

  it("counts aliased logins in one request one by one", async () => {
    const account = await freshAccount();
    const aliases = Array.from(
      { length: 5 },
      (_, i) => `a${i}: login(username: "${account}", password: "sai-${i}") { ... on DomainError { code } }`,
    ).join("\n");
    const response = await h.fetch(
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `mutation { ${aliases} }` }),
      },
      "192.0.2.2",
    );
    const data = ((await response.json()) as { data: Record<string, { code: string }> }).data;
    expect(Object.values(data).map((a) => a.code)).toEqual([
      "AUTH.INVALID_CREDENTIALS",
      "AUTH.INVALID_CREDENTIALS",
      "AUTH.INVALID_CREDENTIALS",
      "AUTH.TOO_MANY_ATTEMPTS",
      "AUTH.TOO_MANY_ATTEMPTS",
    ]);
  });

  it("starts an account's count again after a successful sign-in", async () => {
    const account = await freshAccount();
    const codes: string[] = [];
    for (const password of ["sai", "sai", PASSWORD, "sai", "sai", "sai"])
      codes.push((await login(account, password, "192.0.2.3")).code);
    expect(codes).toEqual([
      "AUTH.INVALID_CREDENTIALS",
      "AUTH.INVALID_CREDENTIALS",
      "OK",
      "AUTH.INVALID_CREDENTIALS",
      "AUTH.INVALID_CREDENTIALS",
      "AUTH.INVALID_CREDENTIALS",
    ]);
  });

  it("limits one address across accounts, and only that address", async () => {
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push((await login(`khong-co-${i}`, "sai", "198.51.100.7")).code);
    expect(codes).toEqual(Array(6).fill("AUTH.INVALID_CREDENTIALS"));
    const fresh = await freshAccount();
    expect((await login(fresh, PASSWORD, "198.51.100.7")).code).toBe("AUTH.TOO_MANY_ATTEMPTS");
    expect((await login(fresh, PASSWORD, "198.51.100.8")).code).toBe("OK");
  });

  it("throttles an unknown account exactly like a known one", async () => {
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) codes.push((await login("khong-ton-tai", "sai", "192.0.2.5")).code);
    expect(codes).toEqual([
      "AUTH.INVALID_CREDENTIALS",
      "AUTH.INVALID_CREDENTIALS",
      "AUTH.INVALID_CREDENTIALS",
      "AUTH.TOO_MANY_ATTEMPTS",
    ]);
  });

  it("keeps its counts in the database, so another gateway on it refuses too", async () => {
    const account = await freshAccount();
    for (let i = 0; i < 3; i++) await login(account, "sai", "192.0.2.6");
    const other = createGatewayYoga({
      db: h.database.db,
      graphiql: false,
      storage: localFolderStorage(mkdtempSync(join(tmpdir(), "lantoa-throttle-"))),
      loginLimits: LIMITS,
    });
    const response = await other.fetch("http://other/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: LOGIN, variables: { u: account, p: PASSWORD } }),
    });
    const result = ((await response.json()) as { data: { login: { code?: string } } }).data.login;
    expect(result.code).toBe("AUTH.TOO_MANY_ATTEMPTS");
    const stored = await h.database.db
      .selectFrom("login_attempts")
      .select("points")
      .where("key", "=", `account:${account}`)
      .executeTakeFirst();
    expect(stored?.points).toBeGreaterThan(3);
  });
});
