import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { draftRound } from "./support/draft-round.js";
import { type GatewayHarness, globalId, startGatewayHarness } from "./support/gateway-harness.js";

const MODEL = `query($id: ID!) { node(id: $id) { ... on Model { code } } }`;

describe.each(testEngines())("what an assigned reviewer may read, on %s", (engine) => {
  let h: GatewayHarness;
  type Model = { id: string; code: string };
  /** Models of Hội Phụ nữ (outside the reviewer's own unit), none a pilot anyone may read. */
  let assigned: Model;
  let finished: Model;
  let unassigned: Model;

  beforeAll(async () => {
    h = await startGatewayHarness(engine);
    const db = h.database.db;
    const reviewer = await db
      .selectFrom("users")
      .select("id")
      .where("username", "=", "giamkhao.3")
      .executeTakeFirstOrThrow();
    const models = await db
      .selectFrom("models as m")
      .innerJoin("units as u", "u.id", "m.owner_unit_id")
      .select(["m.id", "m.code"])
      .where("u.code", "=", "TL-HPN")
      .where("m.is_pilot", "=", false)
      // Not among those the demo's open round already gives them.
      .where(
        "m.id",
        "not in",
        db.selectFrom("reviewer_assignments").select("model_id").where("reviewer_user_id", "=", reviewer.id),
      )
      .orderBy("m.code")
      .limit(3)
      .execute();
    [assigned, finished, unassigned] = models as [Model, Model, Model];
    // One running round where giamkhao.3 reviews `assigned`, one finalized where they reviewed `finished`.
    for (const [code, model, status] of [
      ["REVIEWER-ACCESS-1", assigned, "review"],
      ["REVIEWER-ACCESS-2", finished, "finalized"],
    ] as const) {
      const roundId = await draftRound(h, code, [model.code]);
      await db
        .insertInto("reviewer_assignments")
        .values({ round_id: roundId, model_id: model.id, reviewer_user_id: reviewer.id, source: "manual" })
        .execute();
      await db.updateTable("rounds").set({ status }).where("id", "=", roundId).execute();
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it("reads a model they are assigned to in a running round, outside their own unit", async () => {
    const result = await h.call(MODEL, { id: globalId("Model", assigned.id) }, h.tokens.reviewer);
    expect(result.errors).toBeUndefined();
    expect(result.data.node).toEqual({ code: assigned.code });
  });

  it("does not read another model of the same unit they are not assigned to", async () => {
    const result = await h.call(MODEL, { id: globalId("Model", unassigned.id) }, h.tokens.reviewer);
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("no longer reads a model whose round is finalized", async () => {
    const result = await h.call(MODEL, { id: globalId("Model", finished.id) }, h.tokens.reviewer);
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("still may not list the owner unit's models", async () => {
    const result = await h.call(
      `query($u: ID!) { models(first: 5, filter: { withinUnitId: $u }) { edges { node { code } } } }`,
      { u: globalId("Unit", h.units["TL-HPN"] ?? "") },
      h.tokens.reviewer,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
