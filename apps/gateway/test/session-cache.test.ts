import { commandLineActor, createApp, createSessionChanges, createUser, defineUseCase, moveUnit } from "@lantoa/app";
import { DEMO_PASSWORD } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import { ok } from "@lantoa/domain/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { createSessionCache } from "../src/session-cache.js";
import { type GatewayHarness, globalId, startGatewayHarness } from "./support/gateway-harness.js";

const VIEWER = `{ viewer { username roles { role } } }`;

// Use cases written here, knowing nothing of any cache: what they change about who a
// token is reaches the gateway through the database's triggers and the runner.
const UserId = z.object({ userId: z.string() });
const makeViewer = defineUseCase({
  name: "testMakeViewer",
  input: UserId,
  run: async ({ trx }, input) => {
    await trx.updateTable("role_assignments").set({ role: "viewer" }).where("user_id", "=", input.userId).execute();
    return ok(null);
  },
});
const disableUser = defineUseCase({
  name: "testDisableUser",
  input: UserId,
  run: async ({ trx, now }, input) => {
    await trx.updateTable("users").set({ disabled_at: now }).where("id", "=", input.userId).execute();
    return ok(null);
  },
});

describe.each(testEngines())("The gateway's memory of validated sessions, on %s", (engine) => {
  let h: GatewayHarness;
  const sessionChanges = createSessionChanges();
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    h = await startGatewayHarness(engine, { sessionChanges });
    app = createApp({ db: h.database.db, sessionChanges });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** A new account (a unit admin of `unitCode`) and a fresh, already remembered session of it. */
  async function rememberedSession(username: string, unitCode: string): Promise<{ userId: string; token: string }> {
    const created = await app.run(createUser, commandLineActor, {
      username,
      displayName: username,
      password: DEMO_PASSWORD,
      role: "unit-admin",
      unitCode,
    });
    if (!created.ok) throw new Error(created.error.message.en);
    const token = await h.signInAs(username);
    expect((await h.call(VIEWER, {}, token)).data.viewer.username).toBe(username);
    return { userId: created.value.id, token };
  }

  it("answers a remembered token's request without asking the database", async () => {
    const token = (await h.signIn("viewer")) as string;
    h.resetStatements();
    expect((await h.call(VIEWER, {}, token)).data.viewer.username).toBe("xem");
    expect(h.statements()).toBe(1);
    h.resetStatements();
    expect((await h.call(VIEWER, {}, token)).data.viewer.username).toBe("xem");
    expect(h.statements()).toBe(0);
  });

  it("refuses a signed-out token on the very next request", async () => {
    const { token } = await rememberedSession("nho.dangxuat", "TL");
    const out = await h.call(`mutation { logout }`, {}, token);
    expect(out.data.logout).toBe(true);
    expect((await h.call(VIEWER, {}, token)).data.viewer).toBeNull();
  });

  it("applies a role taken away on the very next request", async () => {
    const { userId, token } = await rememberedSession("nho.vaitro", "TL");
    expect((await app.run(makeViewer, commandLineActor, { userId })).ok).toBe(true);
    expect((await h.call(VIEWER, {}, token)).data.viewer.roles).toEqual([{ role: "viewer" }]);
  });

  it("refuses a disabled account's token on the very next request", async () => {
    const { userId, token } = await rememberedSession("nho.khoa", "TL");
    expect((await app.run(disableUser, commandLineActor, { userId })).ok).toBe(true);
    expect((await h.call(VIEWER, {}, token)).data.viewer).toBeNull();
  });

  it("keeps the other users' sessions remembered when one user's change is announced", async () => {
    const token = (await h.signIn("viewer")) as string;
    await h.call(VIEWER, {}, token);
    await rememberedSession("nho.khac", "TL");
    const other = await h.database.db
      .selectFrom("users")
      .select("id")
      .where("username", "=", "nho.khac")
      .executeTakeFirstOrThrow();
    expect((await app.run(disableUser, commandLineActor, { userId: other.id })).ok).toBe(true);
    h.resetStatements();
    expect((await h.call(VIEWER, {}, token)).data.viewer.username).toBe("xem");
    expect(h.statements()).toBe(0);
  });

  it("scopes a unit admin by the new paths on the very next request after their unit moved", async () => {
    const { token } = await rememberedSession("nho.dichuyen", "TL-THANHHUONG");
    const count = `query($u: ID!) { models(first: 1, filter: { withinUnitId: $u }) { totalCount } }`;
    const unit = globalId("Unit", h.units["TL-THANHHUONG"] ?? "");
    const before = await h.call(count, { u: unit }, token);
    expect(before.data.models.totalCount).toBeGreaterThan(0);
    const { version } = await h.database.db
      .selectFrom("units")
      .select("version")
      .where("code", "=", "TL-THANHHUONG")
      .executeTakeFirstOrThrow();
    const moved = await app.run(moveUnit, commandLineActor, {
      unitId: h.units["TL-THANHHUONG"] ?? "",
      newParentId: h.units.PHULY ?? "",
      expectedVersion: version,
    });
    expect(moved.ok).toBe(true);
    const after = await h.call(count, { u: unit }, token);
    expect(after.errors).toBeUndefined();
    expect(after.data.models.totalCount).toBe(before.data.models.totalCount);
  });
});

describe("createSessionCache", () => {
  const user = (userId: string) => ({ userId, username: userId, displayName: userId, assignments: [] });
  const now = new Date("2026-12-02T06:00:00Z");
  const later = new Date("2026-12-02T18:00:00Z");

  it("does not keep what a lookup found when a change was announced while it ran", async () => {
    const asked: string[] = [];
    let release: () => void = () => {};
    const cache = createSessionCache({
      ttlMs: 60_000,
      max: 10,
      lookUp: async (token) => {
        asked.push(token);
        if (asked.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return { user: user("u1"), expiresAt: later };
      },
    });
    const first = cache.viewerFor("t1", now);
    await Promise.resolve();
    cache.forget(new Set(["u1"]));
    release();
    await first;
    await cache.viewerFor("t1", now);
    expect(asked).toEqual(["t1", "t1"]);
  });

  it("asks again once the least recently used session was pushed out by newer ones", async () => {
    const asked: string[] = [];
    const cache = createSessionCache({
      ttlMs: 60_000,
      max: 2,
      lookUp: async (token) => {
        asked.push(token);
        return { user: user(token), expiresAt: later };
      },
    });
    for (const token of ["a", "b", "a", "c", "a", "b"]) await cache.viewerFor(token, now);
    expect(asked).toEqual(["a", "b", "c", "b"]);
  });

  it("asks again for a remembered session once the clock passed its expiry", async () => {
    const asked: string[] = [];
    const cache = createSessionCache({
      ttlMs: 60_000,
      max: 10,
      lookUp: async (token, at) => {
        asked.push(token);
        return at < later ? { user: user("u1"), expiresAt: later } : null;
      },
    });
    expect(await cache.viewerFor("t", now)).not.toBeNull();
    expect(await cache.viewerFor("t", later)).toBeNull();
    expect(asked).toEqual(["t", "t"]);
  });

  it("never remembers an unknown token", async () => {
    const asked: string[] = [];
    const cache = createSessionCache({
      ttlMs: 60_000,
      max: 10,
      lookUp: async (token) => {
        asked.push(token);
        return null;
      },
    });
    await cache.viewerFor("x", now);
    await cache.viewerFor("x", now);
    expect(asked).toEqual(["x", "x"]);
  });
});
