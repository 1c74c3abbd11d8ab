import {
  createApp,
  type EmailQueue,
  graphileEmailQueue,
  jobQueueActor,
  outboxEmailQueue,
  sendDueReminders,
} from "@lantoa/app";
import { addGraphileJobs } from "@lantoa/db";
import { testEngines } from "@lantoa/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type JobRunner,
  prepareGraphileWorker,
  startGraphileJobRunner,
  startInProcessJobRunner,
} from "../src/jobs/job-runner.js";
import { smtpMailer } from "../src/jobs/smtp-mailer.js";
import { draftRound } from "./support/draft-round.js";
import { type GatewayHarness, globalId, startGatewayHarness } from "./support/gateway-harness.js";
import { eventually, startTestSmtp, type TestSmtp } from "./support/test-smtp.js";

const LONG = 120_000;
/** The gateway harness's clock: rounds due on 2023-09-03 are two days away. */
const AT = new Date("2023-09-01T08:00:00+07:00");
const PUBLIC_URL = "https://lantoa.test";
const ASSIGN = `mutation($r: ID!, $m: ID!, $u: String!) {
  assignReviewers(roundId: $r, assignments: [{ modelId: $m, reviewerUsername: $u }]) { __typename ... on Error { code } } }`;

describe.each(testEngines())("notification e-mail over SMTP on %s", (engine) => {
  let h: GatewayHarness;
  let smtp: TestSmtp;
  let databaseUrl: string | null = null;
  const runners: JobRunner[] = [];
  const wakeAll = () => {
    for (const runner of runners) runner.wake();
  };
  let rounds = 0;
  let models: Array<{ id: string; code: string }> = [];

  beforeAll(async () => {
    smtp = await startTestSmtp();
    // On PostgreSQL the gateway's app queues graphile-worker jobs; on PGlite the notifications are the outbox.
    const queue = (): EmailQueue => (engine === "postgres" ? graphileEmailQueue() : outboxEmailQueue(wakeAll));
    h = await startGatewayHarness(engine, { emailQueue: queue });
    if (engine === "postgres") {
      const url = new URL(process.env.TEST_DATABASE_URL ?? "");
      url.pathname = `/${h.database.name}`;
      databaseUrl = url.toString();
      await prepareGraphileWorker(databaseUrl);
    }
    // Two workers, as two gateways would run: on PostgreSQL each with its own pool.
    for (let i = 0; i < 2; i++) {
      const options = {
        db: h.database.db,
        app: createApp({ db: h.database.db, clock: () => AT, emailQueue: queue() }),
        mailer: smtpMailer({ url: smtp.url, from: "Lan Tỏa <khongtraloi@lantoa.test>" }),
        publicUrl: PUBLIC_URL,
        reminderOffsetsDays: [3, 1],
      };
      runners.push(
        databaseUrl
          ? await startGraphileJobRunner({ ...options, databaseUrl, crontab: false })
          : startInProcessJobRunner(options),
      );
    }
    models = await h.database.db
      .selectFrom("models as m")
      .innerJoin("units as u", "u.id", "m.owner_unit_id")
      .select(["m.id", "m.code"])
      .where("u.code", "=", "TL-HPN")
      .where("m.status", "=", "active")
      .orderBy("m.code")
      .limit(8)
      .execute();
  }, LONG);
  afterAll(async () => {
    for (const runner of runners) await runner.stop();
    await smtp?.close();
    await h?.close();
  }, LONG);

  /** A draft round of its own over one model (eligible, so reviewers may be assigned to it). */
  const freshRound = async () => {
    const model = models[rounds % models.length] ?? { id: "", code: "" };
    const code = `NOTICE-${engine}-${++rounds}`;
    const id = await draftRound(h, code, [model.code]);
    await h.database.db.updateTable("round_models").set({ eligible: true }).where("round_id", "=", id).execute();
    return { id, code, name: `Đợt thử ${code}`, model };
  };
  const assign = async (round: { id: string; model: { id: string } }, username: string) => {
    const response = await h.call(
      ASSIGN,
      { r: globalId("Round", round.id), m: globalId("Model", round.model.id), u: username },
      await h.signInAs("thanhliem.admin"),
    );
    expect(response.data?.assignReviewers?.__typename).toBe("MutationAssignReviewersSuccess");
  };
  const mailsAbout = (roundName: string) => smtp.received.filter((m) => m.subject.includes(roundName));
  const emailStatusOf = async (roundId: string, username: string) =>
    (
      await h.database.db
        .selectFrom("notifications as n")
        .innerJoin("users as u", "u.id", "n.recipient_user_id")
        .select("n.email_status")
        .where("u.username", "=", username)
        .where(({ eb, ref }) => eb(ref("n.payload", "->>").key("roundId" as never), "=", roundId))
        .execute()
    ).map((n) => n.email_status);

  it(
    "sends one e-mail to a reviewer assigned by hand, with the round in the subject and a link to their queue",
    async () => {
      const round = await freshRound();
      await assign(round, "giamkhao.1");
      await eventually(async () => (await emailStatusOf(round.id, "giamkhao.1")).includes("sent"));
      expect(mailsAbout(round.name)).toEqual([
        {
          to: ["giamkhao.1@lantoa.test"],
          subject: `[Lan Tỏa] Phiếu chấm mới: ${round.name}`,
          text: expect.stringContaining(`${PUBLIC_URL}/my-scorecards`),
        },
      ]);
    },
    LONG,
  );

  it(
    "sends a deadline reminder once although both workers look for reminders at the same time",
    async () => {
      const round = await freshRound();
      await assign(round, "giamkhao.2");
      await h.database.db
        .updateTable("rounds")
        .set({ status: "review", review_due: "2023-09-03" })
        .where("id", "=", round.id)
        .execute();
      if (databaseUrl) {
        // Two reminder jobs at once, one for each worker.
        await h.database.db.transaction().execute(async (trx) => {
          await addGraphileJobs(trx, [
            { task: "send-due-reminders", payload: {} },
            { task: "send-due-reminders", payload: {} },
          ]);
        });
      } else {
        const app = createApp({
          db: h.database.db,
          clock: () => AT,
          emailQueue: outboxEmailQueue(wakeAll),
        });
        await Promise.all([0, 1].map(() => app.run(sendDueReminders, jobQueueActor, { offsetsDays: [3, 1] })));
      }
      const reminders = () => mailsAbout(round.name).filter((m) => m.subject.includes("Sắp đến hạn"));
      await eventually(() => reminders().length > 0);
      // Both jobs done and every e-mail of the round sent: nothing more can arrive.
      await eventually(async () => (await emailStatusOf(round.id, "giamkhao.2")).every((s) => s === "sent"));
      if (databaseUrl) {
        await eventually(async () => {
          const { rows } = await sql<{ n: number }>`
            SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'send-due-reminders'`.execute(
            h.database.db,
          );
          return rows[0]?.n === 0;
        });
      }
      expect(reminders()).toMatchObject([
        { to: ["giamkhao.2@lantoa.test"], subject: `[Lan Tỏa] Sắp đến hạn chấm điểm: ${round.name}` },
      ]);
    },
    LONG,
  );

  it(
    "keeps an e-mail the SMTP server refuses and delivers it once the server takes mail again",
    async () => {
      const round = await freshRound();
      smtp.refusing = true;
      const refusedBefore = smtp.refused();
      try {
        await assign(round, "giamkhao.4");
        await eventually(() => smtp.refused() > refusedBefore);
        expect(await emailStatusOf(round.id, "giamkhao.4")).toEqual(["pending"]);
      } finally {
        smtp.refusing = false;
      }
      await eventually(async () => (await emailStatusOf(round.id, "giamkhao.4")).includes("sent"));
      expect(mailsAbout(round.name).map((m) => m.to)).toEqual([["giamkhao.4@lantoa.test"]]);
    },
    LONG,
  );

  it(
    "keeps an e-mail while the SMTP server is down and delivers it once the server is back",
    async () => {
      const round = await freshRound();
      await smtp.pause();
      try {
        await assign(round, "giamkhao.2");
        // A failed attempt is on record: graphile-worker's job, or the notification's own outbox columns.
        await eventually(async () => {
          if (databaseUrl) {
            const { rows } = await sql<{ attempts: number }>`
              SELECT j.attempts FROM graphile_worker.jobs j
              JOIN notifications n ON j.key = 'email:' || n.id
              WHERE n.payload->>'roundId' = ${round.id}`.execute(h.database.db);
            return (rows[0]?.attempts ?? 0) > 0;
          }
          const row = await h.database.db
            .selectFrom("notifications")
            .select("email_attempts")
            .where(sql<boolean>`payload->>'roundId' = ${round.id}`)
            .executeTakeFirst();
          return (row?.email_attempts ?? 0) > 0;
        });
        expect(await emailStatusOf(round.id, "giamkhao.2")).toEqual(["pending"]);
      } finally {
        await smtp.resume();
      }
      await eventually(async () => (await emailStatusOf(round.id, "giamkhao.2")).includes("sent"));
      expect(mailsAbout(round.name).map((m) => m.to)).toEqual([["giamkhao.2@lantoa.test"]]);
    },
    LONG,
  );

  it(
    "notifies in the app only a reviewer who turned e-mail off for assignments",
    async () => {
      const token = await h.signInAs("giamkhao.3");
      const saved = await h.call(
        `mutation { saveNotificationPreferences(language: "vi", emailKinds: ["deadline-approaching"]) {
          __typename ... on Error { code } } }`,
        {},
        token,
      );
      expect(saved.data?.saveNotificationPreferences?.__typename).toBe("MutationSaveNotificationPreferencesSuccess");
      const round = await freshRound();
      await assign(round, "giamkhao.3");
      // Another reviewer's e-mail of the same round, queued after, shows the queue has passed.
      await assign(round, "giamkhao.1");
      await eventually(async () => (await emailStatusOf(round.id, "giamkhao.1")).includes("sent"));
      expect(await emailStatusOf(round.id, "giamkhao.3")).toEqual(["none"]);
      expect(mailsAbout(round.name).map((m) => m.to)).toEqual([["giamkhao.1@lantoa.test"]]);
      const inbox = await h.call(
        `{ unreadNotificationCount notifications(first: 1) { edges { node { kind subject link } } } }`,
        {},
        token,
      );
      expect(inbox.data?.notifications.edges[0].node).toEqual({
        kind: "scorecard-assigned",
        subject: `Phiếu chấm mới: ${round.name}`,
        link: "/my-scorecards",
      });
      const english = await h.call(
        `{ notifications(first: 1, language: "en") { edges { node { subject } } } }`,
        {},
        token,
      );
      expect(english.data?.notifications.edges[0].node.subject).toBe(`New scorecards: ${round.name}`);
    },
    LONG,
  );
});
