import { recordChairDecision } from "@lantoa/app";
import { listChairDecisions } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, NOW, startAppHarness } from "../support/app-harness.js";
import { auditOf, eligibleModels, type RoundFixture, roundAt } from "../support/round-fixtures.js";

describe.each(testEngines())("recordChairDecision on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  const decide = async (round: RoundFixture, modelId: string, reason: string, as = "thanhliem.admin") =>
    h.app.run(recordChairDecision, await h.as(as), { roundId: round.id, modelId, decision: "Giữ điểm", reason });

  it("records the decision with its reason, by whom and when, a later one replacing it, audited", async () => {
    const round = await roundAt(h, "review", { models: 2 });
    const model = round.models[1];
    accepted(await decide(round, model?.id ?? "", "Hai giám khảo lệch nhau quá ngưỡng"));
    accepted(await decide(round, model?.id ?? "", "Đã đối chiếu hồ sơ: giữ điểm của giám khảo thứ ba"));
    expect(await listChairDecisions(h.database.db, round.id)).toEqual([
      {
        modelId: model?.id,
        modelCode: model?.code,
        decision: "Giữ điểm",
        reason: "Đã đối chiếu hồ sơ: giữ điểm của giám khảo thứ ba",
        decidedBy: "Ban Tuyên giáo Huyện ủy Thanh Liêm",
        decidedAt: expect.anything(),
      },
    ]);
    const [row] = await listChairDecisions(h.database.db, round.id);
    expect(new Date(row?.decidedAt ?? 0).toISOString()).toBe(NOW.toISOString());
    expect((await auditOf(h, round.id)).at(-1)).toMatchObject({
      action: "round.chairDecision",
      after: { modelId: model?.id, decision: "Giữ điểm" },
    });
  });

  it("refuses a model that is not eligible in the round, changing nothing", async () => {
    const round = await roundAt(h, "review", { models: 1 });
    const [, outside] = await eligibleModels(h, 2);
    await h.expectRefusal("ROUND.MODEL_NOT_IN_ROUND", () => decide(round, outside?.id ?? "", "Không có minh chứng"));
  });

  it("refuses a round that is not under review, changing nothing", async () => {
    const round = await roundAt(h, "self-assessment", { models: 1 });
    await h.expectRefusal("ROUND.WRONG_STAGE", () => decide(round, round.models[0]?.id ?? "", "Sớm quá"));
  });

  it("refuses a finalized round as locked, changing nothing", async () => {
    const round = await roundAt(h, "finalized", { models: 1 });
    await h.expectRefusal("ROUND.LOCKED", () => decide(round, round.models[0]?.id ?? "", "Muộn quá"));
  });

  it("refuses an actor who does not administer the organizer, changing nothing", async () => {
    const round = await roundAt(h, "review", { models: 1 });
    await h.expectRefusal("AUTH.FORBIDDEN", () => decide(round, round.models[0]?.id ?? "", "Lý do", "giamkhao.1"));
  });
});
