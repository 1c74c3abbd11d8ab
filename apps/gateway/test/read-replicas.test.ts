import { createServer } from "node:net";
import { testEngines } from "@lantoa/db/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createReadRouter, type ReadRouter, type ReadRouterOptions, servePublic } from "../src/index.js";
import { type GatewayHarness, startGatewayHarness } from "./support/gateway-harness.js";
import {
  cuttableRoute,
  testReplicaUrl,
  waitForReplay,
  withDatabase,
  withReplayPaused,
} from "./support/test-replica.js";

const replicaUrl = testEngines().includes("postgres") ? testReplicaUrl() : undefined;

const WRITER = "phunu.canbo";
const READER = "thanhliem.admin";
const DRAFTS = `query($u: ID!) { modelCounts(by: STATUS, filter: { withinUnitId: $u }) { key count } }`;
const CREATE = `mutation($input: CreateModelInput!, $key: String!) { createModel(input: $input, idempotencyKey: $key) {
  __typename ... on Error { code } } }`;

/** Polls `condition` (checking the replicas before each look) until it holds, for at most 30 s. */
async function until(router: ReadRouter, condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    await router.check();
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`Still not ${what} after 30 s: ${JSON.stringify(router.status())}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.runIf(replicaUrl)("reports on a PostgreSQL read replica", () => {
  const replica = replicaUrl as string;
  let h: GatewayHarness | undefined;
  let router: ReadRouter | undefined;
  let warnings: string[];

  afterEach(async () => {
    await h?.close();
    h = undefined;
    router = undefined;
  });

  /** The demo gateway, its reports routed by a router on `replicaUrls(databaseName)`, once the replica has the database. */
  async function start(options: Partial<ReadRouterOptions> & { replicaUrls?: (database: string) => string[] } = {}) {
    warnings = [];
    h = await startGatewayHarness("postgres", {
      readRouter: async (database, primary) => {
        await waitForReplay(database.db, replica, database.name);
        router = await createReadRouter({
          primary,
          maxLagMs: 60_000,
          checkIntervalMs: 100,
          warn: (message) => warnings.push(message),
          ...options,
          replicaUrls: options.replicaUrls?.(database.name) ?? [withDatabase(replica, database.name)],
        });
        return router;
      },
    });
    return { h, router: router as ReadRouter };
  }

  const drafts = async (h: GatewayHarness, username: string): Promise<number> => {
    const result = await h.call(
      DRAFTS,
      { u: globalIdOf("Unit", h.units["TL-HPN"] as string) },
      await h.signInAs(username),
    );
    expect(result.errors).toBeUndefined();
    return result.data.modelCounts.find((row: { key: string }) => row.key === "draft")?.count ?? 0;
  };
  const primaryDrafts = async (h: GatewayHarness): Promise<number> =>
    (
      await h.database.db
        .selectFrom("models as m")
        .innerJoin("units as u", "u.id", "m.owner_unit_id")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("m.status", "=", "draft")
        // A unit's path holds its ancestors' ids and its own: TL-HPN's subtree is the paths holding its id.
        .where("u.path", "like", `%${h.units["TL-HPN"]}%`)
        .executeTakeFirstOrThrow()
    ).n;
  const createModel = async (h: GatewayHarness, code: string) => {
    const input = {
      code,
      name: `Mô hình ${code}`,
      ownerUnitId: globalIdOf("Unit", h.units["TL-HPN"] as string),
      fields: ["social-welfare"],
      problem: "Học sinh nghèo nhịn ăn sáng",
      solution: "Hội viên góp gạo nấu cháo sáng",
      startDate: "2023-09-05",
    };
    const result = await h.call(CREATE, { input, key: `create-${code}` }, await h.signInAs(WRITER));
    expect(result.data?.createModel?.__typename).toBe("MutationCreateModelSuccess");
  };
  const ready = (router: ReadRouter) => () => router.status().every((r) => r.state === "ready");

  it("serves a report from the replica: a write it has not replayed yet is not in it", async () => {
    const { h, router } = await start();
    await until(router, ready(router), "ready");
    const before = await drafts(h, READER);
    await withReplayPaused(replica, async () => {
      await createModel(h, "RR-PAUSED-1");
      expect(await primaryDrafts(h)).toBe(before + 1);
      expect(await drafts(h, READER)).toBe(before);
    });
    expect(router.status()[0]?.served).toBeGreaterThan(0);
  });

  it("shows another user's write in a report once the replica has replayed it", async () => {
    const { h, router } = await start();
    await until(router, ready(router), "ready");
    const before = await drafts(h, READER);
    await createModel(h, "RR-REPLAYED-1");
    const served = router.status()[0]?.served ?? 0;
    await until(router, async () => (await drafts(h, READER)) === before + 1, "showing the write");
    expect(router.status()[0]?.served).toBeGreaterThan(served);
    expect(router.status()[0]?.fellBack).toBe(0);
  });

  it("lets the writer read their own write at once, while the replica has not replayed it", async () => {
    const { h, router } = await start();
    await until(router, ready(router), "ready");
    const before = await drafts(h, WRITER);
    await withReplayPaused(replica, async () => {
      await createModel(h, "RR-OWN-1");
      expect(await drafts(h, WRITER)).toBe(before + 1);
      // Everyone else still reads the replica, which has not replayed it.
      expect(await drafts(h, READER)).toBe(before);
    });
  });

  it("answers reports from the primary, with a warning, when the replica cannot be reached", async () => {
    const closedPort = await freePort();
    const { h, router } = await start({
      replicaUrls: (database) => [`postgres://postgres@127.0.0.1:${closedPort}/${database}`],
    });
    await router.check();
    await createModel(h, "RR-DOWN-1");
    expect(await drafts(h, READER)).toBe(await primaryDrafts(h));
    expect(router.status()[0]?.state).toBe("unreachable");
    expect(warnings).toEqual([expect.stringMatching(/is skipped: it cannot be reached/)]);
  });

  it("answers a read from the primary when the replica goes away under it, and warns once", async () => {
    const route = await cuttableRoute(replica);
    try {
      const { h, router } = await start({
        // Checked only when the test says so: the read, not a check, must find the replica gone.
        checkIntervalMs: 3_600_000,
        replicaUrls: (database) => [withDatabase(route.url, database)],
      });
      await until(router, ready(router), "ready");
      expect(warnings).toEqual([expect.stringMatching(/is in use \(\d+ ms behind\)/)]);
      await route.cut();
      await createModel(h, "RR-CUT-1");
      expect(await drafts(h, READER)).toBe(await primaryDrafts(h));
      expect(router.status()[0]).toMatchObject({ state: "unreachable", fellBack: 1 });
      expect(warnings.slice(1)).toEqual([expect.stringMatching(/is skipped: a read failed/)]);
    } finally {
      await route.cut().catch(() => {});
    }
  });

  it("serves the public pages and the public leaderboard from the replica", async () => {
    const { h, router } = await start();
    await until(router, ready(router), "ready");
    const page = await servePublic(
      new URL("http://test/so-vang"),
      { db: router.anonymousReader, storage: h.storage },
      "2023-09-01",
    );
    expect(page.status).toBe(200);
    const afterPage = router.status()[0]?.served ?? 0;
    expect(afterPage).toBeGreaterThan(0);
    const rounds = await h.call("{ publishedRounds { code } }");
    expect(rounds.data.publishedRounds.length).toBeGreaterThan(0);
    expect(router.status()[0]?.served).toBeGreaterThan(afterPage);
  });

  it("skips a replica lagging beyond the bound, and says so", async () => {
    const { h, router } = await start({ maxLagMs: 300 });
    await until(router, ready(router), "ready");
    const before = await drafts(h, READER);
    // Under load the replica may lag a moment while replaying the test database's creation.
    const earlier = warnings.length;
    // Taken while replay is paused: once it resumes, the router may say the replica is back first.
    let whileLagging: string[] = [];
    await withReplayPaused(replica, async () => {
      await createModel(h, "RR-LAG-1");
      await until(router, () => router.status()[0]?.state === "lagging", "lagging");
      expect(await drafts(h, READER)).toBe(before + 1);
      whileLagging = warnings.slice(earlier);
    });
    expect(whileLagging).toEqual([
      expect.stringMatching(/is skipped: it is \d+ ms or more behind the primary \(bound 300 ms\)/),
    ]);
  });
});

function globalIdOf(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`).toString("base64");
}

/** A port nothing listens on: taken from the system, then let go. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
