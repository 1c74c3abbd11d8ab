/**
 * Requests/s with 1 and 2 processes (issue 17): the built gateway (`lantoa-gateway`, that is
 * dist/main.js) with `LANTOA_WORKERS=1` and then `2`, and the bare node:http handler with one
 * process and then two under node:cluster, on a bench database of moderate size:
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5433/postgres pnpm --filter @lantoa/gateway bench:processes
 *
 * The requests are a random mix, half pages of 50 models after a random cursor, half a random
 * model's detail; the response cache is off, so nothing is answered twice from memory.
 * autocannon runs in this process, on the same cores as the servers and PostgreSQL: its own
 * CPU time is printed beside each run. Not part of the tests.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { type Draw, pickRequests, prepareBenchDatabase } from "./bench-database.js";
import { DETAIL_QUERY, PAGE_QUERY } from "./bench-queries.js";

const argv = process.argv.slice(2);
const { values: opts } = parseArgs({
  args: argv[0] === "--" ? argv.slice(1) : argv,
  options: {
    models: { type: "string", default: "30000" },
    units: { type: "string", default: "750" },
    database: { type: "string" },
    connections: { type: "string", default: "16" },
    duration: { type: "string", default: "10" },
    processes: { type: "string", default: "1,2" },
    warmup: { type: "string", default: "3" },
    rounds: { type: "string", default: "2" },
  },
});

const serverUrl = process.env.BENCH_DATABASE_URL;
if (!serverUrl) {
  console.log(`The process-scaling benchmark needs a PostgreSQL server where it may CREATE DATABASE:

  BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5433/postgres pnpm --filter @lantoa/gateway bench:processes [-- options]

Options:
  --models N (30000), --units N (750)   the bench database's size (generated on first use, then reused)
  --database NAME                       the database to use (default lantoa_gateway_bench_<models>)
  --connections N (16), --duration seconds (10) of each timed run
  --processes 1,2                       the process counts to time
  --warmup seconds (3)                  untimed load first, so every process has compiled its hot code
  --rounds N (2)                        repeat, in the order 1,2 then 2,1…, and average (the machine's load drifts)`);
  process.exit(0);
}

const models = Number(opts.models);
const connections = Number(opts.connections);
const duration = Number(opts.duration);
const counts = opts.processes.split(",").map(Number);
const warmup = Number(opts.warmup);
const rounds = Number(opts.rounds);
const { url, token } = await prepareBenchDatabase({
  serverUrl,
  name: opts.database ?? `lantoa_gateway_bench_${models}`,
  models,
  units: Number(opts.units),
  log: (line) => console.log(line),
});

const picks = await pickRequests(url);
const modelCount = picks.modelCount;

/** One random request: half pages, half details (with and without results), as in run-bench.ts. */
function draw(): { query: string } & Draw {
  return Math.random() < 0.5 ? { query: PAGE_QUERY, ...picks.page() } : { query: DETAIL_QUERY, ...picks.detail() };
}

const gatewayHeaders = { "content-type": "application/json", authorization: `Bearer ${token}` };

/** Spawns `args` and resolves with the URL its output names (`pattern`'s first group). */
async function startServer(
  args: string[],
  env: NodeJS.ProcessEnv,
  pattern: RegExp,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const found = await new Promise<string>((resolve, reject) => {
    const add = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = pattern.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on("data", add);
    child.stderr?.on("data", add);
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}:\n${output}`)));
  });
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  return { url: found, child };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  await exited;
}

const startGateway = (processes: number) =>
  startServer(
    [fileURLToPath(new URL("../../dist/main.js", import.meta.url))],
    {
      DATABASE_URL: url,
      PORT: "0",
      HOST: "127.0.0.1",
      LANTOA_WORKERS: String(processes),
      LANTOA_SEED_DEMO: "false",
      LANTOA_RESPONSE_CACHE_MS: "0",
      LANTOA_FILE_SIGNING_KEY: "bench-processes-signing-key-0123456789abcdef",
      NODE_ENV: "production",
    },
    /GraphQL: +(http:\/\/[^/\s]+)\/graphql[\s\S]*Stop with/,
  );
const startBare = (processes: number) =>
  startServer(
    [fileURLToPath(new URL("./serve-bare-workers.js", import.meta.url))],
    { BENCH_DB_URL: url, BENCH_PROCESSES: String(processes) },
    /"bare":"([^"]+)"/,
  );

/** Asks both servers the same random requests and fails unless their data is the same JSON. */
async function check(gateway: string, bare: string, samples: number): Promise<void> {
  for (let i = 0; i < samples; i++) {
    const d = draw();
    const g = (await (
      await fetch(`${gateway}/graphql`, {
        method: "POST",
        headers: gatewayHeaders,
        body: JSON.stringify({ query: d.query, variables: d.variables }),
      })
    ).json()) as { data?: unknown; errors?: unknown };
    const b = (await (await fetch(`${bare}${d.barePath}`)).json()) as { data?: unknown };
    if (g.errors || JSON.stringify(g.data) !== JSON.stringify(b.data)) {
      throw new Error(`${d.barePath}: the gateway and the bare handler differ: ${JSON.stringify(g).slice(0, 300)}`);
    }
  }
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  bad: number;
  /** This process's CPU (autocannon's) during the run, in cores. */
  loadGeneratorCores: number;
  /** CPU time the server's processes (the primary and its workers) spent per request, in ms. */
  serverCpuMsPerRequest: number;
  /** CPU time PostgreSQL's backends connected to the bench database spent per request, in ms. */
  databaseCpuMsPerRequest: number;
  /** The whole machine's CPU busy during the run, in cores (everyone's: servers, PostgreSQL, others). */
  machineBusyCores: number;
  load: string;
}

/** The machine's CPU time so far, busy and total, in clock ticks (Linux's /proc/stat; zeros elsewhere). */
function machineTicks(): { busy: number; total: number } {
  try {
    const [, ...fields] = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/);
    const ticks = fields.map(Number);
    const total = ticks.reduce((a, b) => a + b, 0);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/**
 * CPU time so far, in ms, of process `root` and its descendants (Linux's /proc; 0 elsewhere).
 * Unlike requests/s, it hardly depends on what else the machine runs.
 */
function treeCpuMs(root: number): number {
  const stats = processStats();
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, stat] of stats) {
      if (!tree.has(pid) && tree.has(stat.parent)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree].reduce((sum, pid) => sum + (stats.get(pid)?.cpuMs ?? 0), 0);
}

/** Every process's parent and CPU time so far (user + system, in ms), from /proc; empty elsewhere. */
function processStats(): Map<number, { parent: number; cpuMs: number }> {
  const msPerTick = 1000 / 100; // USER_HZ: 100 on Linux
  const stats = new Map<number, { parent: number; cpuMs: number }>();
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return stats;
  }
  for (const entry of entries) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(entry), {
        parent: Number(fields[1]),
        cpuMs: (Number(fields[11]) + Number(fields[12])) * msPerTick,
      });
    } catch {
      // The process ended while we looked.
    }
  }
  return stats;
}

/** CPU time so far of the PostgreSQL backends connected to the bench database, by pid (same machine only). */
async function databaseCpuMs(): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    const stats = processStats();
    return new Map(rows.map((r) => [r.pid, stats.get(r.pid)?.cpuMs ?? 0]));
  } finally {
    await client.end();
  }
}

/** CPU the backends spent between two looks (a backend that appeared in between counts whole). */
function databaseCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, cpu] of after) ms += cpu - (before.get(pid) ?? 0);
  return ms;
}

async function time(options: autocannon.Options, server: ChildProcess): Promise<Run> {
  if (warmup > 0) await autocannon({ connections, duration: warmup, ...options });
  const cpu = process.cpuUsage();
  const ticks = machineTicks();
  const serverCpu = treeCpuMs(server.pid ?? 0);
  const databaseCpu = await databaseCpuMs();
  const started = process.hrtime.bigint();
  const result = await autocannon({ connections, duration, ...options });
  const serverCpuMs = treeCpuMs(server.pid ?? 0) - serverCpu;
  const databaseMs = databaseCpuBetween(databaseCpu, await databaseCpuMs());
  const used = process.cpuUsage(cpu);
  const ticksAfter = machineTicks();
  const elapsedUs = Number(process.hrtime.bigint() - started) / 1000;
  const totalTicks = ticksAfter.total - ticks.total;
  return {
    machineBusyCores: totalTicks ? ((ticksAfter.busy - ticks.busy) / totalTicks) * availableParallelism() : 0,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors + result.timeouts,
    loadGeneratorCores: (used.user + used.system) / elapsedUs,
    serverCpuMsPerRequest: result.requests.total ? serverCpuMs / result.requests.total : 0,
    databaseCpuMsPerRequest: result.requests.total ? databaseMs / result.requests.total : 0,
    load: loadavg()
      .map((l) => l.toFixed(2))
      .join(" "),
  };
}

const runs = new Map<string, Run[]>();
const record = (name: string, run: Run) => runs.set(name, [...(runs.get(name) ?? []), run]);
const line = (name: string, r: Run) =>
  `${name.padEnd(22)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${String(r.p50).padStart(5)} ms  p99 ${String(r.p99).padStart(5)} ms  CPU/request: server ${r.serverCpuMsPerRequest.toFixed(1)} ms, PostgreSQL ${r.databaseCpuMsPerRequest.toFixed(1)} ms  load generator ${r.loadGeneratorCores.toFixed(2)} of ${r.machineBusyCores.toFixed(2)} busy cores  load ${r.load}${r.bad ? `  (${r.bad} failed)` : ""}`;

for (let round = 0; round < rounds; round++) {
  for (const processes of round % 2 === 0 ? counts : [...counts].reverse()) {
    const gateway = await startGateway(processes);
    const bare = await startBare(processes);
    try {
      await check(gateway.url, bare.url, 20);
      const g = await time(
        {
          url: gateway.url,
          requests: [
            {
              method: "POST",
              path: "/graphql",
              headers: gatewayHeaders,
              setupRequest: (request) => {
                const d = draw();
                return { ...request, body: JSON.stringify({ query: d.query, variables: d.variables }) };
              },
            },
          ],
        },
        gateway.child,
      );
      record(`gateway ${processes}`, g);
      console.log(line(`gateway, ${processes} process${processes > 1 ? "es" : ""}`, g));
      const b = await time(
        { url: bare.url, requests: [{ setupRequest: (request) => ({ ...request, path: draw().barePath }) }] },
        bare.child,
      );
      record(`bare ${processes}`, b);
      console.log(line(`bare, ${processes} process${processes > 1 ? "es" : ""}`, b));
    } finally {
      await Promise.all([stopServer(gateway.child), stopServer(bare.child)]);
    }
  }
}

/** The runs of one server and count, averaged (latencies too: a rough middle, said so in the README). */
function mean(list: Run[]): Run {
  const avg = (f: (r: Run) => number) => list.reduce((sum, r) => sum + f(r), 0) / list.length;
  return {
    rps: avg((r) => r.rps),
    p50: Math.round(avg((r) => r.p50)),
    p99: Math.round(avg((r) => r.p99)),
    bad: list.reduce((sum, r) => sum + r.bad, 0),
    loadGeneratorCores: avg((r) => r.loadGeneratorCores),
    serverCpuMsPerRequest: avg((r) => r.serverCpuMsPerRequest),
    databaseCpuMsPerRequest: avg((r) => r.databaseCpuMsPerRequest),
    machineBusyCores: avg((r) => r.machineBusyCores),
    load: list.map((r) => r.load.split(" ")[0]).join("/"),
  };
}
const results = new Map([...runs].map(([name, list]) => [name, mean(list)]));

console.log(
  `\n${modelCount} models; random mix of pages of 50 and details; response cache off; ${connections} connections, ${duration} s each after ${warmup} s of warm-up, mean of ${rounds} rounds; ${availableParallelism()} cores shared by the servers, PostgreSQL and the load generator (autocannon, this process)`,
);
for (const [name, run] of results) console.log(line(name, run));
const [low, high] = [Math.min(...counts), Math.max(...counts)];
for (const server of ["gateway", "bare"]) {
  const a = results.get(`${server} ${low}`);
  const b = results.get(`${server} ${high}`);
  if (a && b && low !== high) {
    console.log(`${server}: ${high} processes / ${low} = ${(b.rps / a.rps).toFixed(2)} × requests/s`);
  }
}
for (const processes of counts) {
  const g = results.get(`gateway ${processes}`);
  const b = results.get(`bare ${processes}`);
  if (g && b) console.log(`gateway / bare with ${processes}: ${(g.rps / b.rps).toFixed(2)}`);
}
