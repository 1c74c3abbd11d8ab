import { revokeCommendation } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { auditOf } from "../support/audit-of.js";
import { issuedCommendation, suspendedCommendation } from "../support/register-fixtures.js";

describe.each(testEngines())("revokeCommendation on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  const revoke = async (commendationId: string, overrides: Record<string, unknown> = {}) =>
    h.app.run(revokeCommendation, await h.as("thanhliem.admin"), {
      commendationId,
      revokedOn: "2023-09-01",
      reason: "Kê khai kết quả không trung thực",
      decisionNumber: "77-QĐ/HU",
      expectedVersion: 1,
      ...overrides,
    });
  const stored = (id: string) =>
    h.database.db.selectFrom("commendations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  it("records the revocation's day, reason and decision, bumps the version, and audits before and after", async () => {
    const id = await issuedCommendation(h);
    expect(accepted(await revoke(id))).toEqual({ id });
    expect(await stored(id)).toMatchObject({
      revoked_on: "2023-09-01",
      revoked_reason: "Kê khai kết quả không trung thực",
      revocation_decision_number: "77-QĐ/HU",
      version: 2,
    });
    const audit = await auditOf(h, id);
    expect(audit.map((a) => a.action)).toEqual(["issueCommendation", "revokeCommendation"]);
    expect(audit[1]).toMatchObject({
      entity: "commendation",
      actor_user_id: (await h.as("thanhliem.admin")).userId,
      before: { id, revocation: null },
      after: {
        id,
        revocation: { revokedOn: "2023-09-01", reason: "Kê khai kết quả không trung thực", decisionNumber: "77-QĐ/HU" },
      },
    });
  });

  it("revokes a suspended commendation and keeps its suspension", async () => {
    const id = await suspendedCommendation(h);
    accepted(await revoke(id, { decisionNumber: null, expectedVersion: 2 }));
    expect(await stored(id)).toMatchObject({ revoked_on: "2023-09-01", revocation_decision_number: null, version: 3 });
    const suspensions = await h.database.db
      .selectFrom("commendation_suspensions")
      .select(["suspended_from", "suspended_until"])
      .where("commendation_id", "=", id)
      .execute();
    expect(suspensions).toEqual([{ suspended_from: "2023-08-20", suspended_until: null }]);
  });

  it("refuses a commendation already revoked, changing nothing", async () => {
    const id = await issuedCommendation(h);
    accepted(await revoke(id));
    await h.expectRefusal("COMMENDATION.ALREADY_REVOKED", () => revoke(id, { reason: "Lần nữa", expectedVersion: 2 }));
  });

  it("refuses a day before the decision, changing nothing", async () => {
    const id = await issuedCommendation(h);
    await h.expectRefusal("COMMENDATION.INVALID_DATE", () => revoke(id, { revokedOn: "2023-01-01" }));
  });

  it("refuses a stale version, changing nothing", async () => {
    const id = await issuedCommendation(h);
    await h.expectRefusal("DB.STALE_VERSION", () => revoke(id, { expectedVersion: 2 }));
  });

  it("refuses a commendation that does not exist, changing nothing", async () => {
    await h.expectRefusal("COMMENDATION.NOT_FOUND", () => revoke("00000000-0000-4000-8000-00000000dead"));
  });

  it("refuses a blank reason as INPUT.INVALID naming the field, changing nothing", async () => {
    const id = await issuedCommendation(h);
    const error = await h.expectRefusal("INPUT.INVALID", () => revoke(id, { reason: "   " }));
    expect(error.details).toMatchObject({ issues: [{ path: "reason" }] });
  });
});
