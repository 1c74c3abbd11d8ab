import { issueRoundCommendations } from "@lantoa/app";
import { listRoundResults } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { auditOf, type RoundFixture, roundAt } from "../support/round-fixtures.js";

describe.each(testEngines())("issueRoundCommendations on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  type Decision = { tiers: string[]; goldenBook?: boolean; form?: string; decisionNumber?: string };
  const decision = (overrides: Decision) => ({
    decisionNumber: h.unique("QĐ-"),
    decisionDate: "2023-01-10",
    issuer: "Ban Thường vụ Huyện ủy Thanh Liêm",
    level: "district",
    form: "certificate-of-commendation",
    ...overrides,
  });
  const issue = async (round: RoundFixture, input: Decision, as = "thanhliem.admin") =>
    h.app.run(issueRoundCommendations, await h.as(as), { roundId: round.id, ...decision(input) });
  const commendationsOf = (round: RoundFixture) =>
    h.database.db
      .selectFrom("commendations")
      .select(["id", "recipient_model_id", "decision_number", "form"])
      .where("round_id", "=", round.id)
      .execute();

  it("commends the models of the chosen tiers, into their records and the golden book, audited", async () => {
    const round = await roundAt(h, "finalized", { models: 3 });
    const results = await listRoundResults(h.database.db, round.id);
    const tier = results[0]?.tier ?? "good";
    const chosen = results.filter((r) => !r.eliminated && r.tier === tier);
    const issued = accepted(await issue(round, { tiers: [tier], goldenBook: true }));
    expect(issued).toEqual({ id: round.id, commended: chosen.length, goldenBookEntries: chosen.length });
    const stored = await commendationsOf(round);
    expect(stored.map((c) => c.recipient_model_id).sort()).toEqual(chosen.map((r) => r.modelId).sort());
    const book = await h.database.db
      .selectFrom("golden_book_entries")
      .select(["status", "commendation_id", "deed"])
      .where(
        "commendation_id",
        "in",
        stored.map((c) => c.id),
      )
      .execute();
    expect(book).toHaveLength(chosen.length);
    expect(book.every((b) => b.status === "verified" && b.deed.includes(round.code))).toBe(true);
    const audit = (await auditOf(h, round.id)).at(-1);
    expect(audit).toMatchObject({ action: "round.commend", after: { tiers: [tier], goldenBook: true } });
    const commended = (audit?.after as { commended?: string[] } | undefined)?.commended ?? [];
    expect([...commended].sort()).toEqual(chosen.map((r) => r.modelId).sort());
  });

  it("skips the models the same decision already commended in the round", async () => {
    const round = await roundAt(h, "published", { models: 2 });
    const tiers = [...new Set((await listRoundResults(h.database.db, round.id)).map((r) => r.tier ?? ""))];
    const same = decision({ tiers });
    const first = accepted(await issue(round, same));
    expect(first.commended).toBeGreaterThan(0);
    expect(accepted(await issue(round, same))).toEqual({ id: round.id, commended: 0, goldenBookEntries: 0 });
    expect(await commendationsOf(round)).toHaveLength(first.commended);
  });

  it("refuses a tier the round's criteria set does not have, changing nothing", async () => {
    const round = await roundAt(h, "finalized", { models: 1 });
    const error = await h.expectRefusal("ROUND.UNKNOWN_TIER", () => issue(round, { tiers: ["good", "gold"] }));
    expect(error.details).toEqual({ unknown: ["gold"] });
  });

  it("refuses a round not yet finalized, changing nothing", async () => {
    const round = await roundAt(h, "council", { models: 1 });
    await h.expectRefusal("ROUND.WRONG_STAGE", () => issue(round, { tiers: ["good"] }));
  });

  it("refuses an unknown form as INPUT.INVALID, changing nothing", async () => {
    const round = await roundAt(h, "finalized", { models: 1 });
    await h.expectRefusal("INPUT.INVALID", () => issue(round, { tiers: ["good"], form: "trophy" }));
  });

  it("refuses an actor who does not administer the organizer, changing nothing", async () => {
    const round = await roundAt(h, "finalized", { models: 1 });
    await h.expectRefusal("AUTH.FORBIDDEN", () => issue(round, { tiers: ["good"] }, "phunu.canbo"));
  });
});
