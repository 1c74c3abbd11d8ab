import { randomBytes } from "node:crypto";
import {
  CreateModelDocument,
  type CreateModelInput,
  LoginDocument,
  ModelsDocument,
  request,
  UnitsDocument,
} from "@lantoa/client";
import { DEMO_PASSWORD } from "@lantoa/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayProcess, startGatewayProcess } from "./support/gateway-process.js";
import { type PgReplicaPair, postgresServerAvailable, startPgReplicaPair } from "./support/pg-replica-pair.js";
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
      LANTOA_RESPONSE_CACHE_MS: "60000",
      LANTOA_SESSION_CACHE_MS: "60000",
    };
    // The first gateway migrates and loads the demo data; the second finds them there.
    a = await startGatewayProcess(env);
    b = await startGatewayProcess({ ...env, LANTOA_SEED_DEMO: "false" });
  }, LONG);
  afterAll(async () => {
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
