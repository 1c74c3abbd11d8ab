import { liftCommendationSuspension } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { auditOf } from "../support/audit-of.js";
import { issuedCommendation, suspendedCommendation } from "../support/register-fixtures.js";

describe.each(testEngines())("liftCommendationSuspension on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  const lift = async (commendationId: string, until = "2023-08-31", expectedVersion = 2) =>
    h.app.run(liftCommendationSuspension, await h.as("thanhliem.admin"), { commendationId, until, expectedVersion });

  it("ends the open suspension on its last day, bumps the version, and audits the suspensions before and after", async () => {
    const id = await suspendedCommendation(h);
    expect(accepted(await lift(id))).toEqual({ id });
    const suspensions = await h.database.db
      .selectFrom("commendation_suspensions")
      .select(["suspended_from", "suspended_until", "reason"])
      .where("commendation_id", "=", id)
      .execute();
    expect(suspensions).toEqual([
      { suspended_from: "2023-08-20", suspended_until: "2023-08-31", reason: "Thành tích chưa có minh chứng" },
    ]);
    const row = await h.database.db
      .selectFrom("commendations")
      .select("version")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(3);
    const audit = await auditOf(h, id);
    expect(audit.map((a) => a.action)).toEqual([
      "issueCommendation",
      "commendation.suspend",
      "liftCommendationSuspension",
    ]);
    expect(audit[2]).toMatchObject({
      entity: "commendation",
      actor_user_id: (await h.as("thanhliem.admin")).userId,
      before: [{ from: "2023-08-20", until: null }],
      after: [{ from: "2023-08-20", until: "2023-08-31" }],
    });
  });

  it("refuses a commendation with no open suspension, changing nothing", async () => {
    const id = await issuedCommendation(h);
    await h.expectRefusal("COMMENDATION.NOT_SUSPENDED", () => lift(id, "2023-08-31", 1));
  });

  it("refuses an end before the suspension began, changing nothing", async () => {
    const id = await suspendedCommendation(h);
    const error = await h.expectRefusal("COMMENDATION.INVALID_DATE", () => lift(id, "2023-08-19"));
    expect(error.details).toEqual({ from: "2023-08-20", until: "2023-08-19" });
  });

  it("refuses a stale version, changing nothing", async () => {
    const id = await suspendedCommendation(h);
    await h.expectRefusal("DB.STALE_VERSION", () => lift(id, "2023-08-31", 1));
  });

  it("refuses a commendation that does not exist, changing nothing", async () => {
    await h.expectRefusal("COMMENDATION.NOT_FOUND", () => lift("00000000-0000-4000-8000-00000000dead"));
  });
});
