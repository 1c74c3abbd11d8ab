import { ReviewWorkspaceModelDocument, ScorecardsDocument } from "@lantoa/client";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { draftRound } from "./support/draft-round.js";
import { type GatewayHarness, globalId, startGatewayHarness } from "./support/gateway-harness.js";

const MODEL = `query($id: ID!) { node(id: $id) { ... on Model { code } } }`;
const ROUND_MODELS = `query($id: ID!) { node(id: $id) { ... on Round { models { code } } } }`;
const ROUND_ASSIGNMENTS = `query($id: ID!) { node(id: $id) { ... on Round { assignments { modelCode unitName reviewerUsername } } } }`;

describe.each(testEngines())("what an assigned reviewer may read, on %s", (engine) => {
  let h: GatewayHarness;
  type Model = { id: string; code: string };
  /** Models of Hội Phụ nữ (outside the reviewer's own unit), none a pilot anyone may read. */
  let assigned: Model;
  let finished: Model;
  let unassigned: Model;
  /** Assigned too, in the same round, with its unit's self-assessment still a draft. */
  let selfDraft: Model;
  /** Assigned in the same round, but the reviewer declared a conflict of interest with it. */
  let declared: Model;
  let runningRound: string;

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
      .limit(5)
      .execute();
    [assigned, finished, unassigned, selfDraft, declared] = models as [Model, Model, Model, Model, Model];
    // One running round where giamkhao.3 reviews `assigned`, one finalized where they reviewed `finished`.
    // The running round's scope also holds `unassigned`, which nobody reviews.
    for (const [code, reviewed, scope, status] of [
      ["REVIEWER-ACCESS-1", [assigned, selfDraft, declared], [assigned, selfDraft, unassigned, declared], "review"],
      ["REVIEWER-ACCESS-2", [finished], [finished], "finalized"],
    ] as const) {
      const roundId = await draftRound(
        h,
        code,
        scope.map((m) => m.code),
      );
      for (const model of reviewed) {
        await db
          .insertInto("reviewer_assignments")
          .values({ round_id: roundId, model_id: model.id, reviewer_user_id: reviewer.id, source: "manual" })
          .execute();
      }
      await db.updateTable("rounds").set({ status }).where("id", "=", roundId).execute();
      if (status === "review") runningRound = roundId;
    }
    await db
      .updateTable("reviewer_assignments")
      .set({ conflict_declared_at: new Date(), conflict_reason: "Từng công tác tại đơn vị" })
      .where("round_id", "=", runningRound)
      .where("model_id", "=", declared.id)
      .execute();
    // What the workspace shows beside the form: a target, an uploaded report, and the unit's
    // self-assessments (submitted for `assigned`, a draft for `selfDraft`).
    await db
      .insertInto("model_targets")
      .values({
        model_id: assigned.id,
        indicator_code: "road-length",
        target_value: "3",
        unit_code: "km",
      })
      .execute();
    await db
      .insertInto("evidence")
      .values({
        model_id: assigned.id,
        kind: "document",
        title: "Báo cáo tổng kết",
        uri: null,
        storage_key: `${assigned.id}/bao-cao.pdf`,
        mime_type: "application/pdf",
        size_bytes: 2048,
        uploaded_by: null,
      })
      .execute();
    for (const [model, status] of [
      [assigned, "submitted"],
      [selfDraft, "draft"],
    ] as const) {
      await db
        .insertInto("scorecards")
        .values({
          round_id: runningRound,
          model_id: model.id,
          kind: "self",
          reviewer_user_id: null,
          ratings: JSON.stringify({ novelty: 20 }),
          comments: JSON.stringify({ novelty: "Đơn vị tự nhận xét" }),
          status,
          submitted_at: status === "submitted" ? new Date() : null,
        })
        .execute();
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

  it("reads everything the review workspace shows of the model: description, targets, outcomes, evidence with a download address, replication", async () => {
    const result = await h.call(
      ReviewWorkspaceModelDocument.toString(),
      { id: globalId("Model", assigned.id) },
      h.tokens.reviewer,
    );
    expect(result.errors).toBeUndefined();
    const model = result.data.node;
    expect(model).toMatchObject({ code: assigned.code, ownerUnit: { name: expect.any(String) } });
    expect(model.targets).toEqual([{ indicatorCode: "road-length", targetValue: 3, unitCode: "km" }]);
    expect(Array.isArray(model.indicatorValues)).toBe(true);
    // The file uploaded above, beside whatever evidence the demo data gives the model.
    expect(model.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          title: "Báo cáo tổng kết",
          downloadUrl: expect.stringMatching(/^\/files\/evidence\/[0-9a-f-]{36}\?expires=\d+&signature=/),
        }),
      ]),
    );
    expect(Array.isArray(model.replications)).toBe(true);
  });

  it("reads the unit's submitted self-assessment before submitting, while the other reviews stay hidden", async () => {
    const result = await h.call(
      ScorecardsDocument.toString(),
      { roundId: globalId("Round", runningRound), modelId: globalId("Model", assigned.id) },
      h.tokens.reviewer,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.scorecards).toMatchObject({
      own: null,
      others: [],
      othersHidden: 1,
      selfAssessment: {
        status: "submitted",
        ratings: [{ criterionId: "novelty", value: 20, comment: "Đơn vị tự nhận xét" }],
      },
    });
  });

  it("does not read the unit's self-assessment while it is a draft", async () => {
    const result = await h.call(
      ScorecardsDocument.toString(),
      { roundId: globalId("Round", runningRound), modelId: globalId("Model", selfDraft.id) },
      h.tokens.reviewer,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.scorecards).toMatchObject({ selfAssessment: null, othersHidden: 0 });
  });

  it("does not read the scorecards of a model of the same round they are not assigned to", async () => {
    const result = await h.call(
      ScorecardsDocument.toString(),
      { roundId: globalId("Round", runningRound), modelId: globalId("Model", unassigned.id) },
      h.tokens.reviewer,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("sees only their own assignments of the round, each with the model's unit", async () => {
    const result = await h.call(ROUND_ASSIGNMENTS, { id: globalId("Round", runningRound) }, h.tokens.reviewer);
    expect(result.errors).toBeUndefined();
    const rows = result.data.node.assignments;
    const unit = await h.database.db
      .selectFrom("units")
      .select("name")
      .where("code", "=", "TL-HPN")
      .executeTakeFirstOrThrow();
    expect(rows.map((a: { modelCode: string }) => a.modelCode).sort()).toEqual(
      [assigned.code, selfDraft.code, declared.code].sort(),
    );
    for (const row of rows) expect(row).toMatchObject({ reviewerUsername: "giamkhao.3", unitName: unit.name });
  });

  it("may not read the round's scope", async () => {
    const result = await h.call(ROUND_MODELS, { id: globalId("Round", runningRound) }, h.tokens.reviewer);
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("no longer reads a model, nor its scorecards, once they declared a conflict of interest with it", async () => {
    const model = await h.call(MODEL, { id: globalId("Model", declared.id) }, h.tokens.reviewer);
    expect(model.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const cards = await h.call(
      ScorecardsDocument.toString(),
      { roundId: globalId("Round", runningRound), modelId: globalId("Model", declared.id) },
      h.tokens.reviewer,
    );
    expect(cards.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
