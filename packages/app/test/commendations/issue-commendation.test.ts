import { issueCommendation } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { auditOf } from "../support/audit-of.js";
import { commendationInput } from "../support/register-fixtures.js";

describe.each(testEngines())("issueCommendation on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  const issue = async (overrides: Record<string, unknown> = {}) =>
    h.app.run(issueCommendation, await h.as("thanhliem.admin"), { ...(await commendationInput(h)), ...overrides });

  it("stores the reason the certificate will print, trimmed", async () => {
    const { id } = accepted(await issue({ reason: "  Trồng 3 km đường hoa trên trục ĐT 499B.  " }));
    const row = await h.database.db
      .selectFrom("commendations")
      .select(["reason"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.reason).toBe("Trồng 3 km đường hoa trên trục ĐT 499B.");
  });

  it("stores the decision for the model, trimmed, in force with no suspension, and audits the record", async () => {
    const input = await commendationInput(h);
    const admin = await h.as("thanhliem.admin");
    const { id } = accepted(
      await h.app.run(issueCommendation, admin, {
        ...input,
        issuer: `  ${input.issuer}  `,
        validUntil: "2025-12-31",
      }),
    );
    const row = await h.database.db
      .selectFrom("commendations")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      decision_number: input.decisionNumber,
      decision_date: "2023-05-19",
      issuer: "Ban Thường vụ Huyện ủy Thanh Liêm",
      level: "district",
      form: "certificate-of-merit",
      recipient_kind: "model",
      recipient_model_id: input.modelId,
      valid_until: "2025-12-31",
      revoked_on: null,
      round_id: null,
      version: 1,
    });
    const suspensions = await h.database.db
      .selectFrom("commendation_suspensions")
      .select("id")
      .where("commendation_id", "=", id)
      .execute();
    expect(suspensions).toEqual([]);
    expect(await auditOf(h, id)).toEqual([
      {
        action: "issueCommendation",
        entity: "commendation",
        actor_user_id: admin.userId,
        before: null,
        after: expect.objectContaining({
          id,
          decisionNumber: input.decisionNumber,
          recipient: { kind: "model", modelId: input.modelId },
          validUntil: "2025-12-31",
          suspensions: [],
          revocation: null,
        }),
      },
    ]);
  });

  it("returns the first commendation when retried with the same idempotency key", async () => {
    const admin = await h.as("thanhliem.admin");
    const input = await commendationInput(h);
    const key = h.unique("issue-retry-");
    const first = accepted(await h.app.run(issueCommendation, admin, input, { idempotencyKey: key }));
    const again = accepted(await h.app.run(issueCommendation, admin, input, { idempotencyKey: key }));
    expect(again).toEqual(first);
  });

  it("refuses a form the domain does not know, changing nothing", async () => {
    const error = await h.expectRefusal("COMMENDATION.UNKNOWN_LEVEL_OR_FORM", () => issue({ form: "trophy" }));
    expect(error.details).toEqual({ level: "district", form: "trophy" });
  });

  it("refuses a level that is not configured, changing nothing", async () => {
    await h.expectRefusal("COMMENDATION.UNKNOWN_LEVEL_OR_FORM", () => issue({ level: "galaxy" }));
  });

  it("refuses a validity ending before the decision as the domain's COMMENDATION.INVALID, changing nothing", async () => {
    await h.expectRefusal("COMMENDATION.INVALID", () => issue({ validUntil: "2023-01-01" }));
  });

  it("refuses a model that does not exist, changing nothing", async () => {
    const missing = "00000000-0000-4000-8000-00000000dead";
    const error = await h.expectRefusal("MODEL.NOT_FOUND", () => issue({ modelId: missing }));
    expect(error.details).toEqual({ id: missing });
  });

  it("refuses a decision date that is not a day as INPUT.INVALID naming the field, changing nothing", async () => {
    const error = await h.expectRefusal("INPUT.INVALID", () => issue({ decisionDate: "19-05-2023" }));
    expect(error.details).toMatchObject({ issues: [{ path: "decisionDate" }] });
  });
});
