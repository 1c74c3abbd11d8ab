import { computeRoundResults } from "@lantoa/app";
import { DEMO_ROUND_CODE, findRoundByCode, listRoundResults } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { auditOf, GOOD, roundAt, submitReviews } from "../support/round-fixtures.js";

describe.each(testEngines())("computeRoundResults on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  const compute = async (roundId: string, as = "thanhliem.admin") =>
    h.app.run(computeRoundResults, await h.as(as), { roundId });

  it("scores every eligible model and stores ranked results whose points add up, audited", async () => {
    const round = await roundAt(h, "review-drawn", { models: 3 });
    const best = round.models[2]?.code;
    await submitReviews(h, round, (code) =>
      code === best ? { novelty: 30, effectiveness: 10, reach: 10, theme: 5 } : GOOD,
    );
    const computed = accepted(await compute(round.id));
    expect(computed).toMatchObject({ id: round.id, models: 3, needsAnotherReviewer: [] });
    const results = await listRoundResults(h.database.db, round.id);
    // The top marks rank first; the two others share their reviewers' marks.
    expect(results[0]).toMatchObject({ modelCode: best, rank: 1 });
    const ranks = results.map((r) => r.rank ?? 0);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const r of results) {
      const points = (r.breakdown as { criteria: Array<{ pointsMilli: number }> }).criteria;
      expect(points.reduce((sum, c) => sum + c.pointsMilli, 0)).toBe(r.totalMilli);
    }
    expect((await auditOf(h, round.id)).at(-1)).toMatchObject({
      action: "round.computeResults",
      after: { models: 3, needsAnotherReviewer: [] },
    });
  });

  it("replaces earlier results when computed again", async () => {
    const round = await roundAt(h, "review-done", { models: 2 });
    accepted(await compute(round.id));
    accepted(await compute(round.id));
    expect(await listRoundResults(h.database.db, round.id)).toHaveLength(2);
  });

  it("refuses a round not under review, changing nothing", async () => {
    const round = await roundAt(h, "draft", { models: 1 });
    await h.expectRefusal("ROUND.WRONG_STAGE", () => compute(round.id));
  });

  it("refuses the published demo round as locked, changing nothing", async () => {
    const demo = await findRoundByCode(h.database.db, DEMO_ROUND_CODE);
    await h.expectRefusal("ROUND.LOCKED", () => compute(demo?.id ?? ""));
  });

  it("refuses an actor who does not administer the organizer, changing nothing", async () => {
    const round = await roundAt(h, "review-done", { models: 1 });
    await h.expectRefusal("AUTH.FORBIDDEN", () => compute(round.id, "giamkhao.1"));
  });
});
