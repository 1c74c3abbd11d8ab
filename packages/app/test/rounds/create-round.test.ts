import { createRound } from "@lantoa/app";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { auditOf, eligibleModels, roundInput } from "../support/round-fixtures.js";

describe.each(testEngines())("createRound on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("creates a draft round over the nominated models, evaluating each one's gates, with a recorded seed, audited", async () => {
    const models = await eligibleModels(h, 3);
    const bare = await h.database.db
      .selectFrom("models as m")
      .innerJoin("units as u", "u.id", "m.owner_unit_id")
      .select(["m.id", "m.code"])
      .where("u.code", "=", "TL-HPN")
      .where("m.status", "=", "active")
      .where("m.generated", "=", true)
      .where("m.id", "not in", h.database.db.selectFrom("evidence").select("model_id"))
      .orderBy("m.code")
      .limit(1)
      .executeTakeFirstOrThrow();
    const input = await roundInput(h, [...models.map((m) => m.code), bare.code], { reviewersPerModel: 3 });
    const created = accepted(await h.app.run(createRound, await h.as("thanhliem.admin"), input));
    expect(created).toEqual({ id: expect.any(String), models: 4, eligible: 3, skipped: [] });
    const round = await h.database.db
      .selectFrom("rounds")
      .selectAll()
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(round).toMatchObject({ code: input.code, status: "draft", period: "2022", version: 1 });
    expect(round.draw_seed).toMatch(/^[0-9a-f]{32}$/);
    expect(round.settings).toMatchObject({ reviewersPerModel: 3, quorum: 2 / 3, approvalThreshold: 0.7 });
    const entries = await h.database.db
      .selectFrom("round_models")
      .select(["model_id", "eligible", "gate_outcomes"])
      .where("round_id", "=", created.id)
      .execute();
    const outside = entries.find((e) => e.model_id === bare.id);
    expect(outside?.eligible).toBe(false);
    expect(outside?.gate_outcomes).toContainEqual(
      expect.objectContaining({ criterionId: "evidence-attached", passed: false }),
    );
    expect(
      entries
        .filter((e) => e.eligible)
        .map((e) => e.model_id)
        .sort(),
    ).toEqual(models.map((m) => m.id).sort());
    const [audit] = await auditOf(h, created.id);
    expect(audit).toMatchObject({
      action: "round.create",
      after: { code: input.code, settings: { reviewersPerModel: 3 }, models: 4, eligible: 3 },
    });
  });

  it("takes the organizer's active models when no model is nominated", async () => {
    const input = await roundInput(h, [], { modelCodes: undefined, withinUnitId: await h.unit("TL-HPN") });
    const created = accepted(await h.app.run(createRound, await h.as("thanhliem.admin"), input));
    const active = await h.database.db
      .selectFrom("models as m")
      .innerJoin("units as u", "u.id", "m.owner_unit_id")
      .select("m.id")
      .where("u.code", "=", "TL-HPN")
      .where("m.status", "=", "active")
      .execute();
    expect(created.models).toBe(active.length);
    expect(active.length).toBeGreaterThan(0);
  });

  /** A model of the demo owned by `unitCode`, active or not, by code. */
  async function modelOf(unitCode: string, status: "active" | "archived") {
    return h.database.db
      .selectFrom("models as m")
      .innerJoin("units as u", "u.id", "m.owner_unit_id")
      .select(["m.id", "m.code"])
      .where("u.code", "=", unitCode)
      .where("m.status", "=", status)
      .orderBy("m.code")
      .limit(1)
      .executeTakeFirstOrThrow();
  }

  it("matches nominated codes without regard to case", async () => {
    const [model] = await eligibleModels(h, 1);
    const input = await roundInput(h, [model?.code.toLowerCase() ?? ""]);
    const created = accepted(await h.app.run(createRound, await h.as("thanhliem.admin"), input));
    expect(created).toMatchObject({ models: 1, skipped: [] });
    const entries = await h.database.db
      .selectFrom("round_models")
      .select("model_id")
      .where("round_id", "=", created.id)
      .execute();
    expect(entries.map((e) => e.model_id)).toEqual([model?.id]);
  });

  it("reports a nominated code no model has as UNKNOWN, as typed, and takes the rest", async () => {
    const [model] = await eligibleModels(h, 1);
    const input = await roundInput(h, [model?.code ?? "", "khong-co-ma-nay"]);
    const created = accepted(await h.app.run(createRound, await h.as("thanhliem.admin"), input));
    expect(created).toMatchObject({ models: 1, skipped: [{ code: "khong-co-ma-nay", reason: "UNKNOWN" }] });
  });

  it("reports a nominated model that is not running as NOT_RUNNING", async () => {
    const archived = await h.database.db
      .selectFrom("models as m")
      .innerJoin("units as u", "u.id", "m.owner_unit_id")
      .select("m.code")
      .where("u.path", "like", `%${await h.unit("TL")}/%`)
      .where("m.status", "=", "archived")
      .orderBy("m.code")
      .limit(1)
      .executeTakeFirstOrThrow();
    const input = await roundInput(h, [archived.code]);
    const created = accepted(await h.app.run(createRound, await h.as("thanhliem.admin"), input));
    expect(created).toMatchObject({ models: 0, skipped: [{ code: archived.code, reason: "NOT_RUNNING" }] });
  });

  it("reports a nominated model owned outside the organizer's subtree as OUTSIDE_SCOPE", async () => {
    const elsewhere = await modelOf("TL-DTN", "active");
    const input = await roundInput(h, [elsewhere.code], { organizerUnitId: await h.unit("TL-HPN") });
    const created = accepted(await h.app.run(createRound, await h.as("thanhliem.admin"), input));
    expect(created).toMatchObject({ models: 0, skipped: [{ code: elsewhere.code, reason: "OUTSIDE_SCOPE" }] });
  });

  it("reports a nominated model owned outside the round's within-unit as OUTSIDE_SCOPE", async () => {
    const inside = await modelOf("TL-HPN", "active");
    const elsewhere = await modelOf("TL-DTN", "active");
    const input = await roundInput(h, [inside.code, elsewhere.code], { withinUnitId: await h.unit("TL-HPN") });
    const created = accepted(await h.app.run(createRound, await h.as("thanhliem.admin"), input));
    expect(created).toMatchObject({ models: 1, skipped: [{ code: elsewhere.code, reason: "OUTSIDE_SCOPE" }] });
  });

  it("audits the codes it left out with the round", async () => {
    const input = await roundInput(h, ["KHONG-CO-1"]);
    const created = accepted(await h.app.run(createRound, await h.as("thanhliem.admin"), input));
    const [audit] = await auditOf(h, created.id);
    expect(audit?.after).toMatchObject({ skipped: [{ code: "KHONG-CO-1", reason: "UNKNOWN" }] });
  });

  it("refuses a criteria version that is not published, changing nothing", async () => {
    const input = await roundInput(h, [], { criteriaVersion: 99 });
    await h.expectRefusal("ROUND.CRITERIA_NOT_PUBLISHED", async () =>
      h.app.run(createRound, await h.as("thanhliem.admin"), input),
    );
  });

  it("refuses a code already used, changing nothing", async () => {
    const input = await roundInput(h, []);
    accepted(await h.app.run(createRound, await h.as("thanhliem.admin"), input));
    await h.expectRefusal("ROUND.DUPLICATE_CODE", async () =>
      h.app.run(createRound, await h.as("thanhliem.admin"), { ...input, name: "Một đợt khác" }),
    );
  });

  it("refuses a scope outside the organizer's subtree, changing nothing", async () => {
    const input = await roundInput(h, [], {
      organizerUnitId: await h.unit("TL-HPN"),
      withinUnitId: await h.unit("TL"),
    });
    await h.expectRefusal("ROUND.SCOPE_OUTSIDE_ORGANIZER", async () =>
      h.app.run(createRound, await h.as("thanhliem.admin"), input),
    );
  });

  it("refuses an actor who does not administer the organizer, changing nothing", async () => {
    const input = await roundInput(h, []);
    await h.expectRefusal("AUTH.FORBIDDEN", async () => h.app.run(createRound, await h.as("phunu.canbo"), input));
  });

  it("refuses an impossible period as INPUT.INVALID, changing nothing", async () => {
    const input = await roundInput(h, [], { period: "2022-Q7" });
    await h.expectRefusal("INPUT.INVALID", async () => h.app.run(createRound, await h.as("thanhliem.admin"), input));
  });
});
