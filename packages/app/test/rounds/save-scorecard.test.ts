import { saveScorecard } from "@lantoa/app";
import { findScorecard, listRoundAssignments } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, startAppHarness } from "../support/app-harness.js";
import {
  auditOf,
  GOOD,
  joinReviewerPool,
  LOW,
  type RoundFixture,
  ratingsOf,
  roundAt,
} from "../support/round-fixtures.js";

describe.each(testEngines())("saveScorecard on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
    await joinReviewerPool(h, "thanhha.canbo");
  });
  afterAll(async () => {
    await h?.close();
  });

  type Card = { kind: "self" | "review"; scores?: Record<string, number>; submit?: boolean; expectedVersion?: number };
  const save = async (round: RoundFixture, modelId: string, as: string, card: Card) =>
    h.app.run(saveScorecard, await h.as(as), {
      roundId: round.id,
      modelId,
      kind: card.kind,
      ratings: ratingsOf(card.scores ?? GOOD),
      submit: card.submit ?? true,
      expectedVersion: card.expectedVersion,
    });
  const selfOf = (round: RoundFixture, modelId: string) =>
    findScorecard(h.database.db, { roundId: round.id, modelId, kind: "self", reviewerUserId: null });

  it("keeps a self-assessment draft, then submits it at the version read, audited", async () => {
    const round = await roundAt(h, "self-assessment", { models: 1 });
    const modelId = round.models[0]?.id ?? "";
    const draft = accepted(await save(round, modelId, "thanhliem.admin", { kind: "self", submit: false }));
    expect(draft).toMatchObject({ roundId: round.id, version: 1, extraReviewerId: null });
    expect(await selfOf(round, modelId)).toMatchObject({ status: "draft", version: 1 });
    accepted(await save(round, modelId, "thanhliem.admin", { kind: "self", expectedVersion: 1 }));
    expect(await selfOf(round, modelId)).toMatchObject({ status: "submitted", version: 2 });
    expect((await auditOf(h, draft.id)).map((a) => a.action)).toEqual(["scorecard.save", "scorecard.submit"]);
  });

  it("refuses to change a submitted scorecard, changing nothing", async () => {
    const round = await roundAt(h, "self-assessment", { models: 1 });
    const modelId = round.models[0]?.id ?? "";
    accepted(await save(round, modelId, "thanhliem.admin", { kind: "self" }));
    await h.expectRefusal("ROUND.SCORECARD_SUBMITTED", () =>
      save(round, modelId, "thanhliem.admin", { kind: "self", scores: LOW, expectedVersion: 1 }),
    );
  });

  it("refuses a draft saved at a stale version, changing nothing", async () => {
    const round = await roundAt(h, "self-assessment", { models: 1 });
    const modelId = round.models[0]?.id ?? "";
    accepted(await save(round, modelId, "thanhliem.admin", { kind: "self", submit: false }));
    accepted(await save(round, modelId, "thanhliem.admin", { kind: "self", submit: false, expectedVersion: 1 }));
    await h.expectRefusal("DB.STALE_VERSION", () =>
      save(round, modelId, "thanhliem.admin", { kind: "self", submit: false, expectedVersion: 1 }),
    );
  });

  it("refuses a submission without the comments the round requires, changing nothing", async () => {
    const round = await roundAt(h, "self-assessment", { models: 1, input: { commentsRequired: true } });
    await h.expectRefusal("ROUND.SCORECARD_INCOMPLETE", () =>
      save(round, round.models[0]?.id ?? "", "thanhliem.admin", { kind: "self" }),
    );
  });

  it("refuses a self-assessment by staff of another unit, changing nothing", async () => {
    const round = await roundAt(h, "self-assessment", { models: 1, within: "TL-THANHHA-UBND" });
    await h.expectRefusal("AUTH.FORBIDDEN", () =>
      save(round, round.models[0]?.id ?? "", "phunu.canbo", { kind: "self" }),
    );
  });

  it("refuses a self-assessment once review is open, changing nothing", async () => {
    const round = await roundAt(h, "review", { models: 1 });
    await h.expectRefusal("ROUND.WRONG_STAGE", () =>
      save(round, round.models[0]?.id ?? "", "thanhliem.admin", { kind: "self", submit: false }),
    );
  });

  it("refuses a model that is not eligible in the round, changing nothing", async () => {
    const round = await roundAt(h, "self-assessment", { models: 1 });
    const other = await roundAt(h, "draft", { models: 2 });
    await h.expectRefusal("ROUND.MODEL_NOT_IN_ROUND", () =>
      save(round, other.models[1]?.id ?? "", "thanhliem.admin", { kind: "self" }),
    );
  });

  it("takes an assigned reviewer's review and draws a further reviewer when two disagree beyond the gap", async () => {
    const round = await roundAt(h, "review-drawn", { models: 1 });
    const modelId = round.models[0]?.id ?? "";
    const [first, second] = await listRoundAssignments(h.database.db, round.id);
    expect(accepted(await save(round, modelId, first?.username ?? "", { kind: "review" })).extraReviewerId).toBeNull();
    const disagreeing = accepted(await save(round, modelId, second?.username ?? "", { kind: "review", scores: LOW }));
    const panel = await listRoundAssignments(h.database.db, round.id);
    const extra = panel.find((a) => a.source === "disagreement");
    expect(extra).toBeDefined();
    expect([first?.username, second?.username]).not.toContain(extra?.username);
    expect(disagreeing.extraReviewerId).toBe((await h.as(extra?.username ?? "")).userId);
    expect((await auditOf(h, disagreeing.id)).at(-1)).toMatchObject({
      action: "scorecard.submit",
      after: { kind: "review", extraReviewerId: disagreeing.extraReviewerId },
    });
  });

  it("refuses a review by a reviewer whose unit owns the model, changing nothing", async () => {
    const round = await roundAt(h, "review-drawn", { models: 1, within: "TL-THANHHA-UBND" });
    await h.expectRefusal("ROUND.CONFLICT_OF_INTEREST", () =>
      save(round, round.models[0]?.id ?? "", "thanhha.canbo", { kind: "review" }),
    );
  });

  it("refuses a review by someone not assigned the model, changing nothing", async () => {
    const round = await roundAt(h, "review-drawn", { models: 1 });
    const assigned = (await listRoundAssignments(h.database.db, round.id)).map((a) => a.username);
    const stranger = ["giamkhao.1", "giamkhao.2", "giamkhao.3", "giamkhao.4"].find((u) => !assigned.includes(u));
    await h.expectRefusal("ROUND.CONFLICT_OF_INTEREST", () =>
      save(round, round.models[0]?.id ?? "", stranger ?? "", { kind: "review" }),
    );
  });

  it("refuses a review of a finalized round as locked, changing nothing", async () => {
    const round = await roundAt(h, "finalized", { models: 1 });
    const [first] = await listRoundAssignments(h.database.db, round.id);
    await h.expectRefusal("ROUND.LOCKED", () =>
      save(round, round.models[0]?.id ?? "", first?.username ?? "", { kind: "review", scores: LOW }),
    );
  });
});
