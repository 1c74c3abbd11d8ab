import { roundWhatIf } from "@lantoa/app";
import { contentHash, listRoundResults } from "@lantoa/db";
import { snapshotDatabase, testEngines } from "@lantoa/db/testing";
import { type CriteriaSetDraft, defaultCriteriaSet, publishCriteriaSet } from "@lantoa/domain/criteria";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { type RoundFixture, roundAt } from "../support/round-fixtures.js";

describe.each(testEngines())("roundWhatIf on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
    // Version 2 of the default set weighs novelty more and reach less.
    const draft = structuredClone(defaultCriteriaSet) as CriteriaSetDraft;
    const reweighed = {
      ...draft,
      criteria: draft.criteria.map((c) =>
        c.kind === "rating" && c.id === "novelty"
          ? { ...c, points: 30 }
          : c.kind === "rating" && c.id === "reach"
            ? { ...c, points: 5 }
            : c,
      ),
    };
    const v2 = publishCriteriaSet(reweighed, { version: 2, publishedAt: "2023-02-01T08:00:00+07:00" });
    if (!v2.ok) throw new Error(v2.error.message.en);
    const set = await h.database.db
      .selectFrom("criteria_sets")
      .select("id")
      .where("code", "=", "default")
      .executeTakeFirstOrThrow();
    await h.database.db
      .insertInto("criteria_set_versions")
      .values({
        criteria_set_id: set.id,
        version_number: 2,
        status: "published",
        definition: JSON.stringify(v2.value),
        content_hash: contentHash(v2.value),
        published_at: v2.value.publishedAt,
      })
      .execute();
  });
  afterAll(async () => {
    await h?.close();
  });

  const whatIf = async (round: RoundFixture, criteriaVersion: number, as = "thanhliem.admin") =>
    h.app.run(roundWhatIf, await h.as(as), { roundId: round.id, criteriaSetCode: "default", criteriaVersion });

  it("rescores a finalized round under another version side by side, saving nothing", async () => {
    const round = await roundAt(h, "finalized", { models: 3 });
    const before = await snapshotDatabase(h.database.db);
    const compared = accepted(await whatIf(round, 2));
    const results = await listRoundResults(h.database.db, round.id);
    expect(compared.rows).toHaveLength(results.length);
    for (const r of results) {
      expect(compared.rows.find((w) => w.modelId === r.modelId)?.before).toMatchObject({
        totalMilli: r.totalMilli,
        tierId: r.tier,
        rank: r.rank,
      });
    }
    expect(compared.rows.some((w) => w.after?.totalMilli !== w.before?.totalMilli)).toBe(true);
    expect(await snapshotDatabase(h.database.db)).toEqual(before);
  });

  it("refuses a version that does not exist, changing nothing", async () => {
    const round = await roundAt(h, "finalized", { models: 1 });
    await h.expectRefusal("ROUND.CRITERIA_NOT_FOUND", () => whatIf(round, 9));
  });

  it("refuses a round not yet finalized, changing nothing", async () => {
    const round = await roundAt(h, "council", { models: 1 });
    await h.expectRefusal("ROUND.WRONG_STAGE", () => whatIf(round, 2));
  });

  it("refuses an actor who does not administer the organizer, changing nothing", async () => {
    const round = await roundAt(h, "finalized", { models: 1 });
    await h.expectRefusal("AUTH.FORBIDDEN", () => whatIf(round, 2, "giamkhao.1"));
  });
});
