import { advanceRound, createRound, declareConflict, recordChairDecision, recordCouncilDecision } from "@lantoa/app";
import { hashRoundResults, listRoundAssignments, loadRound } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import type { RoundStep } from "@lantoa/domain/round";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import {
  auditOf,
  GOOD,
  LOW,
  type RoundFixture,
  roundAt,
  roundInput,
  submitReviews,
} from "../support/round-fixtures.js";

describe.each(testEngines())("advanceRound on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  /**
   * A round under review whose first model's two reviewers disagree beyond the gap and
   * whose third, drawn for it, declared a conflict: every review is in, the disagreement
   * is not resolved.
   */
  const disputedRound = async () => {
    const round = await roundAt(h, "review-drawn");
    const disputed = round.models[0];
    await submitReviews(h, round, (code, nth) => (code === disputed?.code && nth === 1 ? LOW : GOOD));
    const third = (await listRoundAssignments(h.database.db, round.id)).find((a) => a.source === "disagreement");
    accepted(
      await h.app.run(declareConflict, await h.as(third?.username ?? ""), {
        roundId: round.id,
        modelId: disputed?.id ?? "",
        reason: "Tôi từng công tác tại đơn vị này",
      }),
    );
    return round;
  };
  const version = async (round: RoundFixture) => (await loadRound(h.database.db, round.id))?.row.version ?? 0;
  const take = async (round: RoundFixture, step: RoundStep, as = "thanhliem.admin") =>
    h.app.run(advanceRound, await h.as(as), { roundId: round.id, step, expectedVersion: await version(round) });

  it("opens self-assessment on a draft with eligible models, bumping the version, audited", async () => {
    const round = await roundAt(h, "draft");
    const moved = accepted(await take(round, "open-self-assessment"));
    expect(moved).toEqual({ id: round.id, from: "draft", status: "self-assessment", version: 2, resultsHash: null });
    const stored = await loadRound(h.database.db, round.id);
    expect(stored?.row).toMatchObject({ status: "self-assessment", version: 2 });
    const audit = await auditOf(h, round.id);
    expect(audit.at(-1)).toMatchObject({
      action: "round.open-self-assessment",
      before: { status: "draft", version: 1 },
      after: { status: "self-assessment", version: 2, resultsHash: null },
    });
  });

  it("opens the council by computing the results when every review is in", async () => {
    const round = await roundAt(h, "review-done");
    accepted(await take(round, "open-council"));
    const results = await h.database.db
      .selectFrom("round_results")
      .select("model_id")
      .where("round_id", "=", round.id)
      .execute();
    expect(results.map((r) => r.model_id).sort()).toEqual(round.models.map((m) => m.id).sort());
  });

  it("finalizes after the council's approval, storing the SHA-256 of the results as anyone recomputes it", async () => {
    const round = await roundAt(h, "council");
    const votes = { members: 9, present: 8, votesFor: 7, votesAgainst: 1, abstentions: 0 };
    accepted(await h.app.run(recordCouncilDecision, await h.as("thanhliem.admin"), { roundId: round.id, ...votes }));
    const finalized = accepted(await take(round, "finalize"));
    const hash = await hashRoundResults(h.database.db, round.id);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(finalized).toMatchObject({ status: "finalized", resultsHash: hash });
    expect((await loadRound(h.database.db, round.id))?.row).toMatchObject({
      status: "finalized",
      results_hash: hash,
      finalized_at: expect.anything(),
    });
  });

  it("publishes a finalized round, recording when", async () => {
    const round = await roundAt(h, "finalized");
    expect(accepted(await take(round, "publish")).status).toBe("published");
    expect((await loadRound(h.database.db, round.id))?.row.published_at).not.toBeNull();
  });

  it("opens the council over a disagreement once the chair has decided on it", async () => {
    const round = await disputedRound();
    accepted(
      await h.app.run(recordChairDecision, await h.as("thanhliem.admin"), {
        roundId: round.id,
        modelId: round.models[0]?.id ?? "",
        decision: "Giữ điểm",
        reason: "Đã đối chiếu hồ sơ",
      }),
    );
    expect(accepted(await take(round, "open-council")).status).toBe("council");
  });

  it("refuses to open self-assessment without an eligible model, changing nothing", async () => {
    const input = await roundInput(h, []);
    const { id } = accepted(await h.app.run(createRound, await h.as("thanhliem.admin"), input));
    const error = await h.expectRefusal("ROUND.REQUIREMENT_NOT_MET", async () =>
      take({ id, code: input.code, models: [] }, "open-self-assessment"),
    );
    expect(error.details).toMatchObject({ requirement: "eligible-models" });
  });

  it("refuses to open review while self-assessments are missing, naming the models, changing nothing", async () => {
    const round = await roundAt(h, "self-assessment");
    const error = await h.expectRefusal("ROUND.REQUIREMENT_NOT_MET", () => take(round, "open-review"));
    expect(error.details).toMatchObject({ requirement: "self-assessments" });
    expect((error.details as { modelIds: string[] }).modelIds.sort()).toEqual(round.models.map((m) => m.id).sort());
  });

  it("refuses to open the council while a further reviewer's scorecard is missing, naming the model", async () => {
    const round = await roundAt(h, "review-drawn");
    await submitReviews(h, round, (code, nth) => (code === round.models[0]?.code && nth === 1 ? LOW : GOOD));
    const error = await h.expectRefusal("ROUND.REQUIREMENT_NOT_MET", () => take(round, "open-council"));
    expect(error.details).toEqual({ requirement: "reviews", modelIds: [round.models[0]?.id] });
  });

  it("refuses to open the council over an unresolved disagreement, leaving no results behind", async () => {
    const round = await disputedRound();
    const error = await h.expectRefusal("ROUND.REQUIREMENT_NOT_MET", () => take(round, "open-council"));
    expect(error.details).toEqual({ requirement: "disagreements", modelIds: [round.models[0]?.id] });
  });

  it("refuses a step the status does not allow, changing nothing", async () => {
    const round = await roundAt(h, "draft");
    await h.expectRefusal("ROUND.STEP_NOT_ALLOWED", () => take(round, "finalize"));
  });

  it("refuses a stale version, changing nothing", async () => {
    const round = await roundAt(h, "draft");
    await h.expectRefusal("DB.STALE_VERSION", async () =>
      h.app.run(advanceRound, await h.as("thanhliem.admin"), {
        roundId: round.id,
        step: "open-self-assessment",
        expectedVersion: 7,
      }),
    );
  });

  it("refuses a round that does not exist, changing nothing", async () => {
    await h.expectRefusal("ROUND.NOT_FOUND", async () =>
      h.app.run(advanceRound, await h.as("thanhliem.admin"), {
        roundId: "00000000-0000-4000-8000-0000000000aa",
        step: "open-self-assessment",
        expectedVersion: 1,
      }),
    );
  });

  it("refuses an actor who does not administer the organizer, changing nothing", async () => {
    const round = await roundAt(h, "draft");
    await h.expectRefusal("AUTH.FORBIDDEN", () => take(round, "open-self-assessment", "giamkhao.1"));
  });
});
