import {
  anonymousActor,
  commandLineActor,
  createApp,
  createSessionChanges,
  moveUnit,
  renameUnit,
  signIn,
  signOut,
} from "@lantoa/app";
import { DEMO_PASSWORD, type SessionChange } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, NOW, startAppHarness } from "../support/app-harness.js";

describe.each(testEngines())("the runner's session-change announcements on %s", (engine) => {
  let h: AppHarness;
  let app: ReturnType<typeof createApp>;
  const heard: SessionChange[] = [];
  beforeAll(async () => {
    h = await startAppHarness(engine);
    const sessionChanges = createSessionChanges();
    sessionChanges.subscribe((change) => heard.push(change));
    app = createApp({ db: h.database.db, clock: () => NOW, sessionChanges });
  });
  afterAll(async () => {
    await h?.close();
  });

  const userIdOf = async (username: string) =>
    (await h.database.db.selectFrom("users").select("id").where("username", "=", username).executeTakeFirstOrThrow())
      .id;
  const unit = (code: string) =>
    h.database.db.selectFrom("units").select(["id", "version"]).where("code", "=", code).executeTakeFirstOrThrow();

  it("announces nothing for a sign-in: a new session changes no existing token", async () => {
    heard.length = 0;
    accepted(await app.run(signIn, anonymousActor, { username: "xem", password: DEMO_PASSWORD, ttlHours: 12 }));
    expect(heard).toEqual([]);
  });

  it("announces the user of a session signed out, after it committed", async () => {
    const session = accepted(
      await app.run(signIn, anonymousActor, { username: "xem", password: DEMO_PASSWORD, ttlHours: 12 }),
    );
    heard.length = 0;
    accepted(await app.run(signOut, session.user, { token: session.token }));
    expect(heard).toEqual([new Set([await userIdOf("xem")])]);
  });

  it("announces every user holding a role inside a moved subtree, and only them", async () => {
    const tl = await unit("TL");
    const phuly = await unit("PHULY");
    heard.length = 0;
    accepted(
      await app.run(moveUnit, commandLineActor, { unitId: tl.id, newParentId: phuly.id, expectedVersion: tl.version }),
    );
    const inside = await h.database.db
      .selectFrom("role_assignments as a")
      .innerJoin("units as u", "u.id", "a.unit_id")
      .select("a.user_id")
      .where("u.path", "like", `%/${tl.id}/%`)
      .execute();
    expect(heard).toEqual([new Set(inside.map((r) => r.user_id))]);
    expect(inside.length).toBeGreaterThan(1);
  });

  it("announces nothing for a rename, which changes no path", async () => {
    const tl = await unit("TL");
    heard.length = 0;
    accepted(
      await app.run(renameUnit, commandLineActor, {
        unitId: tl.id,
        name: "Huyện Thanh Liêm mới",
        expectedVersion: tl.version,
      }),
    );
    expect(heard).toEqual([]);
  });

  it("announces nothing when the use case is refused and rolled back", async () => {
    const tl = await unit("TL");
    heard.length = 0;
    const refused = await app.run(moveUnit, commandLineActor, {
      unitId: tl.id,
      newParentId: (await unit("TL-THANHHUONG")).id,
      expectedVersion: tl.version,
    });
    expect(refused.ok).toBe(false);
    expect(heard).toEqual([]);
  });
});
