import { DEMO_ROUND_CODE } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { draftRound } from "./support/draft-round.js";
import { type GatewayHarness, globalId, ROLES, type Role, startGatewayHarness } from "./support/gateway-harness.js";

const LEADERBOARD = `query($c: String!) { leaderboard(roundCode: $c) { modelCode total tier } }`;
const RESULTS = `query($id: ID!) { node(id: $id) { ... on Round { results { modelCode total tier } } } }`;
const EXPORT = `query($id: ID!) { roundExport(roundId: $id, format: CSV) { base64 } }`;
const ORGANIZERS: readonly Role[] = ["unitAdmin", "systemAdmin"];

describe.each(testEngines())("what is public about a round, on %s", (engine) => {
  let h: GatewayHarness;
  const running = { code: "VISIBILITY-COUNCIL", id: "" };
  let demoRoundId = "";

  beforeAll(async () => {
    h = await startGatewayHarness(engine);
    const db = h.database.db;
    const model = await db
      .selectFrom("models as m")
      .innerJoin("units as u", "u.id", "m.owner_unit_id")
      .select(["m.id", "m.code"])
      .where("u.code", "=", "TL-HPN")
      .orderBy("m.code")
      .executeTakeFirstOrThrow();
    running.id = await draftRound(h, running.code, [model.code]);
    // Results computed, the council still to decide: not public yet.
    await db
      .insertInto("round_results")
      .values({
        round_id: running.id,
        model_id: model.id,
        total_milli: 81_000,
        max_milli: 100_000,
        tier: "gold",
        rank: 1,
        breakdown: JSON.stringify({ criteria: [], gates: [], demotedFrom: null, position: 1 }),
        explanation: JSON.stringify(null),
      })
      .execute();
    await db.updateTable("rounds").set({ status: "council" }).where("id", "=", running.id).execute();
    demoRoundId = (
      await db.selectFrom("rounds").select("id").where("code", "=", DEMO_ROUND_CODE).executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each(ROLES)(
    "keeps a round's results from %s until publication unless they organize it, on every path",
    async (role) => {
      const token = h.tokens[role];
      const board = await h.call(LEADERBOARD, { c: running.code }, token);
      const results = await h.call(RESULTS, { id: globalId("Round", running.id) }, token);
      const file = await h.call(EXPORT, { id: globalId("Round", running.id) }, token);
      const may = ORGANIZERS.includes(role);
      expect(board.data?.leaderboard?.length ?? 0).toBe(may ? 1 : 0);
      expect(results.data?.node?.results?.length ?? 0).toBe(may ? 1 : 0);
      expect(typeof file.data?.roundExport?.base64).toBe(may ? "string" : "undefined");
      if (!may) {
        for (const refused of [board, results, file]) expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      }
    },
  );

  it.each(ROLES)("gives %s a published round's results, the same on every path", async (role) => {
    const token = h.tokens[role];
    const board = await h.call(
      `query($c: String!) { leaderboard(roundCode: $c, limit: 200) { modelCode total tier } }`,
      { c: DEMO_ROUND_CODE },
      token,
    );
    const results = await h.call(RESULTS, { id: globalId("Round", demoRoundId) }, token);
    expect(board.errors).toBeUndefined();
    expect(results.errors).toBeUndefined();
    expect(board.data.leaderboard.length).toBeGreaterThan(0);
    expect(board.data.leaderboard).toEqual(results.data.node.results);
  });

  it.each(ROLES)(
    "shows reviewers' names and comments in a published round's export to %s only if they organize it",
    async (role) => {
      const reviewerNames = (
        await h.database.db
          .selectFrom("reviewer_assignments as a")
          .innerJoin("users as u", "u.id", "a.reviewer_user_id")
          .select("u.display_name")
          .where("a.round_id", "=", demoRoundId)
          .distinct()
          .execute()
      ).map((r) => r.display_name);
      const file = await h.call(EXPORT, { id: globalId("Round", demoRoundId) }, h.tokens[role]);
      expect(file.errors).toBeUndefined();
      const csv = Buffer.from(file.data.roundExport.base64, "base64").toString("utf8");
      expect(csv).toContain("Tổng điểm");
      const may = ORGANIZERS.includes(role);
      expect(csv.includes("Phiếu chấm")).toBe(may);
      for (const name of reviewerNames) expect(csv.includes(name)).toBe(may);
    },
  );
});
