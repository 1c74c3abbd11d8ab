import { anonymousActor, commandLineActor, createUser, signIn } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";

describe.each(testEngines())("createUser on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  const input = (overrides: Record<string, unknown> = {}) => ({
    username: h.unique("canbo.moi"),
    displayName: "Cán bộ mới",
    password: "mat-khau-dai",
    role: "unit-officer" as const,
    unitCode: "TL-HPN",
    ...overrides,
  });

  it("creates an account with its role over the unit, that can sign in, audited without the password", async () => {
    const account = input();
    const { id } = accepted(await h.app.run(createUser, commandLineActor, account));
    const role = await h.database.db
      .selectFrom("role_assignments")
      .select(["role", "unit_id"])
      .where("user_id", "=", id)
      .execute();
    expect(role).toEqual([{ role: "unit-officer", unit_id: await h.unit("TL-HPN") }]);
    accepted(
      await h.app.run(signIn, anonymousActor, { username: account.username, password: account.password, ttlHours: 1 }),
    );
    const audit = await h.database.db
      .selectFrom("audit_log")
      .select(["action", "actor_user_id", "after"])
      .where("entity_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({
      action: "createUser",
      actor_user_id: null,
      after: {
        username: account.username,
        displayName: "Cán bộ mới",
        role: "unit-officer",
        unitId: await h.unit("TL-HPN"),
      },
    });
    expect(JSON.stringify(audit)).not.toContain(account.password);
  });

  it("refuses a username already taken in another case, changing nothing", async () => {
    await h.expectRefusal("USER.USERNAME_TAKEN", () =>
      h.app.run(createUser, commandLineActor, input({ username: "PHUNU.CANBO" })),
    );
  });

  it("refuses a unit that does not exist, changing nothing", async () => {
    await h.expectRefusal("UNIT.NOT_FOUND", () =>
      h.app.run(createUser, commandLineActor, input({ unitCode: "NO-SUCH-UNIT" })),
    );
  });

  it("refuses a unit role without a unit as INPUT.INVALID, changing nothing", async () => {
    await h.expectRefusal("INPUT.INVALID", () => h.app.run(createUser, commandLineActor, input({ unitCode: null })));
  });

  it("refuses a password shorter than eight characters as INPUT.INVALID, changing nothing", async () => {
    await h.expectRefusal("INPUT.INVALID", () => h.app.run(createUser, commandLineActor, input({ password: "short" })));
  });
});
