import { assignReviewers, drawReviewerPanel } from "@lantoa/app";
import { listRoundAssignments, loadRound, mayReview } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { auditOf, joinReviewerPool, roundAt } from "../support/round-fixtures.js";

describe.each(testEngines())("drawReviewerPanel on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
    await joinReviewerPool(h, "thanhha.canbo");
  });
  afterAll(async () => {
    await h?.close();
  });

  it("draws the round's number of reviewers for every model, none conflicted, with the recorded seed, audited", async () => {
    const round = await roundAt(h, "review", { models: 3, input: { reviewersPerModel: 3 } });
    const drawn = accepted(await h.app.run(drawReviewerPanel, await h.as("thanhliem.admin"), { roundId: round.id }));
    const seed = (await loadRound(h.database.db, round.id))?.row.draw_seed;
    expect(drawn).toEqual({ id: round.id, assigned: 9, seed });
    const assignments = await listRoundAssignments(h.database.db, round.id);
    for (const model of round.models) {
      const panel = assignments.filter((a) => a.model_id === model.id);
      expect(panel).toHaveLength(3);
      expect(panel.every((a) => a.source === "draw")).toBe(true);
      for (const a of panel) {
        const reviewer = await h.as(a.username);
        expect(await mayReview(h.database.db, round.id, model.id, reviewer.userId ?? "")).toBe(true);
      }
    }
    expect((await auditOf(h, round.id)).at(-1)).toMatchObject({ action: "round.draw", after: { seed, assigned: 9 } });
  });

  it("never draws the commune's own officer for the commune's model", async () => {
    const round = await roundAt(h, "review", { models: 1, within: "TL-THANHHA-UBND", input: { reviewersPerModel: 4 } });
    accepted(await h.app.run(drawReviewerPanel, await h.as("thanhliem.admin"), { roundId: round.id }));
    const panel = (await listRoundAssignments(h.database.db, round.id)).map((a) => a.username);
    expect(panel).toHaveLength(4);
    expect(panel).not.toContain("thanhha.canbo");
  });

  it("keeps reviewers assigned by hand and draws only the missing ones", async () => {
    const round = await roundAt(h, "review", { models: 1 });
    accepted(
      await h.app.run(assignReviewers, await h.as("thanhliem.admin"), {
        roundId: round.id,
        assignments: [{ modelId: round.models[0]?.id ?? "", reviewerUsername: "giamkhao.2" }],
      }),
    );
    const drawn = accepted(await h.app.run(drawReviewerPanel, await h.as("thanhliem.admin"), { roundId: round.id }));
    expect(drawn.assigned).toBe(1);
    const panel = await listRoundAssignments(h.database.db, round.id);
    expect(panel.map((a) => [a.username === "giamkhao.2", a.source]).sort()).toEqual([
      [false, "draw"],
      [true, "manual"],
    ]);
  });

  it("refuses a panel larger than the free pool, changing nothing", async () => {
    const round = await roundAt(h, "review", { models: 1, input: { reviewersPerModel: 10 } });
    await h.expectRefusal("ROUND.POOL_TOO_SMALL", async () =>
      h.app.run(drawReviewerPanel, await h.as("thanhliem.admin"), { roundId: round.id }),
    );
  });

  it("refuses a published round as locked, changing nothing", async () => {
    const round = await roundAt(h, "published", { models: 1 });
    await h.expectRefusal("ROUND.LOCKED", async () =>
      h.app.run(drawReviewerPanel, await h.as("thanhliem.admin"), { roundId: round.id }),
    );
  });

  it("refuses an actor who does not administer the organizer, changing nothing", async () => {
    const round = await roundAt(h, "review", { models: 1 });
    await h.expectRefusal("AUTH.FORBIDDEN", async () =>
      h.app.run(drawReviewerPanel, await h.as("giamkhao.1"), { roundId: round.id }),
    );
  });
});
