import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DEMO_PASSWORD } from "@lantoa/db";
import { createDemoTestDatabase, type TestDatabase, testEngines } from "@lantoa/db/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGatewayYoga, createHttpServer, evidenceLinks, loadConfig, s3Storage } from "../src/index.js";
import { globalId } from "./support/gateway-harness.js";
import { TINY_PNG } from "./support/public-site.js";
import { startTestS3, type TestS3 } from "./support/test-s3.js";

const ADD_EVIDENCE = `mutation($m: ID!, $file: File!, $v: Int!, $t: String!) { addEvidence(modelId: $m, title: $t, file: $file, expectedVersion: $v) {
  __typename ... on Error { code } ... on MutationAddEvidenceSuccess { data { model { evidence { id title downloadUrl } } } } } }`;
const SET_EVIDENCE_PUBLIC = `mutation($id: ID!) { setEvidencePublic(id: $id, isPublic: true) { __typename ... on Error { code } } }`;

let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(async () => {
  await s3?.close();
});

describe.each(testEngines())("evidence in an S3-compatible store, on %s", (engine) => {
  const prefix = `${engine}/evidence/`;
  const links = evidenceLinks(new Uint8Array(32).fill(3));
  let database: TestDatabase;
  let server: Server;
  let origin: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    database = await createDemoTestDatabase(engine);
    const storage = s3Storage(s3.options(prefix));
    const yoga = createGatewayYoga({ db: database.db, graphiql: false, storage, evidenceLinks: links });
    // The whole HTTP server, so downloads go out the way browsers receive them.
    server = createHttpServer(yoga, "/nonexistent", { db: database.db, storage, links }, { db: database.db, storage });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const username of ["phunu.canbo", "thanhliem.admin"]) {
      const response = await fetch(`${origin}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { ... on MutationLoginSuccess { data { token } } } }`,
          variables: { u: username, p: DEMO_PASSWORD },
        }),
      });
      tokens[username] = ((await response.json()) as any).data.login.data.token;
    }
  }, 60_000);
  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await database?.close();
  });

  const model = (code: string) =>
    database.db.selectFrom("models").select(["id", "version"]).where("code", "=", code).executeTakeFirstOrThrow();
  const upload = async (code: string, title: string, file: File, username: string, version?: number) => {
    const { id, version: current } = await model(code);
    const form = new FormData();
    form.set(
      "operations",
      JSON.stringify({
        query: ADD_EVIDENCE,
        variables: { m: globalId("Model", id), file: null, v: version ?? current, t: title },
      }),
    );
    form.set("map", JSON.stringify({ 0: ["variables.file"] }));
    form.set("0", file);
    const response = await fetch(`${origin}/graphql`, {
      method: "POST",
      headers: { "x-graphql-csrf": "1", authorization: `Bearer ${tokens[username]}` },
      body: form,
    });
    return (await response.json()) as any;
  };
  const stored = () => s3.objects(prefix);

  it("streams an upload into the bucket, and its signed address streams the same bytes back", async () => {
    // Over the 8 MB part size: the upload goes up in parts.
    const bytes = randomBytes(9 * 1024 * 1024);
    bytes.set(Buffer.from("%PDF-1.4\n"));
    const before = await stored();
    const result = await upload(
      "TL-2018-HUGAO",
      "Biên bản lớn",
      new File([bytes], "bb.pdf", { type: "application/pdf" }),
      "phunu.canbo",
    );
    const evidence = result.data.addEvidence.data.model.evidence.find(
      (e: { title: string }) => e.title === "Biên bản lớn",
    );
    const added = (await stored()).filter((o) => !before.some((b) => b.key === o.key));
    expect(added.map((o) => o.size)).toEqual([bytes.length]);
    expect(Buffer.from(await s3.bytes(added[0]?.key ?? "")).equals(bytes)).toBe(true);

    const download = await fetch(`${origin}${evidence.downloadUrl}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-length")).toBe(String(bytes.length));
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("serves a file uploaded through one gateway from another sharing the store and the signing key", async () => {
    const result = await upload(
      "TL-2018-HUGAO",
      "Qua cổng A",
      new File(["%PDF-1.4 cổng A"], "a.pdf", { type: "application/pdf" }),
      "phunu.canbo",
    );
    const { downloadUrl } = result.data.addEvidence.data.model.evidence.find(
      (e: { title: string }) => e.title === "Qua cổng A",
    );
    const storage = s3Storage(s3.options(prefix));
    const other = createHttpServer(
      createGatewayYoga({
        db: database.db,
        graphiql: false,
        storage,
        evidenceLinks: evidenceLinks(new Uint8Array(32).fill(3)),
      }),
      "/nonexistent",
      { db: database.db, storage, links: evidenceLinks(new Uint8Array(32).fill(3)) },
    );
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    try {
      const served = await fetch(`http://127.0.0.1:${(other.address() as AddressInfo).port}${downloadUrl}`);
      expect(served.status).toBe(200);
      expect(await served.text()).toBe("%PDF-1.4 cổng A");
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });

  it("still refuses a forged or expired download address", async () => {
    const result = await upload(
      "TL-2018-HUGAO",
      "Biên bản nhỏ",
      new File(["%PDF-1.4 nhỏ"], "nho.pdf", { type: "application/pdf" }),
      "phunu.canbo",
    );
    const { downloadUrl } = result.data.addEvidence.data.model.evidence.find(
      (e: { title: string }) => e.title === "Biên bản nhỏ",
    );
    const url = new URL(downloadUrl, origin);
    const forged = new URL(url);
    forged.searchParams.set("signature", `${url.searchParams.get("signature")?.slice(0, -2)}AA`);
    expect((await fetch(forged)).status).toBe(403);
    const id = url.pathname.split("/").pop() as string;
    const expired = links.pathFor(id, new Date(Date.now() - 2 * 60 * 60 * 1000));
    expect((await fetch(`${origin}${expired}`)).status).toBe(403);
    expect((await fetch(url)).status).toBe(200);
  });

  it("keeps nothing in the bucket of an upload the use case refuses", async () => {
    const before = await stored();
    const { version } = await model("TL-2018-HUGAO");
    const stale = await upload(
      "TL-2018-HUGAO",
      "Cũ",
      new File(["%PDF-1.4"], "cu.pdf", { type: "application/pdf" }),
      "phunu.canbo",
      version + 5,
    );
    expect(stale.data.addEvidence.code).toBe("DB.STALE_VERSION");
    const exe = await upload(
      "TL-2018-HUGAO",
      "Lạ",
      new File(["MZ"], "la.exe", { type: "application/x-msdownload" }),
      "phunu.canbo",
    );
    expect(exe.data.addEvidence.code).toBe("EVIDENCE.NOT_ACCEPTED");
    expect(await stored()).toEqual(before);
  });

  it("removes the object again when the evidence cannot be recorded after the file went up", async () => {
    // A real failure of the database after the upload: a trigger refusing this one title.
    await sql`create function refuse_test_evidence() returns trigger language plpgsql as $$
      begin if new.title = 'Không ghi được' then raise exception 'refused by the test'; end if; return new; end $$`.execute(
      database.db,
    );
    await sql`create trigger refuse_test_evidence before insert on evidence for each row execute function refuse_test_evidence()`.execute(
      database.db,
    );
    try {
      const before = await stored();
      const result = await upload(
        "TL-2018-HUGAO",
        "Không ghi được",
        new File(["%PDF-1.4 x"], "x.pdf", { type: "application/pdf" }),
        "phunu.canbo",
      );
      expect(result.errors?.[0]).toBeDefined();
      expect(await stored()).toEqual(before);
    } finally {
      await sql`drop trigger refuse_test_evidence on evidence`.execute(database.db);
      await sql`drop function refuse_test_evidence`.execute(database.db);
    }
  });

  it("serves a public photo from the store", async () => {
    const result = await upload(
      "TL-2018-NUOIONG",
      "Tổ ong",
      new File([TINY_PNG], "ong.png", { type: "image/png" }),
      "thanhliem.admin",
    );
    const { id } = result.data.addEvidence.data.model.evidence.find((e: { title: string }) => e.title === "Tổ ong");
    const made = await fetch(`${origin}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${tokens["thanhliem.admin"]}` },
      body: JSON.stringify({ query: SET_EVIDENCE_PUBLIC, variables: { id } }),
    });
    expect(((await made.json()) as any).data.setEvidencePublic.__typename).toBe("MutationSetEvidencePublicSuccess");
    const localId = Buffer.from(id, "base64").toString().split(":")[1];
    const photo = await fetch(`${origin}/mo-hinh/TL-2018-NUOIONG/anh/${localId}`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await photo.arrayBuffer())).toEqual(TINY_PNG);
  });
});

describe("the object store's variables", () => {
  it("turn the store on with LANTOA_S3_BUCKET, path-style at a self-hosted endpoint, the folder otherwise", () => {
    expect(loadConfig({}).objectStore).toBeUndefined();
    expect(
      loadConfig({
        LANTOA_S3_BUCKET: "lantoa-evidence",
        LANTOA_S3_ENDPOINT: "http://127.0.0.1:9000/",
        LANTOA_S3_PREFIX: "tinh/ha-nam",
      }).objectStore,
    ).toEqual({
      bucket: "lantoa-evidence",
      region: "us-east-1",
      endpoint: "http://127.0.0.1:9000",
      prefix: "tinh/ha-nam/",
      forcePathStyle: true,
    });
    expect(loadConfig({ LANTOA_S3_BUCKET: "lantoa-evidence", AWS_REGION: "ap-southeast-1" }).objectStore).toMatchObject(
      {
        region: "ap-southeast-1",
        endpoint: undefined,
        forcePathStyle: false,
      },
    );
  });

  it("are refused with every problem named", () => {
    expect(() => loadConfig({ LANTOA_S3_ENDPOINT: "http://127.0.0.1:9000", LANTOA_S3_PREFIX: "/evidence" })).toThrow(
      "Invalid configuration:\n  LANTOA_S3_PREFIX: folder-like words separated by /, e.g. evidence/",
    );
    expect(() => loadConfig({ LANTOA_S3_ENDPOINT: "http://127.0.0.1:9000" })).toThrow(
      "LANTOA_S3_ENDPOINT: set LANTOA_S3_BUCKET too, or leave it unset",
    );
    expect(() => loadConfig({ LANTOA_S3_BUCKET: "Evidence_Files" })).toThrow("LANTOA_S3_BUCKET: a bucket name");
    expect(() => loadConfig({ LANTOA_S3_BUCKET: "lantoa-evidence" })).toThrow(
      "LANTOA_S3_REGION: the bucket's region is needed on AWS",
    );
    expect(() =>
      loadConfig({ LANTOA_S3_BUCKET: "lantoa-evidence", LANTOA_S3_REGION: "eu-west-1", AWS_ACCESS_KEY_ID: "AKIA" }),
    ).toThrow("AWS_SECRET_ACCESS_KEY: set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither");
  });
});
