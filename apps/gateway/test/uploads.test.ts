import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect, DEMO_PASSWORD } from "@lantoa/db";
import { createDemoTestDatabase, type TestDatabase, testEngines } from "@lantoa/db/testing";
import { isInputType, isListType, isNonNullType, isScalarType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UPLOAD_FIELDS } from "../src/auth/upload-access.js";
import { createGatewayYoga, localFolderStorage, schema } from "../src/index.js";
import { globalId } from "./support/gateway-harness.js";

const BOUNDARY = "lantoa-test-boundary";
const IMPORT = `mutation($file: File!) { importSpreadsheet(file: $file, kind: UNITS, dryRun: true) {
  __typename ... on MutationImportSpreadsheetSuccess { data { rows } } } }`;
const EVIDENCE = `mutation($m: ID!, $file: File!, $v: Int!) { addEvidence(modelId: $m, title: "Ảnh", file: $file, expectedVersion: $v) {
  __typename ... on Error { code } } }`;

/** The parts before a file, as clients send them: operations, map, then the file's header. */
function head(query: string, variables: Record<string, unknown>, filename = "don-vi.csv", type = "text/csv"): string {
  const part = (name: string, value: string) =>
    `--${BOUNDARY}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  return (
    part("operations", JSON.stringify({ query, variables: { ...variables, file: null } })) +
    part("map", JSON.stringify({ 0: ["variables.file"] })) +
    `--${BOUNDARY}\r\ncontent-disposition: form-data; name="0"; filename="${filename}"\r\ncontent-type: ${type}\r\n\r\n`
  );
}

/**
 * A multipart body produced as it is read, counting what was pulled: `fileBytes` of file,
 * then the closing boundary; with `stall`, it stops before the end until released.
 */
function countedBody(prefix: string, fileBytes: number, stall = false) {
  const encoder = new TextEncoder();
  let sent = 0;
  let pulled = 0;
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const chunk = new Uint8Array(64 * 1024).fill(0x41);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const bytes = encoder.encode(prefix);
      pulled += bytes.byteLength;
      controller.enqueue(bytes);
    },
    async pull(controller) {
      if (sent >= fileBytes) {
        if (stall) await released;
        controller.enqueue(encoder.encode(`\r\n--${BOUNDARY}--\r\n`));
        controller.close();
        return;
      }
      const piece = chunk.subarray(0, Math.min(chunk.byteLength, fileBytes - sent));
      sent += piece.byteLength;
      pulled += piece.byteLength;
      controller.enqueue(piece);
    },
  });
  return { stream, pulled: () => pulled, release: () => release() };
}

describe.each(testEngines())("uploads, on %s", (engine) => {
  let database: TestDatabase;
  let yoga: ReturnType<typeof createGatewayYoga>;
  const incoming = mkdtempSync(join(tmpdir(), "lantoa-incoming-test-"));
  /** The files waiting in this gateway's incoming folder (one folder per process inside). */
  const waiting = () => readdirSync(incoming).flatMap((folder) => readdirSync(join(incoming, folder)));
  const uploads = mkdtempSync(join(tmpdir(), "lantoa-evidence-test-"));
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    database = await createDemoTestDatabase(engine);
    yoga = createGatewayYoga({
      db: database.db,
      graphiql: false,
      storage: localFolderStorage(uploads),
      incomingDir: incoming,
    });
    for (const username of ["thanhliem.admin", "phunu.canbo", "thanhha.canbo"]) {
      const response = await yoga.fetch("http://test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { ... on MutationLoginSuccess { data { token } } } }`,
          variables: { u: username, p: DEMO_PASSWORD },
        }),
      });
      tokens[username] = ((await response.json()) as any).data.login.data.token;
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  const send = (body: ReadableStream<Uint8Array> | string, token?: string) =>
    yoga.fetch("http://test/graphql", {
      method: "POST",
      headers: {
        "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
        "x-graphql-csrf": "1",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body,
      duplex: "half",
    } as RequestInit);
  const codeOf = async (response: Response) =>
    ((await response.json()) as { errors?: { extensions: { code: string } }[] }).errors?.[0]?.extensions.code;

  it("refuses an anonymous 20 MB upload before reading its body", async () => {
    const body = countedBody(head(IMPORT, {}), 20 * 1024 * 1024);
    const response = await send(body.stream);
    expect(response.status).toBe(401);
    expect(await codeOf(response)).toBe("UNAUTHENTICATED");
    expect(body.pulled()).toBeLessThan(256 * 1024);
  });

  it("refuses an officer's import before the file is read, and writes nothing to disk", async () => {
    const body = countedBody(head(IMPORT, {}), 20 * 1024 * 1024);
    const response = await send(body.stream, tokens["phunu.canbo"]);
    expect(response.status).toBe(403);
    expect(await codeOf(response)).toBe("FORBIDDEN");
    expect(body.pulled()).toBeLessThan(256 * 1024);
    expect(waiting()).toEqual([]);
  });

  it("refuses evidence for a model outside the officer's unit before reading the file", async () => {
    const model = await database.db
      .selectFrom("models as m")
      .innerJoin("units as u", "u.id", "m.owner_unit_id")
      .select(["m.id", "m.version"])
      .where("u.code", "=", "TL-HPN")
      .executeTakeFirstOrThrow();
    const body = countedBody(
      head(EVIDENCE, { m: globalId("Model", model.id), v: model.version }, "a.pdf", "application/pdf"),
      5 * 1024 * 1024,
    );
    const response = await send(body.stream, tokens["thanhha.canbo"]);
    expect(await codeOf(response)).toBe("FORBIDDEN");
    expect(body.pulled()).toBeLessThan(256 * 1024);
  });

  it("refuses a multipart request that is not an upload mutation", async () => {
    const query = `mutation($file: File) { logout }`;
    const body = countedBody(head(query, {}), 1024);
    const response = await send(body.stream, tokens["thanhliem.admin"]);
    expect(response.status).toBe(400);
    expect(await codeOf(response)).toBe("BAD_REQUEST");
  });

  it("refuses a file over 20 MB with 413, and keeps nothing of it", async () => {
    const body = countedBody(head(IMPORT, {}), 20 * 1024 * 1024 + 1);
    const response = await send(body.stream, tokens["thanhliem.admin"]);
    expect(response.status).toBe(413);
    expect(await codeOf(response)).toBe("PAYLOAD_TOO_LARGE");
    expect(waiting()).toEqual([]);
  });

  it("lets one user have two uploads in flight, refuses a third with 429, and frees the slots after", async () => {
    const stalled = [countedBody(head(IMPORT, {}), 1024, true), countedBody(head(IMPORT, {}), 1024, true)];
    const running = stalled.map((b) => send(b.stream, tokens["thanhliem.admin"]));
    // Both are read up to their stall: their files are on disk and their slots held.
    await expect.poll(() => waiting().length, { timeout: 10_000 }).toBe(2);
    const third = await send(countedBody(head(IMPORT, {}), 1024).stream, tokens["thanhliem.admin"]);
    expect(third.status).toBe(429);
    expect(await codeOf(third)).toBe("UPLOAD.TOO_MANY_AT_ONCE");
    // Another user is not held back by them.
    const other = await send(countedBody(head(IMPORT, {}), 0).stream, tokens["phunu.canbo"]);
    expect(await codeOf(other)).toBe("FORBIDDEN");
    for (const b of stalled) b.release();
    for (const response of await Promise.all(running)) await response.text();
    const after = await send(
      `${head(IMPORT, {})}Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,Cấp,Loại đơn vị\r\n\r\n--${BOUNDARY}--\r\n`,
      tokens["thanhliem.admin"],
    );
    expect(((await after.json()) as any).data.importSpreadsheet.__typename).toBe("MutationImportSpreadsheetSuccess");
    expect(waiting()).toEqual([]);
  });

  it("streams an evidence file to storage and removes the incoming copy", async () => {
    const model = await database.db
      .selectFrom("models as m")
      .innerJoin("units as u", "u.id", "m.owner_unit_id")
      .select(["m.id", "m.version"])
      .where("u.code", "=", "TL-HPN")
      .orderBy("m.code", "desc")
      .executeTakeFirstOrThrow();
    const pdf = `%PDF-1.4\n${"x".repeat(3 * 1024 * 1024)}\n%%EOF`;
    const response = await send(
      `${head(EVIDENCE, { m: globalId("Model", model.id), v: model.version }, "bien-ban.pdf", "application/pdf")}${pdf}\r\n--${BOUNDARY}--\r\n`,
      tokens["phunu.canbo"],
    );
    expect(((await response.json()) as any).data.addEvidence.__typename).toBe("MutationAddEvidenceSuccess");
    const stored = await database.db
      .selectFrom("evidence")
      .select(["size_bytes", "storage_key"])
      .where("model_id", "=", model.id)
      .execute();
    expect(stored.map((e) => Number(e.size_bytes))).toContain(pdf.length);
    expect(waiting()).toEqual([]);
  });
});

describe("the fields that take files", () => {
  it("are each listed with who may send one, so every upload is judged before its body is read", () => {
    const isFile = (type: unknown): boolean =>
      isNonNullType(type) || isListType(type) ? isFile(type.ofType) : isScalarType(type) && type.name === "File";
    const mutation = schema.getMutationType();
    const takingFiles = Object.values(mutation?.getFields() ?? {})
      .filter((field) => field.args.some((arg) => isInputType(arg.type) && isFile(arg.type)))
      .map((field) => field.name)
      .sort();
    expect(takingFiles).toEqual(Object.keys(UPLOAD_FIELDS).sort());
  });
});

describe("files left by a gateway killed mid-upload", () => {
  it("are removed when the next gateway starts", async () => {
    const incoming = mkdtempSync(join(tmpdir(), "lantoa-incoming-left-"));
    const dead = Number(
      spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" }).stdout.trim(),
    );
    const left = join(incoming, `${dead}-0a1b2c3d`);
    mkdirSync(left);
    writeFileSync(join(left, "half-received"), "x");
    // Nothing is read from the database here: a connection to nowhere will do.
    const unused = await connect({ engine: "postgres", url: "postgres://lantoa@127.0.0.1:1/unused" });
    try {
      createGatewayYoga({
        db: unused.db,
        graphiql: false,
        storage: localFolderStorage(incoming),
        incomingDir: incoming,
      });
      await expect.poll(() => existsSync(left), { timeout: 10_000 }).toBe(false);
    } finally {
      await unused.close();
    }
  });
});
