import { anonymousActor, signIn, signOut } from "@lantoa/app";
import { DEMO_PASSWORD, userForToken } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, NOW, startAppHarness } from "../support/app-harness.js";

describe.each(testEngines())("signOut on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  const newSession = async () =>
    accepted(await h.app.run(signIn, anonymousActor, { username: "xem", password: DEMO_PASSWORD, ttlHours: 12 }));

  it("revokes the session, so its token no longer identifies anyone, audited as the user's sign-out", async () => {
    const session = await newSession();
    expect(accepted(await h.app.run(signOut, session.user, { token: session.token }))).toBe(true);
    expect(await userForToken(h.database.db, session.token, NOW)).toBeNull();
    const audit = await h.database.db
      .selectFrom("audit_log")
      .select(["action", "actor_user_id"])
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: "signOut", actor_user_id: session.user.userId });
  });

  it("answers false for a session already revoked, recording nothing", async () => {
    const session = await newSession();
    accepted(await h.app.run(signOut, session.user, { token: session.token }));
    const audits = async () => (await h.database.db.selectFrom("audit_log").select("id").execute()).length;
    const before = await audits();
    expect(accepted(await h.app.run(signOut, session.user, { token: session.token }))).toBe(false);
    expect(await audits()).toBe(before);
  });
});
