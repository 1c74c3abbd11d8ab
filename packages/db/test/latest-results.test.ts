import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ROUND_CODE, latestPublishedResults } from "../src/index.js";
import { createDemoTestDatabase, type TestDatabase, testEngines } from "../src/testing/index.js";

describe.each(testEngines())("a model's latest published result on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createDemoTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  /** A copy of the demo round with one result for the model, published at `publishedAt`. */
  async function publishedCopy(id: string, modelId: string, totalMilli: number, publishedAt: string) {
    const db = database.db;
    const demo = await db
      .selectFrom("rounds")
      .selectAll()
      .where("code", "=", DEMO_ROUND_CODE)
      .executeTakeFirstOrThrow();
    await db
      .insertInto("rounds")
      .values({
        id,
        code: `TIE-${id.slice(0, 4)}`,
        name: `Bản sao ${id.slice(0, 4)}`,
        criteria_version_id: demo.criteria_version_id,
        organizer_unit_id: demo.organizer_unit_id,
        status: "council",
        period: demo.period,
        reference_date: demo.reference_date,
      })
      .execute();
    await db.insertInto("round_models").values({ round_id: id, model_id: modelId }).execute();
    await db
      .insertInto("round_results")
      .values({
        round_id: id,
        model_id: modelId,
        total_milli: totalMilli,
        max_milli: 100_000,
        eliminated: false,
        tier: "pass",
        rank: 1,
        breakdown: "{}",
        explanation: "null",
        computed_at: "2030-01-01T08:00:00+07:00",
      })
      .execute();
    await db
      .updateTable("rounds")
      .set({ status: "finalized", finalized_at: publishedAt })
      .where("id", "=", id)
      .execute();
    await db
      .updateTable("rounds")
      .set({ status: "published", published_at: publishedAt })
      .where("id", "=", id)
      .execute();
  }

  it("is the same round's on every read when two rounds were published at the same moment: the lower id's", async () => {
    const model = await database.db
      .selectFrom("models")
      .select("id")
      .where("code", "=", "TL-2021-DUONGHOA")
      .executeTakeFirstOrThrow();
    const at = "2030-06-01T08:00:00+07:00";
    // The higher id first, so that a read in insertion order would find it first.
    await publishedCopy("ffffffff-0000-4000-8000-000000000000", model.id, 11_000, at);
    await publishedCopy("00000000-0000-4000-8000-000000000000", model.id, 22_000, at);
    const [latest] = await latestPublishedResults(database.db, [model.id]);
    expect(latest?.round_id).toBe("00000000-0000-4000-8000-000000000000");
    expect(latest?.total_milli).toBe(22_000);
  });
});
