import { CreateModelDocument, LoginDocument, ModelCountsDocument, request, UnitsDocument } from "@lantoa/client";
import { DEMO_PASSWORD } from "@lantoa/db";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayProcess, startGatewayProcess } from "./support/gateway-process.js";
import { type PgReplicaPair, postgresServerAvailable, startPgReplicaPair } from "./support/pg-replica-pair.js";
import { onReplica, withReplayPaused } from "./support/test-replica.js";

const LONG = 180_000;
const WRITER = "phunu.canbo";
const READER = "thanhliem.admin";

/**
 * Two gateway processes on a primary of their own with a streaming replica
 * (`DATABASE_REPLICA_URLS`): reports read through one gateway come from the replica, see
 * writes made through the other once replayed, and still answer when the replica stops.
 */
describe.runIf(postgresServerAvailable())("reports of two gateways on a PostgreSQL read replica", () => {
  let pair: PgReplicaPair;
  let a: GatewayProcess;
  let b: GatewayProcess;
  let hpn: string;
  let run: string;
  let created = 0;

  beforeAll(async () => {
    pair = await startPgReplicaPair();
    const env = {
      DATABASE_URL: pair.primaryUrl,
      DATABASE_REPLICA_URLS: pair.replicaUrl,
      // Replay is paused for seconds in these tests: only an outage may make the replica skipped.
      LANTOA_REPLICA_MAX_LAG_MS: "600000",
      LANTOA_FILE_SIGNING_KEY: "scale-out-replicas-signing-key-0123456789",
    };
    a = await startGatewayProcess(env);
    b = await startGatewayProcess({ ...env, LANTOA_SEED_DEMO: "false" });
    // Each gateway says when it starts reading from the replica (its first check that found it caught up).
    for (const gateway of [a, b]) await until(() => gateway.output().includes("is in use"), "using the replica");
    const token = await signIn(b, READER);
    const units = await request(`${b.url}/graphql`, UnitsDocument, { first: 100 }, { token });
    hpn = units.units.edges.find((e) => e.node.code === "TL-HPN")?.node.id ?? "";
    run = Date.now().toString(36).toUpperCase();
  }, LONG);
  afterAll(async () => {
    for (const gateway of [a, b]) await gateway?.stop();
    await pair?.close();
  }, LONG);

  async function signIn(gateway: GatewayProcess, username: string): Promise<string> {
    const result = await request(`${gateway.url}/graphql`, LoginDocument, { username, password: DEMO_PASSWORD });
    if (result.login?.__typename !== "MutationLoginSuccess") throw new Error(`no session for ${username}`);
    return result.login.data.token;
  }
  /** Draft models within TL-HPN, as the report through `gateway` counts them for `username`. */
  async function drafts(gateway: GatewayProcess, username: string): Promise<number> {
    const token = await signIn(gateway, username);
    const counts = await request(
      `${gateway.url}/graphql`,
      ModelCountsDocument,
      { by: "STATUS", filter: { withinUnitId: hpn } },
      { token },
    );
    return counts.modelCounts.find((row) => row.key === "draft")?.count ?? 0;
  }
  /** The same count on the primary itself. */
  async function draftsOnPrimary(): Promise<number> {
    const client = new pg.Client({ connectionString: pair.primaryUrl });
    await client.connect();
    try {
      // Units' paths hold their ancestors' ids: the subtree is the paths starting with TL-HPN's.
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from models m join units u on u.id = m.owner_unit_id
         where m.status = 'draft' and starts_with(u.path, (select path from units where code = 'TL-HPN'))`,
      );
      return rows[0]?.n ?? -1;
    } finally {
      await client.end();
    }
  }
  async function createModel(gateway: GatewayProcess): Promise<void> {
    const token = await signIn(gateway, WRITER);
    const code = `TL-HPN-RR-${run}-${++created}`;
    const result = await request(
      `${gateway.url}/graphql`,
      CreateModelDocument,
      {
        input: {
          code,
          name: `Mô hình bản sao ${created}`,
          ownerUnitId: hpn,
          fields: ["social-welfare"],
          problem: "Báo cáo đọc từ bản sao",
          solution: "Người ghi đọc ngay điều mình vừa ghi",
          startDate: "2023-09-05",
        },
        idempotencyKey: `rr-${run}-${created}`,
      },
      { token },
    );
    if (result.createModel?.__typename !== "MutationCreateModelSuccess") throw new Error(JSON.stringify(result));
  }

  it(
    "serves a report through B from the replica, which shows A's write once it has replayed it",
    async () => {
      const before = await drafts(b, READER);
      await withReplayPaused(pair.replicaUrl, async () => {
        await createModel(a);
        expect(await draftsOnPrimary()).toBe(before + 1);
        // The replica has not replayed the write: B's report, read there, does not have it.
        expect(await drafts(b, READER)).toBe(before);
      });
      await until(async () => (await drafts(b, READER)) === before + 1, "showing A's write through B");
    },
    LONG,
  );

  it(
    "lets a user who just wrote read their write at once, while the replica has not replayed it",
    async () => {
      const before = await drafts(b, READER);
      await withReplayPaused(pair.replicaUrl, async () => {
        await createModel(b);
        expect(await drafts(b, WRITER)).toBe(before + 1);
        expect(await drafts(b, READER)).toBe(before);
      });
    },
    LONG,
  );

  it(
    "still answers reports when the replica is stopped, and says it skipped it",
    async () => {
      await pair.stopReplica();
      try {
        await createModel(a);
        expect(await drafts(b, READER)).toBe(await draftsOnPrimary());
        await until(() => /Read replica \S+ is skipped/.test(b.output()), "saying it skipped the replica");
      } finally {
        await pair.startReplica();
      }
      await onReplica(pair.replicaUrl, "select 1");
    },
    LONG,
  );
});

/** Polls `condition` every 50 ms until it holds, for at most 30 s. */
async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Still not ${what} after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
