import { assignReviewers, replayPanelDraw } from "@lantoa/app";
import { DEMO_ROUND_CODE, findRoundByCode, loadRound } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { drawPanel, roundAt } from "../support/round-fixtures.js";

describe.each(testEngines())("replayPanelDraw on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("re-runs a draw from its recorded seed around the hand-made assignments and finds the recorded panel", async () => {
    const round = await roundAt(h, "review", { models: 3 });
    accepted(
      await h.app.run(assignReviewers, await h.as("thanhliem.admin"), {
        roundId: round.id,
        assignments: [{ modelId: round.models[1]?.id ?? "", reviewerUsername: "giamkhao.2" }],
      }),
    );
    await drawPanel(h, round);
    const replay = await replayPanelDraw(h.database.db, round.id);
    expect(replay?.seed).toBe((await loadRound(h.database.db, round.id))?.row.draw_seed);
    expect(replay?.matches).toBe(true);
    expect(replay?.draws.flatMap((d) => d.reviewerIds)).toHaveLength(5);
  });

  it("says so when the recorded panel is not what the seed draws (the demo's was made by its seed script)", async () => {
    const demo = await findRoundByCode(h.database.db, DEMO_ROUND_CODE);
    const replay = await replayPanelDraw(h.database.db, demo?.id ?? "");
    expect(replay?.seed).toBe("2022");
    expect(replay?.matches).toBe(false);
  });

  it("answers null for a round that does not exist", async () => {
    expect(await replayPanelDraw(h.database.db, "00000000-0000-4000-8000-0000000000aa")).toBeNull();
  });
});
