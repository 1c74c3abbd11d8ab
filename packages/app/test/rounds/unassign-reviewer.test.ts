import { assignReviewers, saveScorecard, unassignReviewer } from "@lantoa/app";
import { listRoundAssignments } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { auditOf, GOOD, type RoundFixture, ratingsOf, roundAt } from "../support/round-fixtures.js";

describe.each(testEngines())("unassignReviewer on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  const assign = async (round: RoundFixture, reviewerUsername: string) =>
    accepted(
      await h.app.run(assignReviewers, await h.as("thanhliem.admin"), {
        roundId: round.id,
        assignments: [{ modelId: round.models[0]?.id ?? "", reviewerUsername }],
      }),
    );
  const unassign = async (round: RoundFixture, reviewerUsername: string, as = "thanhliem.admin") =>
    h.app.run(unassignReviewer, await h.as(as), {
      roundId: round.id,
      modelId: round.models[0]?.id ?? "",
      reviewerUsername,
    });
  const reviewersOf = async (round: RoundFixture) =>
    (await listRoundAssignments(h.database.db, round.id)).map((a) => a.username);

  it("takes a reviewer off a model, audited round.unassign", async () => {
    const round = await roundAt(h, "review");
    await assign(round, "giamkhao.1");
    expect(accepted(await unassign(round, "giamkhao.1"))).toEqual({ id: round.id });
    expect(await reviewersOf(round)).toEqual([]);
    const reviewer = await h.as("giamkhao.1");
    expect((await auditOf(h, round.id)).at(-1)).toMatchObject({
      action: "round.unassign",
      before: { modelId: round.models[0]?.id, reviewerUserId: reviewer.userId, source: "manual" },
    });
  });

  it("refuses once the reviewer's scorecard for the model exists, changing nothing", async () => {
    const round = await roundAt(h, "review");
    await assign(round, "giamkhao.1");
    accepted(
      await h.app.run(saveScorecard, await h.as("giamkhao.1"), {
        roundId: round.id,
        modelId: round.models[0]?.id ?? "",
        kind: "review",
        ratings: ratingsOf(GOOD),
        submit: false,
      }),
    );
    const error = await h.expectRefusal("ROUND.SCORECARD_STARTED", () => unassign(round, "giamkhao.1"));
    expect(error.details).toMatchObject({ reviewerUsername: "giamkhao.1", scorecardStatus: "draft" });
    expect(await reviewersOf(round)).toEqual(["giamkhao.1"]);
  });

  it("refuses a reviewer not assigned to the model, changing nothing", async () => {
    const round = await roundAt(h, "review");
    await h.expectRefusal("ROUND.ASSIGNMENT_NOT_FOUND", () => unassign(round, "giamkhao.2"));
  });

  it("refuses anyone but an admin of the organizer, changing nothing", async () => {
    const round = await roundAt(h, "review");
    await assign(round, "giamkhao.1");
    await h.expectRefusal("AUTH.FORBIDDEN", () => unassign(round, "giamkhao.1", "phunu.canbo"));
    expect(await reviewersOf(round)).toEqual(["giamkhao.1"]);
  });

  it("refuses once the round is in council, changing nothing", async () => {
    const round = await roundAt(h, "council");
    const [first] = await listRoundAssignments(h.database.db, round.id);
    await h.expectRefusal("ROUND.WRONG_STAGE", async () =>
      h.app.run(unassignReviewer, await h.as("thanhliem.admin"), {
        roundId: round.id,
        modelId: first?.model_id ?? "",
        reviewerUsername: first?.username ?? "",
      }),
    );
  });
});
