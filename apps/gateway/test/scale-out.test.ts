import { randomBytes } from "node:crypto";
import {
  CreateModelDocument,
  type CreateModelInput,
  LoginDocument,
  ModelCountsDocument,
  ModelsDocument,
  request,
  SaveScorecardDocument,
  UnitsDocument,
} from "@lantoa/client";
import { DEMO_OPEN_ROUND_CODE, DEMO_PASSWORD } from "@lantoa/db";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EventStream, eventStream, globalId } from "./support/gateway-harness.js";
import { type GatewayProcess, startGatewayProcess } from "./support/gateway-process.js";
import { type PgReplicaPair, postgresServerAvailable, startPgReplicaPair } from "./support/pg-replica-pair.js";
import { onReplica, withReplayPaused } from "./support/test-replica.js";
import { startTestS3, type TestS3 } from "./support/test-s3.js";

const LONG = 180_000;
const ADD_EVIDENCE = `mutation($m: ID!, $file: File!, $v: Int!, $t: String!) { addEvidence(modelId: $m, title: $t, file: $file, expectedVersion: $v) {
  ... on MutationAddEvidenceSuccess { data { model { evidence { title downloadUrl } } } } } }`;

/**
 * The deployment `docs/production.md` describes, on one machine: a PostgreSQL primary with a
 * streaming replica, an S3-compatible store, and two gateway processes on their own ports.
 * Each test sends work to one gateway and looks for its effect through the other.
 */
describe.runIf(postgresServerAvailable())("two gateways on a primary, a replica and an object store", () => {
  let pair: PgReplicaPair;
  let s3: TestS3;
  let env: Record<string, string>;
  let a: GatewayProcess;
  let b: GatewayProcess;
  const extra: GatewayProcess[] = [];
  const streams: EventStream[] = [];
  let primary: pg.Client;
  let run: string;
  let created = 0;

  beforeAll(async () => {
    [pair, s3] = await Promise.all([startPgReplicaPair(), startTestS3()]);
    const store = s3.options("evidence/");
    env = {
      DATABASE_URL: pair.primaryUrl,
      LANTOA_FILE_SIGNING_KEY: "scale-out-test-signing-key-0123456789abcdef",
      LANTOA_S3_BUCKET: store.bucket,
      LANTOA_S3_ENDPOINT: store.endpoint ?? "",
      LANTOA_S3_REGION: store.region ?? "us-east-1",
      LANTOA_S3_PREFIX: store.prefix ?? "",
      LANTOA_S3_FORCE_PATH_STYLE: "true",
      AWS_ACCESS_KEY_ID: store.credentials?.accessKeyId ?? "",
      AWS_SECRET_ACCESS_KEY: store.credentials?.secretAccessKey ?? "",
      DATABASE_REPLICA_URLS: pair.replicaUrl,
      // Replay is paused for seconds below: only an outage may make the replica skipped.
      LANTOA_REPLICA_MAX_LAG_MS: "600000",
      // Far longer than the tests: what a gateway forgets, it forgets because it was told.
      LANTOA_RESPONSE_CACHE_MS: "60000",
      LANTOA_SESSION_CACHE_MS: "60000",
    };
    // The first gateway migrates and loads the demo data; the second finds them there.
    a = await startGatewayProcess(env);
    b = await startGatewayProcess({ ...env, LANTOA_SEED_DEMO: "false" });
    // Each gateway says when it starts reading from the replica (its first check found it caught up).
    for (const gateway of [a, b]) await until(() => gateway.output().includes("is in use"), "using the replica");
    primary = new pg.Client({ connectionString: pair.primaryUrl });
    await primary.connect();
    run = Date.now().toString(36).toUpperCase();
  }, LONG);
  afterAll(async () => {
    for (const stream of streams) await stream.close();
    await primary?.end();
    for (const gateway of [a, b, ...extra]) await gateway?.stop();
    await s3?.close();
    await pair?.close();
  }, LONG);

  const signIn = async (gateway: GatewayProcess, username: string) => {
    const result = await request(`${gateway.url}/graphql`, LoginDocument, { username, password: DEMO_PASSWORD });
    if (result.login?.__typename !== "MutationLoginSuccess") throw new Error(`no session for ${username}`);
    return result.login.data.token;
  };
  const unitId = async (gateway: GatewayProcess, token: string, code: string) => {
    const found = await request(`${gateway.url}/graphql`, UnitsDocument, { first: 100 }, { token });
    const unit = found.units.edges.find((e) => e.node.code === code);
    if (!unit) throw new Error(`no unit ${code}`);
    return unit.node.id;
  };

  /** A subscription over server-sent events, as a browser opens it. */
  const subscribe = async (gateway: GatewayProcess, query: string, variables: object, token: string) => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const stream = eventStream(response);
    streams.push(stream);
    return stream;
  };
  /** Registers a draft model in TL-HPN through `gateway`, as the women's union officer. */
  const createDraft = async (gateway: GatewayProcess, token: string) => {
    const n = ++created;
    const result = await request(
      `${gateway.url}/graphql`,
      CreateModelDocument,
      {
        input: {
          code: `TL-HPN-SO-${run}-${n}`,
          name: `Mô hình hai máy ${n}`,
          ownerUnitId: await unitId(gateway, token, "TL-HPN"),
          fields: ["social-welfare"],
          problem: "Hai máy chủ dùng chung một cơ sở dữ liệu",
          solution: "Mỗi máy thấy ngay điều máy kia ghi",
          startDate: "2023-09-05",
        },
        idempotencyKey: `so-${run}-${n}`,
      },
      { token },
    );
    if (result.createModel?.__typename !== "MutationCreateModelSuccess") throw new Error(JSON.stringify(result));
    return result.createModel.data.model;
  };
  /** Draft models within TL-HPN, as the report through `gateway` counts them for the token's user. */
  const drafts = async (gateway: GatewayProcess, token: string) => {
    const counts = await request(
      `${gateway.url}/graphql`,
      ModelCountsDocument,
      { by: "STATUS", filter: { withinUnitId: await unitId(gateway, token, "TL-HPN") } },
      { token },
    );
    return counts.modelCounts.find((row) => row.key === "draft")?.count ?? 0;
  };
  /** The same count on the primary itself. */
  const draftsOnPrimary = async () => {
    // Units' paths hold their ancestors' ids: the subtree is the paths starting with TL-HPN's.
    const { rows } = await primary.query<{ n: number }>(
      `select count(*)::int as n from models m join units u on u.id = m.owner_unit_id
       where m.status = 'draft' and starts_with(u.path, (select path from units where code = 'TL-HPN'))`,
    );
    return rows[0]?.n ?? -1;
  };

  it(
    "serves through one gateway the evidence uploaded through the other, from the object store",
    async () => {
      const token = await signIn(a, "phunu.canbo");
      const found = await request(
        `${a.url}/graphql`,
        ModelsDocument,
        { first: 1, filter: { text: "TL-2018-HUGAO" } },
        { token },
      );
      const model = found.models.edges[0]?.node;
      if (!model) throw new Error("no demo model TL-2018-HUGAO");
      const bytes = randomBytes(300_000);
      bytes.set(Buffer.from("%PDF-1.4\n"));
      const form = new FormData();
      form.set(
        "operations",
        JSON.stringify({
          query: ADD_EVIDENCE,
          variables: { m: model.id, t: "Biên bản hai máy", file: null, v: model.version },
        }),
      );
      form.set("map", JSON.stringify({ 0: ["variables.file"] }));
      form.set("0", new File([bytes], "bb.pdf", { type: "application/pdf" }));
      const uploaded = (await fetch(`${a.url}/graphql`, {
        method: "POST",
        headers: { "x-graphql-csrf": "1", authorization: `Bearer ${token}` },
        body: form,
      }).then((r) => r.json())) as {
        data: { addEvidence: { data: { model: { evidence: { title: string; downloadUrl: string }[] } } } };
      };
      const evidence = uploaded.data.addEvidence.data.model.evidence.find((e) => e.title === "Biên bản hai máy");
      expect((await s3.objects("evidence/")).map((o) => o.size)).toContain(bytes.length);

      const download = await fetch(`${b.url}${evidence?.downloadUrl}`);
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    },
    LONG,
  );

  it(
    "follows on A the progress of a scorecard submitted through B",
    async () => {
      const { rows } = await primary.query<{ round_id: string; model_id: string; username: string }>(
        `select ra.round_id, ra.model_id, u.username from reviewer_assignments ra
         join rounds r on r.id = ra.round_id join users u on u.id = ra.reviewer_user_id
         where r.code = $1 and not exists (select 1 from scorecards s where s.round_id = ra.round_id
           and s.model_id = ra.model_id and s.reviewer_user_id = ra.reviewer_user_id and s.status = 'submitted')
         order by u.username, ra.model_id limit 1`,
        [DEMO_OPEN_ROUND_CODE],
      );
      const assignment = rows[0];
      if (!assignment) throw new Error(`no open review in ${DEMO_OPEN_ROUND_CODE}`);
      const roundId = globalId("Round", assignment.round_id);
      const progress = await subscribe(
        a,
        `subscription($r: ID!) { roundProgress(roundId: $r) { reviewsSubmitted } }`,
        { r: roundId },
        await signIn(a, "thanhliem.admin"),
      );
      const before = (await progress.next())?.data?.roundProgress.reviewsSubmitted as number;
      const scores = { novelty: 25, effectiveness: 8, reach: 7.5, theme: 4 };
      const saved = await request(
        `${b.url}/graphql`,
        SaveScorecardDocument,
        {
          roundId,
          modelId: globalId("Model", assignment.model_id),
          kind: "REVIEW",
          submit: true,
          ratings: Object.entries(scores).map(([criterionId, value]) => ({ criterionId, value, comment: "Đạt" })),
        },
        { token: await signIn(b, assignment.username) },
      );
      expect(saved.saveScorecard?.__typename).toBe("MutationSaveScorecardSuccess");
      expect((await progress.next())?.data?.roundProgress.reviewsSubmitted).toBe(before + 1);
    },
    LONG,
  );

  it(
    "streams to a subscriber on A the progress of an import sent to B",
    async () => {
      const token = await signIn(a, "admin");
      const operationId = `scale-out-import-${run}`;
      const progress = await subscribe(
        a,
        `subscription($op: String!) { importProgress(operationId: $op) { phase } }`,
        { op: operationId },
        token,
      );
      expect((await progress.next())?.data?.importProgress.phase).toBe("ready");
      const csv = `\uFEFF${[
        "Mã mô hình,Tên mô hình,Mã đơn vị,Lĩnh vực,Ngày bắt đầu,Chỉ tiêu,Kỳ,Giá trị",
        `SO-${run}-1,Mô hình nhập một,TL-HPN,social-welfare,15/04/2024,people-helped,2024,12`,
      ].join("\r\n")}\r\n`;
      const form = new FormData();
      form.set(
        "operations",
        JSON.stringify({
          query: `mutation($file: File!, $op: String) { importSpreadsheet(file: $file, kind: MODELS, dryRun: true, operationId: $op) { __typename } }`,
          variables: { file: null, op: operationId },
        }),
      );
      form.set("map", JSON.stringify({ 0: ["variables.file"] }));
      form.set("0", new File([csv], "mo-hinh.csv", { type: "text/csv" }));
      const sent = (await fetch(`${b.url}/graphql`, {
        method: "POST",
        headers: { "x-graphql-csrf": "1", authorization: `Bearer ${await signIn(b, "admin")}` },
        body: form,
      }).then((r) => r.json())) as { data: { importSpreadsheet: { __typename: string } } };
      expect(sent.data.importSpreadsheet.__typename).toBe("MutationImportSpreadsheetSuccess");
      const phases: string[] = [];
      for (let event = await progress.next(); event; event = await progress.next()) {
        phases.push(event.data?.importProgress.phase);
        if (phases.at(-1) === "done") break;
      }
      expect(phases).toContain("check");
      expect(phases.at(-1)).toBe("done");
    },
    LONG,
  );

  it(
    "empties B's cached read at once when a write goes through A",
    async () => {
      const token = await signIn(b, "phunu.canbo");
      const page = () =>
        request(`${b.url}/graphql`, ModelsDocument, { first: 50, filter: { text: `SO-${run}` } }, { token });
      // Asked twice, the page is kept (the cache keeps what is asked again), and served from memory.
      const first = await page();
      expect(await page()).toEqual(first);
      const model = await createDraft(a, await signIn(a, "phunu.canbo"));
      const after = await page();
      expect(after.models.edges.map((e) => e.node.id)).toContain(model.id);
      expect(after.models.totalCount).toBe(first.models.totalCount + 1);
    },
    LONG,
  );

  it(
    "serves a report through B from the replica, which shows A's write once it has replayed it",
    async () => {
      const reader = await signIn(b, "thanhliem.admin");
      const before = await drafts(b, reader);
      await withReplayPaused(pair.replicaUrl, async () => {
        await createDraft(a, await signIn(a, "phunu.canbo"));
        expect(await draftsOnPrimary()).toBe(before + 1);
        // The replica has not replayed the write: B's report, read there, does not have it (twice: nothing kept it).
        expect(await drafts(b, reader)).toBe(before);
        expect(await drafts(b, reader)).toBe(before);
      });
      await until(async () => (await drafts(b, reader)) === before + 1, "showing A's write through B");
    },
    LONG,
  );

  it(
    "lets a user who just wrote through A read their write at once through A and through B",
    async () => {
      const reader = await signIn(b, "thanhliem.admin");
      const writerOnA = await signIn(a, "phunu.canbo");
      const writerOnB = await signIn(b, "phunu.canbo");
      const before = await drafts(b, reader);
      await withReplayPaused(pair.replicaUrl, async () => {
        await createDraft(a, writerOnA);
        expect(await drafts(a, writerOnA)).toBe(before + 1);
        expect(await drafts(b, writerOnB)).toBe(before + 1);
        // Anyone else still reads the replica, which has not replayed it.
        expect(await drafts(b, reader)).toBe(before);
      });
    },
    LONG,
  );

  it(
    "still answers reports when the replica is stopped, and says it skipped it",
    async () => {
      await pair.stopReplica();
      try {
        await createDraft(a, await signIn(a, "phunu.canbo"));
        expect(await drafts(b, await signIn(b, "thanhliem.admin"))).toBe(await draftsOnPrimary());
        await until(() => /Read replica \S+ is skipped/.test(b.output()), "saying it skipped the replica");
      } finally {
        await pair.startReplica();
      }
      await onReplica(pair.replicaUrl, "select 1");
    },
    LONG,
  );

  it(
    "keeps every acknowledged write exactly once when a gateway is killed in a burst of writes",
    async () => {
      const victim = await startGatewayProcess({ ...env, LANTOA_SEED_DEMO: "false" });
      extra.push(victim);
      const token = await signIn(victim, "phunu.canbo");
      const ownerUnitId = await unitId(victim, token, "TL-HPN");
      const run = Date.now().toString(36).toUpperCase();
      const input = (i: number): CreateModelInput => ({
        code: `TL-HPN-BURST-${run}-${i}`,
        name: `Mô hình loạt ghi ${i}`,
        ownerUnitId,
        fields: ["social-welfare"],
        problem: "Ghi liên tục khi một máy chủ dừng",
        solution: "Máy khách gửi lại với cùng khóa",
        startDate: "2023-09-05",
      });
      const create = (gateway: GatewayProcess, i: number) =>
        request(
          `${gateway.url}/graphql`,
          CreateModelDocument,
          { input: input(i), idempotencyKey: `burst-${run}-${i}` },
          { token },
        );
      // Eight writers in parallel; the gateway is killed once 40 writes were acknowledged.
      const acknowledged = new Map<number, string>();
      const unanswered: number[] = [];
      let next = 0;
      let killed: Promise<void> | null = null;
      const writer = async () => {
        while (next < 90) {
          const i = next++;
          try {
            const result = await create(victim, i);
            if (result.createModel?.__typename !== "MutationCreateModelSuccess")
              throw new Error(JSON.stringify(result));
            acknowledged.set(i, result.createModel.data.model.id);
          } catch (error) {
            if (!killed) throw new Error(`${error}\n${victim.output()}`);
            unanswered.push(i);
            return;
          }
          if (acknowledged.size >= 40 && !killed) killed = victim.kill();
        }
      };
      await Promise.all(Array.from({ length: 8 }, writer));
      await killed;
      expect(acknowledged.size).toBeGreaterThanOrEqual(40);

      // What a client does with a write it got no answer to: send it again, with the same key, elsewhere.
      const retried = new Map<number, string>();
      for (const i of unanswered) {
        const result = await create(b, i);
        if (result.createModel?.__typename !== "MutationCreateModelSuccess") throw new Error(JSON.stringify(result));
        retried.set(i, result.createModel.data.model.id);
      }
      const found = await request(
        `${b.url}/graphql`,
        ModelsDocument,
        { first: 100, filter: { text: `BURST-${run}` } },
        { token },
      );
      const byCode = new Map(found.models.edges.map((e) => [e.node.code, e.node.id]));
      // Each acknowledged write is there, under the id it was acknowledged with; retries found theirs.
      for (const [i, id] of [...acknowledged, ...retried]) expect(byCode.get(input(i).code)).toBe(id);
      expect(found.models.totalCount).toBe(acknowledged.size + retried.size);
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
