/**
 * The gateway's throughput beside a bare node:http handler doing the same work with one
 * SQL statement per request, on PostgreSQL with the scale data (issue 6):
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:55432/postgres pnpm --filter @lantoa/gateway bench
 *
 * Prints requests/s, p50 and p99 for a page of 50 models, one model's detail and one
 * report, on each server, and the ratio gateway/bare. Not part of the tests.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { BENCH_USER, prepareBenchDatabase } from "./bench-database.js";
import { DETAIL_QUERY, PAGE_QUERY, REPORT_QUERY } from "./bench-queries.js";

const env = process.env;
if (!env.BENCH_DATABASE_URL) {
  console.log(`The gateway benchmark needs a PostgreSQL server where it may CREATE DATABASE:

  BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:55432/postgres pnpm --filter @lantoa/gateway bench

Optional: BENCH_DATABASE (default lantoa_gateway_bench; generated on first use, then reused),
BENCH_MODELS (100000), BENCH_UNITS (2000), BENCH_CONNECTIONS (16), BENCH_DURATION seconds (10),
BENCH_ONLY=page,detail,report to run some of the three, BENCH_PROFILE=dir for a CPU profile of the servers, BENCH_CACHE_TTL_MS (5000, the gateway's default; 0 without the response cache).`);
  process.exit(0);
}

const connections = Number(env.BENCH_CONNECTIONS ?? 16);
const duration = Number(env.BENCH_DURATION ?? 10);
const only = new Set((env.BENCH_ONLY ?? "page,detail,report").split(","));

const { url, token } = await prepareBenchDatabase({
  serverUrl: env.BENCH_DATABASE_URL,
  name: env.BENCH_DATABASE ?? "lantoa_gateway_bench",
  models: Number(env.BENCH_MODELS ?? 100_000),
  units: Number(env.BENCH_UNITS ?? 2_000),
  log: (line) => console.log(line),
});

// The detail's model has a published result; the report's unit is the first province.
const picks = new pg.Client({ connectionString: url });
await picks.connect();
const modelId: string = (await picks.query("SELECT model_id FROM round_results ORDER BY model_id LIMIT 1")).rows[0]
  .model_id;
const unitId: string = (
  await picks.query(
    "SELECT id FROM units WHERE parent_id = (SELECT id FROM units WHERE parent_id IS NULL LIMIT 1) ORDER BY path LIMIT 1",
  )
).rows[0].id;
await picks.end();
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

// BENCH_PROFILE=dir writes a CPU profile of the servers there (open it in Chrome's DevTools).
const profile = env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${env.BENCH_PROFILE}`] : [];
const child: ChildProcess = spawn(
  process.execPath,
  [...profile, fileURLToPath(new URL("./serve.js", import.meta.url))],
  {
    env: { ...env, BENCH_DB_URL: url },
    stdio: ["ignore", "pipe", "inherit"],
  },
);
if (!child.stdout) throw new Error("The servers' output is not piped.");
const [line] = (await once(child.stdout, "data")) as [Buffer];
const servers = JSON.parse(line.toString()) as { gateway: string; bare: string };

interface Scenario {
  readonly name: string;
  readonly gateway: { query: string; variables?: Record<string, unknown> };
  readonly barePath: string;
}
const scenarios: Scenario[] = [
  { name: "page", gateway: { query: PAGE_QUERY }, barePath: "/page" },
  {
    name: "detail",
    gateway: { query: DETAIL_QUERY, variables: { id: gid("Model", modelId) } },
    barePath: `/detail?id=${modelId}`,
  },
  {
    name: "report",
    gateway: { query: REPORT_QUERY, variables: { u: gid("Unit", unitId) } },
    barePath: `/report?unit=${unitId}`,
  },
].filter((s) => only.has(s.name));

const gatewayHeaders = { "content-type": "application/json", authorization: `Bearer ${token}` };

/** One request first: a benchmark of errors would be meaningless. */
async function check(scenario: Scenario): Promise<void> {
  const g = await fetch(`${servers.gateway}/graphql`, {
    method: "POST",
    headers: gatewayHeaders,
    body: JSON.stringify(scenario.gateway),
  });
  const b = await fetch(`${servers.bare}${scenario.barePath}`);
  const [gj, bj] = [(await g.json()) as { data?: unknown; errors?: unknown }, (await b.json()) as { data?: unknown }];
  if (gj.errors || !gj.data)
    throw new Error(`${scenario.name}: the gateway answered ${JSON.stringify(gj).slice(0, 500)}`);
  if (!bj.data) throw new Error(`${scenario.name}: the bare handler answered ${JSON.stringify(bj).slice(0, 500)}`);
  const size = (v: unknown) => JSON.stringify(v).length;
  console.log(`${scenario.name}: gateway ${size(gj.data)} bytes of data, bare ${size(bj.data)}`);
}

async function load(options: autocannon.Options): Promise<{ rps: number; p50: number; p99: number; bad: number }> {
  const result = await autocannon({ connections, duration, ...options });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors + result.timeouts,
  };
}

const rows: string[] = [];
try {
  for (const scenario of scenarios) {
    await check(scenario);
    const gateway = await load({
      url: `${servers.gateway}/graphql`,
      method: "POST",
      headers: gatewayHeaders,
      body: JSON.stringify(scenario.gateway),
    });
    const bare = await load({ url: `${servers.bare}${scenario.barePath}` });
    const fmt = (r: typeof gateway) =>
      `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms${r.bad ? `  (${r.bad} failed)` : ""}`;
    rows.push(
      `${scenario.name.padEnd(7)} gateway ${fmt(gateway)}\n${"".padEnd(7)} bare    ${fmt(bare)}\n${"".padEnd(7)} ratio gateway/bare ${(gateway.rps / bare.rps).toFixed(2)}`,
    );
  }
} finally {
  child.kill("SIGTERM");
}
console.log(
  `\n${connections} connections, ${duration} s each, response cache ${env.BENCH_CACHE_TTL_MS ?? 5000} ms, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} (1/5/15 min)`,
);
console.log(rows.join("\n"));
console.log(`(user ${BENCH_USER.username}, database ${url.replace(/\/\/[^@]*@/, "//")})`);
