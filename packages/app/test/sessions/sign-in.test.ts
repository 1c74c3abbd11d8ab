import { anonymousActor, signIn } from "@lantoa/app";
import { DEMO_PASSWORD, userForToken } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, NOW, startAppHarness } from "../support/app-harness.js";

describe.each(testEngines())("signIn on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("opens a session whose token identifies the user until it expires, audited as the user's sign-in", async () => {
    const session = accepted(
      await h.app.run(signIn, anonymousActor, { username: " Phunu.Canbo ", password: DEMO_PASSWORD, ttlHours: 12 }),
    );
    expect(session.expiresAt).toEqual(new Date(NOW.getTime() + 12 * 3_600_000));
    expect((await userForToken(h.database.db, session.token, NOW))?.username).toBe("phunu.canbo");
    expect(await userForToken(h.database.db, session.token, session.expiresAt)).toBeNull();
    const audit = await h.database.db
      .selectFrom("audit_log")
      .select(["action", "actor_user_id", "entity_id"])
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: "signIn", actor_user_id: session.user.userId, entity_id: session.user.userId });
  });

  it("stores only a hash of the token", async () => {
    const session = accepted(
      await h.app.run(signIn, anonymousActor, { username: "xem", password: DEMO_PASSWORD, ttlHours: 1 }),
    );
    const stored = await h.database.db.selectFrom("sessions").select("token_hash").execute();
    expect(stored.some((s) => s.token_hash === session.token)).toBe(false);
  });

  it("refuses a wrong password and records the attempt with the username, changing nothing else", async () => {
    const error = await h.expectRefusal("AUTH.INVALID_CREDENTIALS", () =>
      h.app.run(signIn, anonymousActor, { username: "xem", password: "wrong-password", ttlHours: 1 }),
    );
    expect(error.details).toEqual({ username: "xem" });
  });

  it("refuses an unknown username exactly as a wrong password", async () => {
    const error = await h.expectRefusal("AUTH.INVALID_CREDENTIALS", () =>
      h.app.run(signIn, anonymousActor, { username: "no.such.user", password: DEMO_PASSWORD, ttlHours: 1 }),
    );
    expect(error.message.en).toBe("The username or password is not correct.");
  });
});
