import {
  assignReviewers,
  createApp,
  createModel,
  jobQueueActor,
  markNotificationsRead,
  outboxEmailQueue,
  saveNotificationPreferences,
  sendDueReminders,
  setRoundDeadlines,
  transitionModel,
} from "@lantoa/app";
import { lateScorecards, loadRound } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppHarness, accepted, NOW, startAppHarness } from "../support/app-harness.js";
import { suspendedCommendation } from "../support/register-fixtures.js";
import { auditOf, type RoundFixture, roundAt } from "../support/round-fixtures.js";

describe.each(testEngines())("notifications on %s", (engine) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startAppHarness(engine);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  let ids = 0;
  /** The harness's database with e-mail on (the outbox queue), as the gateway runs PGlite. */
  const mailingApp = () =>
    createApp({
      db: h.database.db,
      clock: () => NOW,
      newId: () => `eeeeeeee-0000-4000-8000-${(++ids).toString(16).padStart(12, "0")}`,
      emailQueue: outboxEmailQueue(),
    });
  const notificationsOf = async (username: string) => {
    const user = await h.as(username);
    return h.database.db
      .selectFrom("notifications")
      .select(["kind", "payload", "email_status", "read_at", "id"])
      .where("recipient_user_id", "=", user.userId ?? "")
      .orderBy("created_at")
      .orderBy("id")
      .execute();
  };
  const assign = async (app: ReturnType<typeof createApp>, round: RoundFixture, reviewer: string) =>
    accepted(
      await app.run(assignReviewers, await h.as("thanhliem.admin"), {
        roundId: round.id,
        assignments: [{ modelId: round.models[0]?.id ?? "", reviewerUsername: reviewer }],
      }),
    );

  it("tells a reviewer assigned by hand which model waits, with its e-mail queued", async () => {
    const round = await roundAt(h, "review");
    const before = (await notificationsOf("giamkhao.3")).length;
    await assign(mailingApp(), round, "giamkhao.3");
    const added = (await notificationsOf("giamkhao.3")).slice(before);
    expect(added).toMatchObject([
      {
        kind: "scorecard-assigned",
        email_status: "pending",
        payload: { roundId: round.id, count: 1, modelCodes: [round.models[0]?.code] },
      },
    ]);
  });

  it("keeps the notification in the app only when e-mail is off", async () => {
    const round = await roundAt(h, "review");
    const before = (await notificationsOf("giamkhao.2")).length;
    await assign(h.app, round, "giamkhao.2");
    expect((await notificationsOf("giamkhao.2")).slice(before).map((n) => n.email_status)).toEqual(["none"]);
  });

  it("queues no e-mail of a kind the recipient turned off, but still notifies in the app", async () => {
    const reviewer = await h.as("giamkhao.4");
    accepted(
      await h.app.run(saveNotificationPreferences, reviewer, {
        email: "giamkhao.4@lantoa.test",
        language: "en",
        emailKinds: ["deadline-approaching"],
      }),
    );
    const round = await roundAt(h, "review");
    const before = (await notificationsOf("giamkhao.4")).length;
    await assign(mailingApp(), round, "giamkhao.4");
    expect((await notificationsOf("giamkhao.4")).slice(before)).toMatchObject([
      { kind: "scorecard-assigned", email_status: "none" },
    ]);
  });

  it("tells the admins of the unit above when a model is submitted", async () => {
    const officer = await h.as("phunu.canbo");
    const draft = accepted(
      await h.app.run(createModel, officer, {
        code: h.unique("HPN-NOTICE-"),
        name: "Tổ phụ nữ tiết kiệm",
        ownerUnitId: await h.unit("TL-HPN"),
        fields: ["social-welfare"],
        problem: "Thiếu vốn",
        solution: "Góp vốn",
        startDate: "2023-01-15",
      }),
    );
    const before = (await notificationsOf("thanhliem.admin")).length;
    accepted(
      await h.app.run(transitionModel, officer, {
        modelId: draft.id,
        action: "submit",
        expectedVersion: 1,
      }),
    );
    expect((await notificationsOf("thanhliem.admin")).slice(before)).toMatchObject([
      { kind: "model-submitted", payload: { modelId: draft.id, modelName: "Tổ phụ nữ tiết kiệm" } },
    ]);
  });

  it("tells the admins of the unit above when a submitted model is withdrawn", async () => {
    const officer = await h.as("phunu.canbo");
    const draft = accepted(
      await h.app.run(createModel, officer, {
        code: h.unique("HPN-WITHDRAW-"),
        name: "Tủ sách gia đình",
        ownerUnitId: await h.unit("TL-HPN"),
        fields: ["social-welfare"],
        problem: "Ít sách",
        solution: "Góp sách",
        startDate: "2023-01-15",
      }),
    );
    accepted(await h.app.run(transitionModel, officer, { modelId: draft.id, action: "submit", expectedVersion: 1 }));
    const before = (await notificationsOf("thanhliem.admin")).length;
    accepted(await h.app.run(transitionModel, officer, { modelId: draft.id, action: "withdraw", expectedVersion: 2 }));
    expect((await notificationsOf("thanhliem.admin")).slice(before)).toMatchObject([
      { kind: "model-withdrawn", payload: { modelId: draft.id, modelName: "Tủ sách gia đình" } },
    ]);
  });

  it("marks only the viewer's own notifications read", async () => {
    const round = await roundAt(h, "review");
    await assign(h.app, round, "giamkhao.1");
    const mine = await notificationsOf("giamkhao.1");
    const theirs = await notificationsOf("giamkhao.2");
    const result = accepted(
      await h.app.run(markNotificationsRead, await h.as("giamkhao.1"), {
        ids: [mine.at(-1)?.id ?? "", theirs[0]?.id ?? ""],
      }),
    );
    expect(result.ids).toEqual([mine.at(-1)?.id]);
    expect((await notificationsOf("giamkhao.2"))[0]?.read_at).toBeNull();
  });

  it("sets a round's deadlines, audited, and refuses them out of order", async () => {
    const round = await roundAt(h, "review");
    const version = (await loadRound(h.database.db, round.id))?.row.version ?? 0;
    const admin = await h.as("thanhliem.admin");
    await h.expectRefusal("ROUND.DEADLINES_OUT_OF_ORDER", () =>
      h.app.run(setRoundDeadlines, admin, {
        roundId: round.id,
        deadlines: { review: "2023-09-20", council: "2023-09-10" },
        expectedVersion: version,
      }),
    );
    accepted(
      await h.app.run(setRoundDeadlines, admin, {
        roundId: round.id,
        deadlines: { review: "2023-09-03", council: "2023-09-10" },
        expectedVersion: version,
      }),
    );
    expect((await loadRound(h.database.db, round.id))?.row).toMatchObject({
      review_due: "2023-09-03",
      council_due: "2023-09-10",
    });
    expect((await auditOf(h, round.id)).at(-1)).toMatchObject({ action: "round.deadlines" });
  });

  it("reminds a reviewer with scorecards open once per offset, however often the reminders run", async () => {
    const round = await roundAt(h, "review");
    await assign(h.app, round, "giamkhao.1");
    const version = (await loadRound(h.database.db, round.id))?.row.version ?? 0;
    // NOW is 2023-09-01: due in two days is inside the 3-day offset.
    accepted(
      await h.app.run(setRoundDeadlines, await h.as("thanhliem.admin"), {
        roundId: round.id,
        deadlines: { review: "2023-09-03" },
        expectedVersion: version,
      }),
    );
    const remindersOf = async () =>
      (await notificationsOf("giamkhao.1")).filter(
        (n) => n.kind === "deadline-approaching" && (n.payload as { roundId: string }).roundId === round.id,
      );
    accepted(await h.app.run(sendDueReminders, jobQueueActor, { offsetsDays: [3, 1] }));
    accepted(await h.app.run(sendDueReminders, jobQueueActor, { offsetsDays: [3, 1] }));
    expect(await remindersOf()).toMatchObject([
      { payload: { roundId: round.id, step: "review", due: "2023-09-03", open: 1 } },
    ]);
  });

  it("tells the staff of the units whose models take part when self-assessment opens", async () => {
    const before = (await notificationsOf("phunu.canbo")).length;
    const round = await roundAt(h, "self-assessment", { within: "TL-HPN", models: 1 });
    expect((await notificationsOf("phunu.canbo")).slice(before)).toMatchObject([
      { kind: "round-step-opened", payload: { roundId: round.id, step: "self-assessment" } },
    ]);
  });

  it("lists for the organizer the scorecards past the review deadline, not the submitted ones", async () => {
    const round = await roundAt(h, "review");
    await assign(h.app, round, "giamkhao.2");
    const version = (await loadRound(h.database.db, round.id))?.row.version ?? 0;
    accepted(
      await h.app.run(setRoundDeadlines, await h.as("thanhliem.admin"), {
        roundId: round.id,
        deadlines: { review: "2023-08-31" },
        expectedVersion: version,
      }),
    );
    expect(await lateScorecards(h.database.db, round.id, "2023-08-31")).toEqual([]);
    expect(await lateScorecards(h.database.db, round.id, "2023-09-01")).toMatchObject([
      { modelId: round.models[0]?.id, reviewerName: "Giám khảo Trần Văn Hùng", due: "2023-08-31" },
    ]);
  });

  it("tells the commended unit's staff when an inspection finding suspends its commendation", async () => {
    const before = (await notificationsOf("phunu.canbo")).length;
    const commendationId = await suspendedCommendation(h);
    expect((await notificationsOf("phunu.canbo")).slice(before)).toMatchObject([
      { kind: "commendation-suspended", payload: { commendationId, reason: "Thành tích chưa có minh chứng" } },
    ]);
  });
});
