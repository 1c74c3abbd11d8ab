import { createHash } from "node:crypto";
import { canonicalJson } from "@lantoa/domain/round";
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

  it("stores a hash an independent computation gives: SHA-256 of the rows as canonical JSON", async () => {
    // Written here from the definition, not with hashRoundResults or canonicalJson: keys sorted
    // at every depth, no spaces, rows by model id, the computation time left out.
    const canonical = (v: unknown): string => {
      if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
      if (v !== null && typeof v === "object") {
        const o = v as Record<string, unknown>;
        const keys = Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(",")}}`;
      }
      return JSON.stringify(v);
    };
    const rows = await database.db
      .selectFrom("round_results")
      .select(["model_id", "total_milli", "max_milli", "eliminated", "tier", "rank", "breakdown", "explanation"])
      .where("round_id", "=", roundId)
      .execute();
    rows.sort((a, b) => (a.model_id < b.model_id ? -1 : 1));
    expect(rows.length).toBeGreaterThan(10);
    const expected = createHash("sha256").update(canonical(rows)).digest("hex");
    expect((await loadRound(database.db, roundId))?.row.results_hash).toBe(expected);
    // A row's content is part of it: one tier changed gives another hash.
    const changed = rows.map((r, i) => (i === 0 ? { ...r, tier: r.tier === "fail" ? "pass" : "fail" } : r));
    expect(createHash("sha256").update(canonical(changed)).digest("hex")).not.toBe(expected);
  });

  it("hashes with SHA-256 exactly as an outside tool does", () => {
    // printf '%s' '{"a":[{"c":3,"d":2}],"b":"Đ","é":null}' | sha256sum
    expect(
      createHash("sha256")
        .update(canonicalJson({ é: null, b: "Đ", a: [{ d: 2, c: 3 }] }))
        .digest("hex"),
    ).toBe("29a35adb89e7641eba7ba5dbda1a1ecedf85de82dabb3ef25fa97e80c78094d4");
  });

  it("refuses, in the database itself, any change to a finalized round's parts, and lets it only be published", async () => {
    const db = database.db;
    // A copy of the demo round at the council, with one result; then finalized.
    const [demo] = await db.selectFrom("rounds").selectAll().where("id", "=", roundId).execute();
    if (demo === undefined) throw new Error("demo round");
    const { id: finalizedId } = await db
      .insertInto("rounds")
      .values({
        code: `${DEMO_ROUND_CODE}-finalized-copy`,
        name: "Bản sao đã chốt",
        criteria_version_id: demo.criteria_version_id,
        organizer_unit_id: demo.organizer_unit_id,
        status: "council",
        period: demo.period,
        reference_date: demo.reference_date,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const [model] = await db.selectFrom("round_models").select("model_id").where("round_id", "=", roundId).execute();
    if (model === undefined) throw new Error("demo model");
    await db.insertInto("round_models").values({ round_id: finalizedId, model_id: model.model_id }).execute();
    await db
      .insertInto("round_results")
      .values({
        round_id: finalizedId,
        model_id: model.model_id,
        total_milli: 50_000,
        max_milli: 100_000,
        eliminated: false,
        tier: "pass",
        rank: 1,
        breakdown: "{}",
        explanation: "null",
        computed_at: "2022-12-15T08:00:00+07:00",
      })
      .execute();
    await db
      .updateTable("rounds")
      .set({ status: "finalized", finalized_at: "2022-12-16T08:00:00+07:00" })
      .where("id", "=", finalizedId)
      .execute();
    const refused = [
      () => db.updateTable("round_results").set({ rank: 2 }).where("round_id", "=", finalizedId).execute(),
      () => db.deleteFrom("round_results").where("round_id", "=", finalizedId).execute(),
      () => db.deleteFrom("round_models").where("round_id", "=", finalizedId).execute(),
      () => db.updateTable("rounds").set({ status: "council" }).where("id", "=", finalizedId).execute(),
      () => db.updateTable("rounds").set({ results_hash: "0" }).where("id", "=", finalizedId).execute(),
      () => db.deleteFrom("rounds").where("id", "=", finalizedId).execute(),
    ];
    for (const attempt of refused) await expect(attempt()).rejects.toThrow(/finalized/);
    expect(await db.selectFrom("round_results").select("rank").where("round_id", "=", finalizedId).execute()).toEqual([
      { rank: 1 },
    ]);
    await db
      .updateTable("rounds")
      .set({ status: "published", published_at: "2022-12-20T08:00:00+07:00" })
      .where("id", "=", finalizedId)
      .execute();
    await expect(
      db.updateTable("round_results").set({ rank: 2 }).where("round_id", "=", finalizedId).execute(),
    ).rejects.toThrow(/published/);
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
