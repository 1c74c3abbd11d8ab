import { commandLineActor, declareConflict } from "@lantoa/app";
import { listRoundAssignments, mayReview } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { auditOf, type RoundFixture, roundAt } from "../support/round-fixtures.js";

describe.each(testEngines())("declareConflict on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  const reason = "Tôi từng công tác tại đơn vị này";
  /** A round with its panel drawn, and the first assignment of its first model. */
  const drawnRound = async (stage: "review-drawn" | "finalized" = "review-drawn") => {
    const round = await roundAt(h, stage, { models: 1 });
    const [first] = await listRoundAssignments(h.database.db, round.id);
    if (!first) throw new Error("no assignment drawn");
    return { round, reviewer: first.username, modelId: first.model_id };
  };
  const declare = async (round: RoundFixture, modelId: string, as: string) =>
    h.app.run(declareConflict, await h.as(as), { roundId: round.id, modelId, reason });

  it("marks the reviewer's assignment conflicted, so they may no longer review the model, audited as theirs", async () => {
    const { round, reviewer, modelId } = await drawnRound();
    accepted(await declare(round, modelId, reviewer));
    const mine = (await listRoundAssignments(h.database.db, round.id)).find((a) => a.username === reviewer);
    expect(mine).toMatchObject({ conflict_reason: reason, conflict_declared_at: expect.anything() });
    const actor = await h.as(reviewer);
    expect(await mayReview(h.database.db, round.id, modelId, actor.userId ?? "")).toBe(false);
    expect((await auditOf(h, round.id)).at(-1)).toMatchObject({
      action: "round.declareConflict",
      actor_user_id: actor.userId,
      after: { modelId, reason },
    });
  });

  it("refuses a second declaration on the same model as not assigned, changing nothing", async () => {
    const { round, reviewer, modelId } = await drawnRound();
    accepted(await declare(round, modelId, reviewer));
    await h.expectRefusal("ROUND.NOT_ASSIGNED", () => declare(round, modelId, reviewer));
  });

  it("refuses a reviewer who is not assigned the model, changing nothing", async () => {
    const { round, modelId } = await drawnRound();
    const assigned = (await listRoundAssignments(h.database.db, round.id)).map((a) => a.username);
    const stranger = ["giamkhao.1", "giamkhao.2", "giamkhao.3", "giamkhao.4"].find((u) => !assigned.includes(u));
    await h.expectRefusal("ROUND.NOT_ASSIGNED", () => declare(round, modelId, stranger ?? ""));
  });

  it("refuses the command line, which reviews nothing, changing nothing", async () => {
    const { round, modelId } = await drawnRound();
    await h.expectRefusal("ROUND.NOT_ASSIGNED", () =>
      h.app.run(declareConflict, commandLineActor, { roundId: round.id, modelId, reason }),
    );
  });

  it("refuses a finalized round as locked, changing nothing", async () => {
    const { round, reviewer, modelId } = await drawnRound("finalized");
    await h.expectRefusal("ROUND.LOCKED", () => declare(round, modelId, reviewer));
  });

  it("refuses a blank reason as INPUT.INVALID, changing nothing", async () => {
    const { round, reviewer, modelId } = await drawnRound();
    await h.expectRefusal("INPUT.INVALID", async () =>
      h.app.run(declareConflict, await h.as(reviewer), { roundId: round.id, modelId, reason: "   " }),
    );
  });
});
