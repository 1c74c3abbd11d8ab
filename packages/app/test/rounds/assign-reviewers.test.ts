import { assignReviewers, declareConflict } from "@lantoa/app";
import { listRoundAssignments } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { auditOf, joinReviewerPool, type RoundFixture, roundAt } from "../support/round-fixtures.js";

describe.each(testEngines())("assignReviewers on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
    // The Thanh Hà commune officer also sits on the pool: conflicted for their own unit's models.
    await joinReviewerPool(h, "thanhha.canbo");
  });
  afterAll(async () => {
    await h?.close();
  });

  const assign = async (round: RoundFixture, pairs: Array<[number, string]>, as = "thanhliem.admin") =>
    h.app.run(assignReviewers, await h.as(as), {
      roundId: round.id,
      assignments: pairs.map(([i, reviewerUsername]) => ({ modelId: round.models[i]?.id ?? "", reviewerUsername })),
    });
  const pairsOf = async (round: RoundFixture) =>
    (await listRoundAssignments(h.database.db, round.id)).map((a) => [a.model_code, a.username, a.source]);

  it("assigns one reviewer by hand, audited as manual", async () => {
    const round = await roundAt(h, "review");
    expect(accepted(await assign(round, [[0, "giamkhao.1"]]))).toEqual({ id: round.id, assigned: 1 });
    expect(await pairsOf(round)).toEqual([[round.models[0]?.code, "giamkhao.1", "manual"]]);
    const reviewer = await h.as("giamkhao.1");
    expect((await auditOf(h, round.id)).at(-1)).toMatchObject({
      action: "round.assign.manual",
      after: { pairs: [{ modelId: round.models[0]?.id, reviewerUserId: reviewer.userId }] },
    });
  });

  it("assigns in bulk, leaving pairs already assigned as they are", async () => {
    const round = await roundAt(h, "draft");
    accepted(await assign(round, [[0, "giamkhao.1"]]));
    const bulk = accepted(
      await assign(round, [
        [0, "giamkhao.1"],
        [0, "giamkhao.2"],
        [1, "giamkhao.2"],
      ]),
    );
    expect(bulk.assigned).toBe(2);
    expect((await pairsOf(round)).filter(([, , source]) => source === "bulk")).toHaveLength(2);
    expect((await auditOf(h, round.id)).at(-1)?.action).toBe("round.assign.bulk");
  });

  it("refuses anyone outside the reviewer pool as one rule, unknown and role-less alike, changing nothing", async () => {
    const round = await roundAt(h, "review");
    const error = await h.expectRefusal("ROUND.NOT_A_REVIEWER", () =>
      assign(round, [
        [0, "nobody"],
        [1, "xem"],
        [1, "giamkhao.1"],
      ]),
    );
    expect(error.details).toEqual({ usernames: ["nobody", "xem"] });
    expect(error.message.en).toContain("nobody, xem");
  });

  it("refuses a reviewer whose unit owns the model, changing nothing", async () => {
    const round = await roundAt(h, "review", { models: 1, within: "TL-THANHHA-UBND" });
    await h.expectRefusal("ROUND.CONFLICT_OF_INTEREST", () => assign(round, [[0, "thanhha.canbo"]]));
  });

  it("refuses a reviewer who declared a conflict with the model, changing nothing", async () => {
    const round = await roundAt(h, "review");
    accepted(await assign(round, [[0, "giamkhao.1"]]));
    accepted(
      await h.app.run(declareConflict, await h.as("giamkhao.1"), {
        roundId: round.id,
        modelId: round.models[0]?.id ?? "",
        reason: "Người thân làm ở đơn vị này",
      }),
    );
    await h.expectRefusal("ROUND.CONFLICT_OF_INTEREST", () => assign(round, [[0, "giamkhao.1"]]));
  });

  it("refuses a model outside the round, changing nothing", async () => {
    const round = await roundAt(h, "review", { models: 1 });
    const other = await roundAt(h, "draft", { models: 2 });
    await h.expectRefusal("ROUND.MODEL_NOT_IN_ROUND", async () =>
      h.app.run(assignReviewers, await h.as("thanhliem.admin"), {
        roundId: round.id,
        assignments: [{ modelId: other.models[1]?.id ?? "", reviewerUsername: "giamkhao.1" }],
      }),
    );
  });

  it("refuses a round in council as the wrong stage, changing nothing", async () => {
    const round = await roundAt(h, "council", { models: 1 });
    await h.expectRefusal("ROUND.WRONG_STAGE", () => assign(round, [[0, "giamkhao.1"]]));
  });

  it("refuses a finalized round as locked, changing nothing", async () => {
    const round = await roundAt(h, "finalized", { models: 1 });
    await h.expectRefusal("ROUND.LOCKED", () => assign(round, [[0, "giamkhao.1"]]));
  });

  it("refuses an actor who does not administer the organizer, changing nothing", async () => {
    const round = await roundAt(h, "review", { models: 1 });
    await h.expectRefusal("AUTH.FORBIDDEN", () => assign(round, [[0, "giamkhao.1"]], "phunu.canbo"));
  });
});
