/**
 * How far a streaming replica trails the primary under a burst of writes: each write's
 * commit is timed, then the primary's WAL position after it is read, and a poller on the
 * replica notes when `pg_last_wal_replay_lsn()` passes that position. Runs in a scratch
 * database of its own, dropped at the end. See README.md ("Replica lag").
 */
import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { connect } from "@lantoa/db";
import { createReadRouter } from "@lantoa/gateway";
import pg from "pg";

const { values } = parseArgs({
  options: {
    writes: { type: "string", default: "2000" },
    writers: { type: "string", default: "8" },
    bytes: { type: "string", default: "512" },
  },
});
const primaryUrl = process.env.BENCH_DATABASE_URL;
const replicaUrl = process.env.BENCH_REPLICA_URL;
if (!primaryUrl || !replicaUrl) {
  process.stderr.write(
    "usage: BENCH_DATABASE_URL=postgres://…primary BENCH_REPLICA_URL=postgres://…its hot standby pnpm --filter @lantoa/gateway bench:replica-lag [--writes 2000] [--writers 8] [--bytes 512]\n",
  );
  process.exit(2);
}
const writes = Number(values.writes);
const writers = Number(values.writers);
const payload = "x".repeat(Number(values.bytes));

/** `16/B374D848` as a number that compares. */
const lsn = (text: string): bigint => {
  const [high, low] = text.split("/");
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
};
const onDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};
async function client(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  c.on("error", () => {});
  await c.connect();
  return c;
}
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const ms = (n: number) => `${n.toFixed(1)} ms`;

const database = `lantoa_replica_lag_${randomBytes(4).toString("hex")}`;
const admin = await client(primaryUrl);
await admin.query(`CREATE DATABASE ${database}`);
try {
  const primary = await client(onDatabase(primaryUrl, database));
  await primary.query("CREATE TABLE lag_probe (id bigserial PRIMARY KEY, payload text NOT NULL)");
  const { rows: created } = await primary.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn");
  // The replica has the database once it has replayed its creation.
  let replica: pg.Client | undefined;
  for (let tries = 0; !replica; tries++) {
    try {
      const candidate = await client(onDatabase(replicaUrl, database));
      const { rows } = await candidate.query<{ caught: boolean }>(
        `SELECT pg_last_wal_replay_lsn() >= '${created[0]?.lsn}'::pg_lsn AS caught`,
      );
      if (rows[0]?.caught) replica = candidate;
      else await candidate.end();
    } catch (error) {
      if (tries > 600) throw error;
    }
    if (!replica) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  // The gateway's own view: a read router on the scratch database, checking every 100 ms.
  const routerPrimary = await connect({ engine: "postgres", url: onDatabase(primaryUrl, database), maxConnections: 2 });
  const skips: string[] = [];
  const router = await createReadRouter({
    primary: routerPrimary.db,
    replicaUrls: [onDatabase(replicaUrl, database)],
    maxLagMs: 5_000,
    checkIntervalMs: 100,
    warn: (message) => {
      if (message.includes("skipped")) skips.push(message);
    },
  });
  let routerMaxLag = 0;
  const routerSampler = setInterval(() => {
    routerMaxLag = Math.max(routerMaxLag, router.status()[0]?.lagMs ?? 0);
  }, 50);

  const pending: { position: bigint; committedAt: number }[] = [];
  const lags: number[] = [];
  const pollTrips: number[] = [];
  let writing = true;
  const poller = (async () => {
    while (writing || pending.length > 0) {
      const sent = performance.now();
      const { rows } = await replica.query<{ lsn: string }>("SELECT pg_last_wal_replay_lsn()::text AS lsn");
      const answered = performance.now();
      pollTrips.push(answered - sent);
      const replayed = lsn(rows[0]?.lsn ?? "0/0");
      for (let i = pending.length - 1; i >= 0; i--) {
        const write = pending[i];
        if (write && write.position <= replayed) {
          lags.push(answered - write.committedAt);
          pending.splice(i, 1);
        }
      }
    }
  })();
  let highestReplayLag = 0;
  const sampler = setInterval(() => {
    admin
      .query<{ ms: number | null }>(
        "SELECT max(extract(epoch FROM replay_lag) * 1000)::float8 AS ms FROM pg_stat_replication",
      )
      .then(
        ({ rows }) => {
          highestReplayLag = Math.max(highestReplayLag, rows[0]?.ms ?? 0);
        },
        () => {},
      );
  }, 100);

  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      const writer = await client(onDatabase(primaryUrl, database));
      while (next < writes) {
        next++;
        await writer.query("INSERT INTO lag_probe (payload) VALUES ($1)", [payload]);
        const committedAt = performance.now();
        // At or past this write's commit record (other writers' WAL may follow it: a slight overestimate).
        const { rows } = await writer.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn");
        pending.push({ position: lsn(rows[0]?.lsn ?? "0/0"), committedAt });
      }
      await writer.end();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  writing = false;
  await poller;
  clearInterval(sampler);
  clearInterval(routerSampler);
  await router.close();
  await routerPrimary.close();
  await replica.end();
  await primary.end();

  const sorted = [...lags].sort((a, b) => a - b);
  const trips = [...pollTrips].sort((a, b) => a - b);
  const [one, five, fifteen] = loadavg().map((n) => n.toFixed(1));
  process.stdout.write(
    [
      `Replica lag over ${sorted.length} writes by ${writers} writers (${payload.length}-byte rows), load ${one} ${five} ${fifteen}`,
      `  p50 ${ms(percentile(sorted, 50))}   p99 ${ms(percentile(sorted, 99))}   max ${ms(sorted.at(-1) ?? Number.NaN)}`,
      `  writes/s on the primary: ${Math.round(writes / seconds)}; poll round trip on the replica p50 ${ms(percentile(trips, 50))} (lags are timed at the poll's answer: overestimates by up to one trip)`,
      `  pg_stat_replication.replay_lag, highest sampled every 100 ms: ${ms(highestReplayLag)}`,
      `  the gateway's read router (checks every 100 ms, bound 5 s): highest lag ${ms(routerMaxLag)} (told in steps of a check: a replica behind only the latest check counts 0), skipped the replica ${skips.length} times`,
      "",
    ].join("\n"),
  );
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
}
