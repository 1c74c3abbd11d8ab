import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ROUND_CODE, hashRoundResults, loadRound } from "../src/index.js";
import { createDemoTestDatabase, type TestDatabase, testEngines } from "../src/testing/index.js";

describe.each(testEngines())("round locks and hashes on %s", (engine) => {
  let database: TestDatabase;
  let roundId: string;

  beforeAll(async () => {
    database = await createDemoTestDatabase(engine);
    roundId = (
      await database.db.selectFrom("rounds").select("id").where("code", "=", DEMO_ROUND_CODE).executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it("stores the demo round's hash as anyone recomputes it from the results", async () => {
    const round = await loadRound(database.db, roundId);
    expect(round?.row.results_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashRoundResults(database.db, roundId)).toBe(round?.row.results_hash);
  });

  it("refuses, in the database itself, any change to a published round and its parts", async () => {
    const db = database.db;
    const refused = [
      () => db.updateTable("round_results").set({ rank: 1 }).where("round_id", "=", roundId).execute(),
      () => db.deleteFrom("round_results").where("round_id", "=", roundId).execute(),
      () => db.updateTable("scorecards").set({ status: "draft" }).where("round_id", "=", roundId).execute(),
      () => db.deleteFrom("reviewer_assignments").where("round_id", "=", roundId).execute(),
      () => db.deleteFrom("round_models").where("round_id", "=", roundId).execute(),
      () => db.deleteFrom("council_decisions").where("round_id", "=", roundId).execute(),
      () => db.updateTable("rounds").set({ status: "review" }).where("id", "=", roundId).execute(),
      () => db.updateTable("rounds").set({ results_hash: "0" }).where("id", "=", roundId).execute(),
      () => db.deleteFrom("rounds").where("id", "=", roundId).execute(),
      () =>
        sql`insert into round_chair_decisions (round_id, model_id, decision, reason, decided_at)
          select round_id, model_id, 'x', 'y', now() from round_models where round_id = ${roundId} limit 1`.execute(db),
    ];
    // One at a time: each refused statement is awaited before the next starts.
    for (const attempt of refused) await expect(attempt()).rejects.toThrow(/published/);
    expect(await hashRoundResults(db, roundId)).toBe((await loadRound(db, roundId))?.row.results_hash);
  });
});
