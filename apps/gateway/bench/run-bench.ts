/**
 * The gateway's throughput beside a bare node:http handler doing the same work with one
 * SQL statement per request, on PostgreSQL with the scale data (issues 6 and 19):
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5433/postgres pnpm --filter @lantoa/gateway bench [-- --scale]
 *
 * Every request asks for something else, drawn at random: a page of 50 models after a
 * random cursor, the first page within a random unit, a random model's detail (with and
 * without results), a random unit's report. Runs with the response cache off, then on;
 * prints requests/s, p50 and p99 for the gateway and the bare handler and their ratio, the
 * SQL statements per request the served process sent, and its memory (RSS) under load.
 * Not part of the tests.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { BENCH_USER, type Draw, pickRequests, prepareBenchDatabase } from "./bench-database.js";
import { DETAIL_QUERY, PAGE_QUERY, REPORT_QUERY, UNIT_PAGE_QUERY } from "./bench-queries.js";

// `pnpm bench -- --scale` passes the "--" on: skip it, so both spellings work.
const argv = process.argv.slice(2);
const { values: opts } = parseArgs({
  args: argv[0] === "--" ? argv.slice(1) : argv,
  options: {
    scale: { type: "boolean", default: false },
    models: { type: "string" },
    units: { type: "string" },
    database: { type: "string" },
    connections: { type: "string", default: "16" },
    duration: { type: "string", default: "10" },
    only: { type: "string", default: "page,unit-page,detail,report" },
    "response-cache": { type: "string", default: "off,on" },
    "response-cache-ms": { type: "string", default: "5000" },
    "session-cache-ms": { type: "string", default: "10000" },
    prepared: { type: "boolean", default: false },
    profile: { type: "string" },
  },
});

const serverUrl = process.env.BENCH_DATABASE_URL;
if (!serverUrl) {
  console.log(`The gateway benchmark needs a PostgreSQL server where it may CREATE DATABASE:

  BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5433/postgres pnpm --filter @lantoa/gateway bench [-- options]

Options:
  --scale                 the scale run: 1,000,000 models over 11,000 units (a quick run has 100,000 over 2,500)
  --models N, --units N   another size
  --database NAME         the database to use (default lantoa_gateway_bench_<models>; generated on first use, then reused)
  --connections N (16), --duration seconds (10) of each timed run
  --only page,unit-page,detail,report   some of the four requests
  --response-cache off,on   the runs to make, without and with the response cache (both by default)
  --response-cache-ms N (5000), --session-cache-ms N (10000; 0 looks every session up)
  --prepared              send the gateway's statements as named prepared statements
  --profile DIR           write a CPU profile of the servers there`);
  process.exit(0);
}

const connections = Number(opts.connections);
const duration = Number(opts.duration);
const models = Number(opts.models ?? (opts.scale ? 1_000_000 : 100_000));
const units = Number(opts.units ?? (opts.scale ? 11_000 : 2_500));
const only = new Set(opts.only.split(","));

const { url, token } = await prepareBenchDatabase({
  serverUrl,
  name: opts.database ?? `lantoa_gateway_bench_${models}`,
  models,
  units,
  log: (line) => console.log(line),
});

// What the random requests draw from: models with and without results, cursors, units.
const picks = await pickRequests(url);
const modelCount = picks.modelCount;

interface Scenario {
  readonly name: string;
  readonly query: string;
  draw(): Draw;
}
const scenarios: Scenario[] = [
  { name: "page", query: PAGE_QUERY, draw: picks.page },
  { name: "unit-page", query: UNIT_PAGE_QUERY, draw: picks.unitPage },
  { name: "detail", query: DETAIL_QUERY, draw: picks.detail },
  { name: "report", query: REPORT_QUERY, draw: picks.report },
].filter((s) => only.has(s.name));

const gatewayHeaders = { "content-type": "application/json", authorization: `Bearer ${token}` };

interface Servers {
  readonly gateway: string;
  readonly bare: string;
  readonly child: ChildProcess;
}

async function startServers(responseCacheMs: number): Promise<Servers> {
  const profile = opts.profile ? ["--cpu-prof", `--cpu-prof-dir=${opts.profile}`] : [];
  const child = spawn(process.execPath, [...profile, fileURLToPath(new URL("./serve.js", import.meta.url))], {
    env: {
      ...process.env,
      BENCH_DB_URL: url,
      BENCH_CACHE_TTL_MS: String(responseCacheMs),
      BENCH_SESSION_CACHE_MS: opts["session-cache-ms"],
      BENCH_PREPARED: opts.prepared ? "1" : "0",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (!child.stdout) throw new Error("The servers' output is not piped.");
  const [line] = (await once(child.stdout, "data")) as [Buffer];
  return { ...(JSON.parse(line.toString()) as { gateway: string; bare: string }), child };
}

/** Asks both servers the same random requests and fails unless their data is the same JSON. */
async function check(servers: Servers, scenario: Scenario, samples: number): Promise<void> {
  for (let i = 0; i < samples; i++) {
    const draw = scenario.draw();
    const g = await fetch(`${servers.gateway}/graphql`, {
      method: "POST",
      headers: gatewayHeaders,
      body: JSON.stringify({ query: scenario.query, variables: draw.variables }),
    });
    const gj = (await g.json()) as { data?: unknown; errors?: unknown };
    const bj = (await (await fetch(`${servers.bare}${draw.barePath}`)).json()) as { data?: unknown };
    if (gj.errors || !gj.data) {
      throw new Error(`${scenario.name}: the gateway answered ${JSON.stringify(gj).slice(0, 500)}`);
    }
    const [a, b] = [JSON.stringify(gj.data), JSON.stringify(bj.data)];
    if (a !== b) {
      const at = [...a].findIndex((c, k) => c !== b[k]);
      throw new Error(
        `${scenario.name} ${JSON.stringify(draw.variables)}: the answers differ at ${at}:\n  gateway ${a.slice(Math.max(0, at - 80), at + 120)}\n  bare    ${b.slice(Math.max(0, at - 80), at + 120)}`,
      );
    }
  }
}

interface Stats {
  requests: number;
  statements: number;
  bareRequests: number;
  bareStatements: number;
  rss: number;
}
const statsOf = async (servers: Servers): Promise<Stats> =>
  (await fetch(`${servers.bare}/stats`)).json() as Promise<Stats>;

interface Run {
  rps: number;
  p50: number;
  p99: number;
  bad: number;
  statementsPerRequest: number;
  maxRssMb: number;
}

async function load(servers: Servers, options: autocannon.Options, bare: boolean): Promise<Run> {
  const before = await statsOf(servers);
  let maxRss = before.rss;
  const sampler = setInterval(() => {
    void statsOf(servers).then((s) => {
      maxRss = Math.max(maxRss, s.rss);
    });
  }, 250);
  const result = await autocannon({ connections, duration, ...options });
  clearInterval(sampler);
  // Requests still running when the timing ended finish first, with their statements.
  let after = await statsOf(servers);
  for (let settled = false; !settled; ) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = await statsOf(servers);
    settled = now.requests === after.requests && now.bareRequests === after.bareRequests;
    after = now;
  }
  maxRss = Math.max(maxRss, after.rss);
  const requests = bare ? after.bareRequests - before.bareRequests : after.requests - before.requests;
  const statements = bare ? after.bareStatements - before.bareStatements : after.statements - before.statements;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors + result.timeouts,
    statementsPerRequest: requests ? statements / requests : 0,
    maxRssMb: maxRss / 2 ** 20,
  };
}

const fmt = (r: Run) =>
  `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${String(r.p50).padStart(5)} ms  p99 ${String(r.p99).padStart(5)} ms  ${r.statementsPerRequest.toFixed(2)} statements/request${r.bad ? `  (${r.bad} failed)` : ""}`;

const rows: string[] = [];
const modes = opts["response-cache"].split(",").map((m) => (m === "on" ? Number(opts["response-cache-ms"]) : 0));
for (const responseCacheMs of modes) {
  const servers = await startServers(responseCacheMs);
  try {
    for (const scenario of scenarios) {
      await check(servers, scenario, 20);
      const gateway = await load(
        servers,
        {
          url: servers.gateway,
          requests: [
            {
              method: "POST",
              path: "/graphql",
              headers: gatewayHeaders,
              setupRequest: (request) => ({
                ...request,
                body: JSON.stringify({ query: scenario.query, variables: scenario.draw().variables }),
              }),
            },
          ],
        },
        false,
      );
      const bare = await load(
        servers,
        {
          url: servers.bare,
          requests: [{ setupRequest: (request) => ({ ...request, path: scenario.draw().barePath }) }],
        },
        true,
      );
      const line = `${scenario.name.padEnd(9)} response cache ${responseCacheMs ? `${responseCacheMs} ms` : "off"}`;
      rows.push(
        `${line}\n  gateway ${fmt(gateway)}  RSS ≤ ${gateway.maxRssMb.toFixed(0)} MB\n  bare    ${fmt(bare)}\n  ratio gateway/bare ${(gateway.rps / bare.rps).toFixed(2)}`,
      );
      console.log(rows.at(-1));
    }
  } finally {
    servers.child.kill("SIGTERM");
    await once(servers.child, "exit");
  }
}
console.log(
  `\n${modelCount} models, ${connections} connections, ${duration} s each, session cache ${opts["session-cache-ms"]} ms${opts.prepared ? ", named prepared statements" : ""}, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} (1/5/15 min)`,
);
console.log(rows.join("\n"));
console.log(`(user ${BENCH_USER.username}, database ${url.replace(/\/\/[^@]*@/, "//")})`);
