import { createApp, createRound } from "@lantoa/app";
import { addGraphileJobs, sessionUserByUsername } from "@lantoa/db";
import { createDemoTestDatabase, type TestDatabase, testEngines } from "@lantoa/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayProcess, startGatewayProcess } from "./support/gateway-process.js";
import { eventually, startTestSmtp, type TestSmtp } from "./support/test-smtp.js";

const LONG = 180_000;

/** Starts the built gateway on `databaseUrl`, sending mail to `smtpUrl`, with the job queue on PostgreSQL. */
async function startGateway(databaseUrl: string, smtpUrl: string): Promise<GatewayProcess> {
  const gateway = await startGatewayProcess({
    DATABASE_URL: databaseUrl,
    LANTOA_SEED_DEMO: "false",
    LANTOA_SMTP_URL: smtpUrl,
    LANTOA_PUBLIC_URL: "https://lantoa.test",
    // Gateways on one database share their signing key (a random one runs only alone).
    LANTOA_FILE_SIGNING_KEY: "two-gateways-test-signing-key-0123456789",
  });
  expect(gateway.output()).toContain("Jobs:       graphile-worker on PostgreSQL");
  return gateway;
}

/** The day `days` from now (UTC), as the gateways' own clock sees it. */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

// PGlite is one process by design (its folder is locked): this is PostgreSQL's case.
describe.runIf(testEngines().includes("postgres"))("two gateway processes running the job queue", () => {
  let database: TestDatabase;
  let smtp: TestSmtp;
  const gateways: GatewayProcess[] = [];
  let roundName = "";

  beforeAll(async () => {
    smtp = await startTestSmtp();
    database = await createDemoTestDatabase("postgres");
    const url = new URL(process.env.TEST_DATABASE_URL ?? "");
    url.pathname = `/${database.name}`;
    // A round under review due in two days, with a reviewer whose scorecard is not in.
    const db = database.db;
    const admin = await sessionUserByUsername(db, "thanhliem.admin");
    if (!admin) throw new Error("no demo account thanhliem.admin");
    const organizer = await db.selectFrom("units").select("id").where("code", "=", "TL").executeTakeFirstOrThrow();
    const model = await db
      .selectFrom("models as m")
      .innerJoin("units as u", "u.id", "m.owner_unit_id")
      .select(["m.id", "m.code"])
      .where("u.code", "=", "TL-HPN")
      .where("m.status", "=", "active")
      .orderBy("m.code")
      .executeTakeFirstOrThrow();
    roundName = `Đợt nhắc hạn hai tiến trình ${Date.now().toString(36)}`;
    const created = await createApp({ db }).run(createRound, admin, {
      code: `TWO-GATEWAYS-${Date.now().toString(36)}`,
      name: roundName,
      criteriaSetCode: "default",
      criteriaVersion: 1,
      organizerUnitId: organizer.id,
      period: "2023",
      referenceDate: "2023-08-15",
      modelCodes: [model.code],
    });
    if (!created.ok) throw new Error(created.error.code);
    const reviewer = await db
      .selectFrom("users")
      .select("id")
      .where("username", "=", "giamkhao.1")
      .executeTakeFirstOrThrow();
    await db.updateTable("round_models").set({ eligible: true }).where("round_id", "=", created.value.id).execute();
    await db
      .insertInto("reviewer_assignments")
      .values({ round_id: created.value.id, model_id: model.id, reviewer_user_id: reviewer.id, source: "manual" })
      .execute();
    await db
      .updateTable("rounds")
      .set({ status: "review", review_due: dayFromNow(2) })
      .where("id", "=", created.value.id)
      .execute();
    // One gateway after the other: the first installs graphile-worker's schema.
    for (let i = 0; i < 2; i++) gateways.push(await startGateway(url.toString(), smtp.url));
  }, LONG);
  afterAll(async () => {
    for (const gateway of gateways) await gateway.stop();
    await smtp?.close();
    await database?.close();
  }, LONG);

  it(
    "sends a deadline reminder once when both gateways look for reminders at the same time",
    async () => {
      // Each gateway looked once at start (one keyed job); two more at once, one for each worker.
      await database.db.transaction().execute((trx) =>
        addGraphileJobs(trx, [
          { task: "send-due-reminders", payload: {} },
          { task: "send-due-reminders", payload: {} },
        ]),
      );
      const reminders = () =>
        smtp.received.filter((m) => m.subject === `[Lan Tỏa] Sắp đến hạn chấm điểm: ${roundName}`);
      await eventually(() => reminders().length > 0, 60_000);
      await eventually(async () => {
        const { rows } = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM graphile_worker.jobs`.execute(database.db);
        const pending = await database.db
          .selectFrom("notifications")
          .select("id")
          .where("email_status", "=", "pending")
          .execute();
        return rows[0]?.n === 0 && pending.length === 0;
      }, 60_000);
      expect(reminders().map((m) => m.to)).toEqual([["giamkhao.1@lantoa.test"]]);
      expect(reminders()[0]?.text).toContain("https://lantoa.test/my-scorecards");
    },
    LONG,
  );
});
