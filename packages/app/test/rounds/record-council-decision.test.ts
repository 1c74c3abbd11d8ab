import { recordCouncilDecision } from "@lantoa/app";
import { listCouncilDecisions } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import { auditOf, type RoundFixture, roundAt } from "../support/round-fixtures.js";

describe.each(testEngines())("recordCouncilDecision on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  const vote = async (
    round: RoundFixture,
    present: number,
    votesFor: number,
    votesAgainst: number,
    as = "thanhliem.admin",
  ) =>
    h.app.run(recordCouncilDecision, await h.as(as), {
      roundId: round.id,
      members: 9,
      present,
      votesFor,
      votesAgainst,
      abstentions: 0,
      note: "Phiên họp hội đồng",
    });

  // Defaults: 2/3 of 9 members present (6), 70 % of the votes cast for.
  it("records a sitting without quorum as such, with what quorum and approval needed, audited", async () => {
    const round = await roundAt(h, "council", { models: 1 });
    expect(accepted(await vote(round, 5, 5, 0))).toEqual({
      id: round.id,
      outcome: "no-quorum",
      quorumNeeded: 6,
      approvalsNeeded: 4,
    });
    expect(await listCouncilDecisions(h.database.db, round.id)).toEqual([
      expect.objectContaining({
        members: 9,
        present: 5,
        votes_for: 5,
        outcome: "no-quorum",
        chair_note: "Phiên họp hội đồng",
      }),
    ]);
    expect((await auditOf(h, round.id)).at(-1)).toMatchObject({
      action: "round.councilDecision",
      after: { members: 9, present: 5, outcome: "no-quorum", note: "Phiên họp hội đồng" },
    });
  });

  it("rejects below the approval threshold and approves above it", async () => {
    const round = await roundAt(h, "council", { models: 1 });
    expect(accepted(await vote(round, 8, 5, 3)).outcome).toBe("rejected");
    expect(accepted(await vote(round, 8, 7, 1)).outcome).toBe("approved");
    expect((await listCouncilDecisions(h.database.db, round.id)).map((d) => d.outcome)).toEqual([
      "rejected",
      "approved",
    ]);
  });

  it("refuses more votes than members present, changing nothing", async () => {
    const round = await roundAt(h, "council", { models: 1 });
    await h.expectRefusal("ROUND.INVALID_VOTES", () => vote(round, 6, 5, 3));
  });

  it("refuses a round not in council, changing nothing", async () => {
    const round = await roundAt(h, "review", { models: 1 });
    await h.expectRefusal("ROUND.WRONG_STAGE", () => vote(round, 8, 7, 1));
  });

  it("refuses a finalized round as locked, changing nothing", async () => {
    const round = await roundAt(h, "finalized", { models: 1 });
    await h.expectRefusal("ROUND.LOCKED", () => vote(round, 9, 0, 9));
  });

  it("refuses an actor who does not administer the organizer, changing nothing", async () => {
    const round = await roundAt(h, "council", { models: 1 });
    await h.expectRefusal("AUTH.FORBIDDEN", () => vote(round, 8, 7, 1, "xem"));
  });
});
