import { commandLineActor, createApp, createUser, defineUseCase } from "@lantoa/app";
import { DEMO_OPEN_ROUND_CODE, DEMO_PASSWORD } from "@lantoa/db";
import { createDemoTestDatabase, type TestDatabase, testEngines } from "@lantoa/db/testing";
import { ok } from "@lantoa/domain/errors";
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { BUS_APPLICATION_NAME, type ClusterBus, postgresClusterBus } from "../src/index.js";
import { modelInput } from "./support/authorization-matrix.js";
import { type GatewayHarness, globalId, startGatewayHarness } from "./support/gateway-harness.js";

const VIEWER = `{ viewer { username roles { role } } }`;
const COUNT = `query($u: ID!) { models(first: 1, filter: { withinUnitId: $u }) { totalCount } }`;
const PROGRESS = `subscription($r: ID!) { roundProgress(roundId: $r) { reviewsSubmitted missingReviews } }`;
const UNASSIGN = `mutation($r: ID!, $m: ID!, $u: String!) {
  unassignReviewer(roundId: $r, modelId: $m, reviewerUsername: $u) { __typename }
}`;
const IMPORT_PROGRESS = `subscription($op: String!) { importProgress(operationId: $op) { operationId phase done total } }`;
const IMPORT = `mutation($file: File!, $kind: ImportKind!, $dryRun: Boolean!, $op: String) {
  importSpreadsheet(file: $file, kind: $kind, dryRun: $dryRun, operationId: $op) { __typename }
}`;
const CSV = `\uFEFF${[
  "Mã mô hình,Tên mô hình,Mã đơn vị,Lĩnh vực,Ngày bắt đầu,Chỉ tiêu,Kỳ,Giá trị",
  "CUM-2024-01,Mô hình cụm một,TL-THANHHA,economy,01/03/2024,road-length,2024,1.5",
  "CUM-2024-02,Mô hình cụm hai,TL-HPN,social-welfare,15/04/2024,people-helped,2024,12",
].join("\r\n")}\r\n`;

// Another process's use case (the command line's): it announces nothing in the gateways'
// processes, so only the database's NOTIFY can reach them.
const UserId = z.object({ userId: z.string() });
const makeViewer = defineUseCase({
  name: "testClusterMakeViewer",
  input: UserId,
  run: async ({ trx }, input) => {
    await trx.updateTable("role_assignments").set({ role: "viewer" }).where("user_id", "=", input.userId).execute();
    return ok(null);
  },
});

/** The address of the test database on the PostgreSQL server. */
function urlOf(database: TestDatabase): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? "");
  url.pathname = `/${database.name}`;
  return url.toString();
}

/** Asks again (every 50 ms, 10 s at most) until `done` holds of the answer; returns the last answer. */
async function eventually<T>(ask: () => Promise<T>, done: (answer: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const answer = await ask();
    if (done(answer) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.runIf(testEngines().includes("postgres"))("two gateways on one PostgreSQL database", () => {
  let database: TestDatabase;
  let a: GatewayHarness;
  let b: GatewayHarness;
  const buses: Record<"a" | "b", ClusterBus | null> = { a: null, b: null };
  let users = 0;
  const open: Array<{ close(): Promise<void> }> = [];

  beforeAll(async () => {
    database = await createDemoTestDatabase("postgres");
    const start = (name: "a" | "b") =>
      startGatewayHarness("postgres", {
        database,
        bus: async (db) => {
          buses[name] = await postgresClusterBus(urlOf(db));
          return buses[name];
        },
        // Far longer than the tests: what changes below changes because it was announced.
        responseCacheTtlMs: 60_000,
        sessionCacheTtlMs: 60_000,
      });
    a = await start("a");
    b = await start("b");
  }, 60_000);
  afterEach(async () => {
    for (const stream of open.splice(0)) await stream.close();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.close();
  });

  /** A new unit admin, signed in, whose session gateway B remembers. */
  async function rememberedOnB(): Promise<{ userId: string; token: string }> {
    const username = `cum.nguoidung.${++users}`;
    const app = createApp({ db: database.db });
    const created = await app.run(createUser, commandLineActor, {
      username,
      displayName: username,
      password: DEMO_PASSWORD,
      role: "unit-admin",
      unitCode: "TL",
    });
    if (!created.ok) throw new Error(created.error.message.en);
    const token = await b.signInAs(username);
    expect((await b.call(VIEWER, {}, token)).data.viewer.username).toBe(username);
    b.resetStatements();
    expect((await b.call(VIEWER, {}, token)).data.viewer.username).toBe(username);
    expect(b.statements()).toBe(0);
    return { userId: created.value.id, token };
  }

  it("follows on A the round progress changed through B", async () => {
    const assignment = await database.db
      .selectFrom("reviewer_assignments as ra")
      .innerJoin("rounds as r", "r.id", "ra.round_id")
      .innerJoin("users as u", "u.id", "ra.reviewer_user_id")
      .select(["ra.round_id", "ra.model_id", "u.username"])
      .where("r.code", "=", DEMO_OPEN_ROUND_CODE)
      .executeTakeFirstOrThrow();
    const roundId = globalId("Round", assignment.round_id);
    const stream = await a.subscribe(PROGRESS, { r: roundId }, a.tokens.systemAdmin);
    open.push(stream);
    const first = await stream.next();
    expect(first?.data?.roundProgress).toBeDefined();
    const done = await b.call(
      UNASSIGN,
      { r: roundId, m: globalId("Model", assignment.model_id), u: assignment.username },
      b.tokens.systemAdmin,
    );
    expect(done.data.unassignReviewer.__typename).toBe("MutationUnassignReviewerSuccess");
    const after = await stream.next();
    expect(after?.data?.roundProgress).toBeDefined();
  });

  it("streams to a subscriber on A the progress of an import sent to B", async () => {
    const operationId = "cluster-import-0001";
    const stream = await a.subscribe(IMPORT_PROGRESS, { op: operationId }, a.tokens.systemAdmin);
    open.push(stream);
    expect((await stream.next())?.data?.importProgress.phase).toBe("ready");
    const sent = await b.upload(
      { query: IMPORT, variables: { kind: "MODELS", dryRun: true, op: operationId, file: null } },
      new File([CSV], "mo-hinh.csv", { type: "text/csv" }),
      b.tokens.systemAdmin,
    );
    expect(sent.data.importSpreadsheet.__typename).toBe("MutationImportSpreadsheetSuccess");
    const phases: string[] = [];
    for (let event = await stream.next(); event; event = await stream.next()) {
      phases.push(event.data.importProgress.phase);
      if (event.data.importProgress.phase === "done") break;
    }
    expect(phases.at(-1)).toBe("done");
    expect(phases).toContain("check");
  });

  it("tells a user's stream on A of a notification added for them by another process", async () => {
    const stream = await a.subscribe(`subscription { notificationsChanged { unreadCount } }`, {}, a.tokens.reviewer);
    open.push(stream);
    const first = (await stream.next())?.data?.notificationsChanged.unreadCount as number;
    expect(typeof first).toBe("number");
    await sql`insert into notifications (recipient_user_id, kind, payload)
      select id, 'round-published', '{}'::jsonb from users where username = 'giamkhao.3'`.execute(database.db);
    expect((await stream.next())?.data?.notificationsChanged.unreadCount).toBe(first + 1);
  });

  it("empties B's cached read when a write goes through A", async () => {
    const u = globalId("Unit", b.units["TL-HPN"] ?? "");
    const before = await b.call(COUNT, { u }, b.tokens.officer);
    await b.call(COUNT, { u }, b.tokens.officer);
    b.resetStatements();
    expect((await b.call(COUNT, { u }, b.tokens.officer)).data).toEqual(before.data);
    expect(b.statements()).toBe(0);
    const made = await a.call(
      `mutation($i: CreateModelInput!, $k: String!) { createModel(input: $i, idempotencyKey: $k) { __typename } }`,
      { i: modelInput("CUM-CACHE-1", u), k: "cluster-cache-create-1" },
      a.tokens.officer,
    );
    expect(made.data.createModel.__typename).toBe("MutationCreateModelSuccess");
    const after = await eventually(
      () => b.call(COUNT, { u }, b.tokens.officer),
      (answer) => answer.data.models.totalCount === before.data.models.totalCount + 1,
    );
    expect(after.data.models.totalCount).toBe(before.data.models.totalCount + 1);
  });

  it("makes B refuse at once a token signed out through A", async () => {
    const { token } = await rememberedOnB();
    expect((await a.call(`mutation { logout }`, {}, token)).data.logout).toBe(true);
    const after = await eventually(
      () => b.call(VIEWER, {}, token),
      (answer) => answer.data.viewer === null,
    );
    expect(after.data.viewer).toBeNull();
  });

  it("makes B apply at once a role changed by another process", async () => {
    const { userId, token } = await rememberedOnB();
    expect((await createApp({ db: database.db }).run(makeViewer, commandLineActor, { userId })).ok).toBe(true);
    const after = await eventually(
      () => b.call(VIEWER, {}, token),
      (answer) => answer.data.viewer.roles[0].role === "viewer",
    );
    expect(after.data.viewer.roles).toEqual([{ role: "viewer" }]);
  });

  it("makes B refuse at once the token of a user disabled by SQL by hand", async () => {
    const { userId, token } = await rememberedOnB();
    await sql`update users set disabled_at = now() where id = ${userId}`.execute(database.db);
    const after = await eventually(
      () => b.call(VIEWER, {}, token),
      (answer) => answer.data.viewer === null,
    );
    expect(after.data.viewer).toBeNull();
  });

  it("keeps B's session when the change was rolled back", async () => {
    const { userId, token } = await rememberedOnB();
    await database.db
      .transaction()
      .execute(async (trx) => {
        await sql`update users set disabled_at = now() where id = ${userId}`.execute(trx);
        throw new Error("rolled back");
      })
      .catch(() => undefined);
    // Notices arrive in commit order: once B has heard one sent after the rollback, a notice
    // of the rolled-back change would have come before it.
    const marker = "00000000-0000-4000-8000-000000000000";
    const heard = new Promise<void>((resolve) => {
      const stop = buses.b?.listen("lantoa_session_changes", (payload) => {
        if (payload !== marker) return;
        stop?.();
        resolve();
      });
    });
    await sql`select pg_notify('lantoa_session_changes', ${marker})`.execute(database.db);
    await heard;
    b.resetStatements();
    expect((await b.call(VIEWER, {}, token)).data.viewer).not.toBeNull();
    expect(b.statements()).toBe(0);
  });

  it("hears notices again after its listening connection was terminated, and forgets what it may have missed", async () => {
    const { token } = await rememberedOnB();
    const { rows } = await sql<{ pid: number }>`
      select pg_terminate_backend(pid) as pid from pg_stat_activity
      where application_name = ${BUS_APPLICATION_NAME} and datname = current_database()`.execute(database.db);
    expect(rows.length).toBe(2);
    // A notice from A reaches B again (bounded wait: both reconnect within moments).
    let heard = false;
    const stop = buses.b?.listen("lantoa_round_progress", (payload) => {
      if (payload.includes("probe")) heard = true;
    });
    await eventually(
      async () => {
        buses.a?.notify("lantoa_round_progress", JSON.stringify({ type: "probe", detail: null }));
        await new Promise((resolve) => setTimeout(resolve, 50));
        return heard;
      },
      (answer) => answer,
    );
    stop?.();
    expect(heard).toBe(true);
    // Whatever B remembered was forgotten on reconnecting: the session is looked up again.
    b.resetStatements();
    expect((await b.call(VIEWER, {}, token)).data.viewer).not.toBeNull();
    expect(b.statements()).toBe(1);
    // And a sign-out through A reaches B at once, as before.
    expect((await a.call(`mutation { logout }`, {}, token)).data.logout).toBe(true);
    const after = await eventually(
      () => b.call(VIEWER, {}, token),
      (answer) => answer.data.viewer === null,
    );
    expect(after.data.viewer).toBeNull();
  });
});

describe("one gateway on PGlite", () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGatewayHarness("pglite");
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it("ends the notificationsChanged stream after its first event, since no notice can come", async () => {
    const stream = await h.subscribe(`subscription { notificationsChanged { unreadCount } }`, {}, h.tokens.reviewer);
    try {
      expect(typeof (await stream.next())?.data?.notificationsChanged.unreadCount).toBe("number");
      expect(await stream.next()).toBeNull();
      expect(stream.ended()).toBe(true);
    } finally {
      await stream.close();
    }
  });
});
