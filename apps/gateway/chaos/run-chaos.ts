/**
 * The reliability and abuse suite's slow half (issue 14): real gateway processes, a
 * PostgreSQL cluster of its own that it restarts, SIGKILLs, and the attacks of the
 * report, while a probe (another user's small query every 200 ms) measures what everyone
 * else feels. Prints a table of figures; exits 1 when a case's promise is broken.
 *
 *   pnpm chaos                         # every case, on PostgreSQL and PGlite
 *   CHAOS_ONLY=restart,kill pnpm chaos # some cases: baseline, attacks, brute, restart, kill
 *   CHAOS_ENGINES=postgres pnpm chaos  # one engine (restart is PostgreSQL's only)
 *
 * The fast, deterministic checks of the same promises run in `npm test`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "@lantoa/db";
import { sql } from "kysely";
import pg from "pg";
import { type Answer, post, signIn, tally, upload } from "./client.js";
import { type GatewayProcess, startGateway } from "./gateway-process.js";
import { aliasedLogins, millionRowCsv, modelsCsv, unitIds, zipBomb } from "./payloads.js";
import { type Cluster, startCluster } from "./postgres-cluster.js";
import { type ProbeFigures, startProbe } from "./probe.js";

type Engine = "postgres" | "pglite";
interface Row {
  readonly case: string;
  readonly engine: Engine;
  readonly requests: string;
  readonly probe: ProbeFigures;
  readonly rows?: string;
  readonly notes?: string;
  /** The case's promise: false fails the run. */
  readonly kept: boolean;
}

const only = new Set((process.env.CHAOS_ONLY ?? "baseline,attacks,brute,restart,kill").split(","));
const engines = (process.env.CHAOS_ENGINES ?? "postgres,pglite").split(",") as Engine[];
const results: Row[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fmt = (p: ProbeFigures) =>
  `${Math.round(p.p50)} / ${Math.round(p.p99)} / ${Math.round(p.max)} ms (${p.requests} sent, ${p.errors} failed)`;
const say = (line: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

/** Where a case's data lives: a fresh database on the cluster, or a fresh PGlite folder. */
interface Place {
  readonly engine: Engine;
  readonly target: { url: string } | { dataDir: string };
  /** Runs SQL on the data (PGlite: only while no gateway holds the folder). */
  query<T>(text: string): Promise<T[]>;
  drop(): Promise<void>;
}

let cluster: Cluster | null = null;
let places = 0;
async function freshPlace(engine: Engine): Promise<Place> {
  if (engine === "postgres") {
    cluster ??= await startCluster();
    const name = `lantoa_chaos_${++places}`;
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = cluster.url.replace(/\/postgres$/, `/${name}`);
    return {
      engine,
      target: { url },
      query: async <T>(text: string) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          return (await client.query(text)).rows as T[];
        } finally {
          await client.end();
        }
      },
      drop: async () => {},
    };
  }
  const dataDir = join(mkdtempSync(join(tmpdir(), "lantoa-chaos-pglite-")), "data");
  return {
    engine,
    target: { dataDir },
    query: async <T>(text: string) => {
      const connection = await connect({ engine: "pglite", dataDir });
      try {
        return (await sql.raw(text).execute(connection.db)).rows as T[];
      } finally {
        await connection.close();
      }
    },
    drop: async () => rmSync(join(dataDir, ".."), { recursive: true, force: true }),
  };
}

/**
 * Runs `work` while the probe measures, again and again for at least `minMs` (an attack
 * keeps coming; a short one would slip between two probes), and gives every answer with
 * the probe's figures over just that time.
 */
async function probed<T>(
  gateway: GatewayProcess,
  work: () => Promise<T[]>,
  minMs = 5_000,
): Promise<{ value: T[]; probe: ProbeFigures }> {
  const probe = startProbe(gateway.url);
  await sleep(400);
  const window = probe.mark();
  const started = performance.now();
  const value: T[] = [];
  do value.push(...(await work()));
  while (performance.now() - started < minMs);
  const figures = await window();
  probe.stop();
  return { value, probe: figures };
}

const CREATE_MODEL = `mutation($i: CreateModelInput!, $k: String!) { createModel(input: $i, idempotencyKey: $k) {
  __typename ... on Error { code } } }`;

/** One writer's record: every code it tried, with its key, and whether the gateway acknowledged it. */
interface Written {
  readonly code: string;
  readonly key: string;
  acknowledged: boolean;
  tries: number;
}

/**
 * Creates models one after another until `stop()`, retrying a refused or unanswered write
 * with the same idempotency key (as a client following DB.UNAVAILABLE's retry hint would)
 * until it is acknowledged or `giveUpMs` passes.
 */
async function writer(
  url: string,
  token: string,
  prefix: string,
  ownerUnitId: string,
  stop: () => boolean,
  log: Written[],
  answers: Answer[],
  giveUpMs = 20_000,
): Promise<void> {
  for (let i = 0; !stop(); i++) {
    const written: Written = { code: `${prefix}-${i}`, key: `chaos-${prefix}-${i}`, acknowledged: false, tries: 0 };
    log.push(written);
    const started = performance.now();
    while (!written.acknowledged && performance.now() - started < giveUpMs) {
      written.tries++;
      const answer = await post(
        url,
        CREATE_MODEL,
        {
          i: {
            code: written.code,
            name: `Mô hình thử tải ${written.code}`,
            ownerUnitId,
            fields: ["social-welfare"],
            problem: "Thử tải",
            solution: "Thử tải",
            startDate: "2023-08-01",
          },
          k: written.key,
        },
        { token, from: "192.0.2.20", timeoutMs: 15_000 },
      );
      answers.push(answer);
      if (answer.data?.createModel?.__typename === "MutationCreateModelSuccess") written.acknowledged = true;
      else if (answer.data?.createModel?.__typename === "DomainError") break;
      else await sleep(500);
      if (stop() && !written.acknowledged) break;
    }
  }
}

async function reader(url: string, token: string, stop: () => boolean, answers: Answer[]): Promise<void> {
  while (!stop()) {
    answers.push(
      await post(
        url,
        "{ models(first: 20) { totalCount edges { node { code name } } } }",
        {},
        { token, from: "192.0.2.21", timeoutMs: 15_000 },
      ),
    );
    await sleep(50);
  }
}

async function unitGid(url: string, token: string, code: string): Promise<string> {
  const answer = await post(url, "{ units(first: 500) { edges { node { id code } } } }", {}, { token });
  const unit = answer.data?.units?.edges?.find((e: { node: { code: string } }) => e.node.code === code);
  if (!unit) throw new Error(`No unit ${code}: ${JSON.stringify(answer).slice(0, 300)}`);
  return unit.node.id;
}

// ——— the cases ———

async function baseline(engine: Engine): Promise<void> {
  const place = await freshPlace(engine);
  const gateway = await startGateway(place.target);
  try {
    const { probe } = await probed(gateway, async () => [await sleep(6_000)]);
    results.push({ case: "baseline (idle)", engine, requests: "-", probe, kept: probe.errors === 0 });
  } finally {
    await gateway.kill("SIGTERM");
    await place.drop();
  }
}

async function attacks(engine: Engine): Promise<void> {
  const place = await freshPlace(engine);
  const gateway = await startGateway(place.target);
  try {
    const admin = await signIn(gateway.url, "admin", "192.0.2.30");
    const within = (probe: ProbeFigures) => probe.max < 1_000;

    say(`${engine}: 8 anonymous 20 MB uploads at once`);
    const big = new Blob([new Uint8Array(20 * 1024 * 1024)], { type: "text/csv" });
    const importOp = {
      query: `mutation($file: File!) { importSpreadsheet(file: $file, kind: UNITS, dryRun: true) {
        __typename ... on MutationImportSpreadsheetSuccess { data { problems { code } } } ... on Error { code } } }`,
      variables: {},
    };
    const uploads = await probed(gateway, () =>
      Promise.all(
        Array.from({ length: 8 }, (_, i) => upload(gateway.url, importOp, big, "x.csv", { from: `198.51.100.${i}` })),
      ),
    );
    const refusedUploads = uploads.value.every((a) => a.status === 401 || a.code === "CLOSED_EARLY");
    results.push({
      case: "8 anonymous 20 MB uploads",
      engine,
      requests: tally(uploads.value),
      probe: uploads.probe,
      kept: refusedUploads && within(uploads.probe),
    });

    say(`${engine}: 4,000 aliases of login, 5 at a time`);
    const aliases = await probed(gateway, () =>
      Promise.all(
        Array.from({ length: 5 }, () => post(gateway.url, aliasedLogins(4000), {}, { from: "198.51.100.20" })),
      ),
    );
    results.push({
      case: "4,000 aliases of login ×5",
      engine,
      requests: tally(aliases.value),
      probe: aliases.probe,
      kept: aliases.value.every((a) => a.code === "QUERY_TOO_COMPLEX") && within(aliases.probe),
    });

    say(`${engine}: nodes(ids:) with 150,000 and 20,000 ids`);
    const nodes = await probed(gateway, () =>
      Promise.all([
        post(
          gateway.url,
          "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
          { ids: unitIds(150_000) },
          { from: "198.51.100.21" },
        ),
        post(
          gateway.url,
          "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
          { ids: unitIds(20_000) },
          { from: "198.51.100.21" },
        ),
      ]),
    );
    results.push({
      case: "nodes(ids:) 150,000 / 20,000 ids",
      engine,
      requests: tally(nodes.value),
      probe: nodes.probe,
      kept:
        nodes.value.every((a) => a.code === "PAYLOAD_TOO_LARGE" || a.code === "TOO_MANY_IDS") && within(nodes.probe),
    });

    say(`${engine}: a million-row CSV and a zip bomb`);
    const bomb = zipBomb(147);
    const spreadsheets = await probed(gateway, () =>
      Promise.all([
        upload(gateway.url, importOp, millionRowCsv(), "trieu-dong.csv", { token: admin, from: "192.0.2.30" }),
        upload(gateway.url, importOp, bomb, "bom.xlsx", { token: admin, from: "192.0.2.30" }),
      ]),
    );
    const problems = spreadsheets.value.map((a) =>
      a.data?.importSpreadsheet?.data === undefined
        ? `${a.status} ${a.code ?? a.data?.importSpreadsheet?.code}`
        : (a.data?.importSpreadsheet?.data?.problems ?? []).map((p: { code: string }) => p.code).join("+"),
    );
    results.push({
      case: `1,000,000-row CSV + ${Math.round(bomb.size / 1024)} KB zip bomb (147 MB inflated)`,
      engine,
      requests: problems.join(", "),
      probe: spreadsheets.probe,
      kept: problems.every((p) => p === "IMPORT.TOO_LARGE") && within(spreadsheets.probe),
    });

    say(`${engine}: an ordinary 30,000-row import, checked then applied`);
    const file = modelsCsv("NHAP", 6_000, ["TL-HPN", "TL-UBND", "TL-THANHHA-UBND", "KIMBANG"]);
    const models = {
      query: `mutation($file: File!, $d: Boolean!) { importSpreadsheet(file: $file, kind: MODELS, dryRun: $d) { __typename ... on MutationImportSpreadsheetSuccess { data { applied rows problems { code row } } } } }`,
    };
    const served = await probed(
      gateway,
      async () => {
        const dry = await upload(gateway.url, { ...models, variables: { d: true } }, file, "mo-hinh.csv", {
          token: admin,
          from: "192.0.2.30",
        });
        const applied = await upload(gateway.url, { ...models, variables: { d: false } }, file, "mo-hinh.csv", {
          token: admin,
          from: "192.0.2.30",
        });
        return [dry, applied];
      },
      0,
    );
    const report = served.value[1]?.data?.importSpreadsheet?.data;
    // Counted in the database itself (PGlite's folder opens once the gateway has let it go).
    await gateway.kill("SIGTERM");
    const found =
      (await place.query<{ n: number }>("SELECT count(*)::int AS n FROM models WHERE code LIKE 'NHAP-%'"))[0]?.n ?? -1;
    results.push({
      case: "30,000-row import (dry run, then applied)",
      engine,
      requests: served.value
        .map(
          (a) => `${Math.round(a.ms / 1000)} s ${a.data?.importSpreadsheet?.data?.problems?.length ?? a.code} problems`,
        )
        .join(", "),
      probe: served.probe,
      rows: `${found} / 6000 models`,
      notes: report?.problems?.length ? JSON.stringify(report.problems.slice(0, 3)) : "",
      kept: report?.applied === true && found === 6_000 && (engine === "pglite" || within(served.probe)),
    });
  } finally {
    await gateway.kill("SIGTERM");
    await place.drop();
  }
}

async function bruteForce(engine: Engine): Promise<void> {
  const place = await freshPlace(engine);
  const gateway = await startGateway(place.target);
  try {
    say(`${engine}: 200 wrong passwords for admin, 8 at a time, from one address`);
    const attempts = await probed(
      gateway,
      async () => {
        const answers: Answer[] = [];
        let next = 0;
        await Promise.all(
          Array.from({ length: 8 }, async () => {
            while (next < 200) {
              next++;
              answers.push(
                await post(
                  gateway.url,
                  `mutation { login(username: "admin", password: "doan-${next}") { __typename ... on Error { code } } }`,
                  {},
                  { from: "203.0.113.66" },
                ),
              );
            }
          }),
        );
        return answers;
      },
      0,
    );
    const codes = attempts.value.map((a) => a.data?.login?.code ?? a.code ?? "OK");
    const blocked = codes.filter((c) => c === "AUTH.TOO_MANY_ATTEMPTS").length;
    results.push({
      case: "brute force: 200 wrong passwords on admin",
      engine,
      requests: `${codes.filter((c) => c === "AUTH.INVALID_CREDENTIALS").length}× INVALID_CREDENTIALS, ${blocked}× TOO_MANY_ATTEMPTS`,
      probe: attempts.probe,
      kept: blocked >= 190 && attempts.probe.max < 1_000,
    });

    say(`${engine}: 8 users signing in at once, 3 rounds`);
    const users = [
      "tinhuy.admin",
      "thanhliem.admin",
      "phunu.canbo",
      "thanhha.canbo",
      "giamkhao.1",
      "giamkhao.2",
      "giamkhao.3",
      "xem",
    ];
    const logins = await probed(
      gateway,
      async () => {
        const answers: Answer[] = [];
        for (let round = 0; round < 3; round++) {
          answers.push(
            ...(await Promise.all(
              users.map((u, i) =>
                post(
                  gateway.url,
                  `mutation($u: String!) { login(username: $u, password: "lantoa-demo") { __typename } }`,
                  { u },
                  { from: `192.0.2.${40 + i}` },
                ),
              ),
            )),
          );
        }
        return answers;
      },
      0,
    );
    results.push({
      case: "8 concurrent sign-ins ×3 (hashing bounded)",
      engine,
      requests: tally(logins.value),
      probe: logins.probe,
      kept: logins.value.every((a) => a.data?.login?.__typename === "MutationLoginSuccess") && logins.probe.max < 1_000,
    });
  } finally {
    await gateway.kill("SIGTERM");
    await place.drop();
  }
}

async function restartUnderLoad(): Promise<void> {
  const place = await freshPlace("postgres");
  const gateway = await startGateway(place.target);
  try {
    const officer = await signIn(gateway.url, "phunu.canbo");
    const admin = await signIn(gateway.url, "admin");
    const owner = await unitGid(gateway.url, admin, "TL-HPN");
    say("postgres: 4 writers and 4 readers; pg_ctl restart -m fast after 8 s");
    let stopping = false;
    const log: Written[] = [];
    const writes: Answer[] = [];
    const reads: Answer[] = [];
    let restartMs = 0;
    let restartedAt = 0;
    const probe = startProbe(gateway.url);
    const load = [
      ...Array.from({ length: 4 }, (_, w) =>
        writer(gateway.url, officer, `RESTART-W${w}`, owner, () => stopping, log, writes),
      ),
      ...Array.from({ length: 4 }, () => reader(gateway.url, admin, () => stopping, reads)),
    ];
    await sleep(8_000);
    const outage = probe.mark();
    restartMs = (cluster as Cluster).restart();
    restartedAt = performance.now();
    // Back within seconds: the first read answered after the restart returned.
    let servedAgainMs = Number.NaN;
    while (performance.now() - restartedAt < 30_000) {
      const answer = await post(gateway.url, "{ publishedRounds { code } }", {}, { from: "192.0.2.22" });
      if (answer.status === 200 && answer.code === null) {
        servedAgainMs = performance.now() - restartedAt;
        break;
      }
      await sleep(100);
    }
    await sleep(10_000);
    const duringAndAfter = await outage();
    stopping = true;
    await Promise.all(load);
    const overall = probe.stop();
    const acknowledged = log.filter((w) => w.acknowledged);
    const retried = acknowledged.filter((w) => w.tries > 1);
    const rows = await place.query<{ code: string; n: number }>(
      "SELECT code, count(*)::int AS n FROM models WHERE code LIKE 'RESTART-%' GROUP BY code",
    );
    const found = new Map(rows.map((r) => [r.code, r.n]));
    const missing = acknowledged.filter((w) => found.get(w.code) !== 1).length;
    const unacknowledgedPresent = log.filter((w) => !w.acknowledged && found.has(w.code)).length;
    results.push({
      case: `PostgreSQL restart under load (restart took ${Math.round(restartMs)} ms; served again ${Math.round(servedAgainMs)} ms after)`,
      engine: "postgres",
      requests: `writes: ${tally(writes)}; reads: ${tally(reads)}`,
      probe: duringAndAfter,
      rows: `${acknowledged.length} acknowledged (${retried.length} after retries) → ${acknowledged.length - missing} found once; ${log.length - acknowledged.length} never acknowledged, ${unacknowledgedPresent} of them present`,
      notes: `gateway ${gateway.alive() ? "alive" : "DIED"}; whole run probe ${fmt(overall)}`,
      kept: gateway.alive() && missing === 0 && servedAgainMs < 10_000,
    });
  } finally {
    await gateway.kill("SIGTERM");
  }
}

/** Opens the import's progress stream and resolves once it reports the write phase. */
async function whenWriting(
  url: string,
  token: string,
  operationId: string,
): Promise<{ ready: Promise<void>; writing: Promise<void> }> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "text/event-stream",
      authorization: `Bearer ${token}`,
      "x-forwarded-for": "192.0.2.30",
    },
    body: JSON.stringify({
      query: `subscription($o: String!) { importProgress(operationId: $o) { phase done total } }`,
      variables: { o: operationId },
    }),
  });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = "";
  let readyResolve!: () => void;
  const ready = new Promise<void>((resolve) => {
    readyResolve = resolve;
  });
  const writing = (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) return;
      text += decoder.decode(chunk.value, { stream: true });
      if (text.includes('"ready"')) readyResolve();
      if (/"phase":"write","done":[1-9]/.test(text)) return;
    }
  })();
  return { ready, writing };
}

async function killDuringImport(engine: Engine): Promise<void> {
  const place = await freshPlace(engine);
  let gateway = await startGateway(place.target);
  try {
    const admin = await signIn(gateway.url, "admin");
    say(`${engine}: SIGKILL while a 30,000-row import is being written`);
    const progress = await whenWriting(gateway.url, admin, "chaos-kill-import");
    await progress.ready;
    const file = modelsCsv("GIET", 6_000, ["TL-HPN", "TL-UBND", "TL-THANHHA-UBND", "KIMBANG"]);
    const sent = upload(
      gateway.url,
      {
        query: `mutation($file: File!) { importSpreadsheet(file: $file, kind: MODELS, dryRun: false, operationId: "chaos-kill-import") { __typename } }`,
        variables: {},
      },
      file,
      "mo-hinh.csv",
      { token: admin, from: "192.0.2.30" },
    );
    await progress.writing;
    await gateway.kill("SIGKILL");
    const answer = await sent;
    gateway = await startGateway(place.target);
    await gateway.kill("SIGTERM");
    const models =
      (await place.query<{ n: number }>("SELECT count(*)::int AS n FROM models WHERE code LIKE 'GIET-%'"))[0]?.n ?? -1;
    const values = await place.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM indicator_values v JOIN models m ON m.id = v.model_id WHERE m.code LIKE 'GIET-%'",
    );
    const audit = await place.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'import'");
    const whole = (models === 0 && values[0]?.n === 0) || (models === 6_000 && values[0]?.n === 30_000);
    results.push({
      case: "SIGKILL during an import apply, restart on the same data",
      engine,
      requests: `upload answer: ${answer.status} ${answer.code ?? ""}`,
      probe: { requests: 0, errors: 0, p50: Number.NaN, p99: Number.NaN, max: Number.NaN },
      rows: `${models} / 6000 models, ${values[0]?.n} / 30000 outcomes, ${audit[0]?.n} import audit entries (all or nothing)`,
      kept: whole,
    });

    gateway = await startGateway(place.target);
    const officer = await signIn(gateway.url, "phunu.canbo");
    const admin3 = await signIn(gateway.url, "admin");
    const owner = await unitGid(gateway.url, admin3, "TL-HPN");
    say(`${engine}: SIGKILL in a burst of writes, then the unacknowledged retried with their keys`);
    let stopping = false;
    const log: Written[] = [];
    const writes: Answer[] = [];
    const burst = Array.from({ length: 8 }, (_, w) =>
      writer(gateway.url, officer, `BURST-W${w}`, owner, () => stopping, log, writes, 2_000),
    );
    await sleep(3_000);
    await gateway.kill("SIGKILL");
    stopping = true;
    await Promise.all(burst);
    gateway = await startGateway(place.target);
    const officer2 = await signIn(gateway.url, "phunu.canbo");
    const retries: Answer[] = [];
    for (const w of log.filter((x) => !x.acknowledged)) {
      // Resent as the client would after a reconnect: the same code and key, once.
      const answer = await post(
        gateway.url,
        CREATE_MODEL,
        {
          i: {
            code: w.code,
            name: `Mô hình thử tải ${w.code}`,
            ownerUnitId: owner,
            fields: ["social-welfare"],
            problem: "Thử tải",
            solution: "Thử tải",
            startDate: "2023-08-01",
          },
          k: w.key,
        },
        { token: officer2, from: "192.0.2.20" },
      );
      retries.push(answer);
      if (answer.data?.createModel?.__typename === "MutationCreateModelSuccess") w.acknowledged = true;
    }
    await gateway.kill("SIGTERM");
    const rows = await place.query<{ code: string; n: number }>(
      "SELECT code, count(*)::int AS n FROM models WHERE code LIKE 'BURST-%' GROUP BY code",
    );
    const found = new Map(rows.map((r) => [r.code, r.n]));
    const once = log.filter((w) => w.acknowledged && found.get(w.code) === 1).length;
    results.push({
      case: "SIGKILL during a burst of writes (8 writers), unacknowledged retried after restart",
      engine,
      requests: `burst: ${tally(writes)}; retries after restart: ${tally(retries)}`,
      probe: { requests: 0, errors: 0, p50: Number.NaN, p99: Number.NaN, max: Number.NaN },
      rows: `${log.length} written or retried → ${once} present exactly once, ${rows.filter((r) => r.n > 1).length} duplicated`,
      kept: once === log.length,
    });
  } finally {
    if (gateway.alive()) await gateway.kill("SIGTERM");
    await place.drop();
  }
}

try {
  for (const engine of engines) {
    if (only.has("baseline")) await baseline(engine);
    if (only.has("attacks")) await attacks(engine);
    if (only.has("brute")) await bruteForce(engine);
    if (only.has("restart") && engine === "postgres") await restartUnderLoad();
    if (only.has("kill")) await killDuringImport(engine);
  }
} finally {
  (cluster as Cluster | null)?.stop();
}

const load = loadavg()
  .map((l) => l.toFixed(1))
  .join(", ");
process.stdout.write(`\nLoad average (1, 5, 15 min) at the end: ${load}\n\n`);
process.stdout.write(
  "| case | engine | requests | probe p50 / p99 / max | rows | kept |\n| --- | --- | --- | --- | --- | --- |\n",
);
for (const r of results) {
  process.stdout.write(
    `| ${r.case} | ${r.engine} | ${r.requests} | ${r.probe.requests ? fmt(r.probe) : "-"} | ${r.rows ?? "-"}${r.notes ? ` (${r.notes})` : ""} | ${r.kept ? "yes" : "**NO**"} |\n`,
  );
}
process.exitCode = results.every((r) => r.kept) ? 0 : 1;
