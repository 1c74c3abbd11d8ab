import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const main = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "main.js");
const work = mkdtempSync(join(tmpdir(), "lantoa-cli-evidence-"));
const BUCKET = "lantoa-move";
// s3rver's own account: it checks every request's signature against it.
const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
const s3rver = new S3rver({
  address: "127.0.0.1",
  port: 0,
  silent: true,
  directory: join(work, "s3rver"),
  configureBuckets: [{ name: BUCKET }],
});
let endpoint = "";
let client: S3Client;

beforeAll(async () => {
  const { port } = (await s3rver.run()) as { port: number };
  endpoint = `http://127.0.0.1:${port}`;
  client = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials });
});
afterAll(async () => {
  client?.destroy();
  await s3rver.close();
  rmSync(work, { recursive: true, force: true });
});

/** A folder of evidence as the gateway leaves it: `<model id>/<file id>`, two models. */
function evidenceFolder(name: string): { folder: string; files: Record<string, Buffer> } {
  const folder = join(work, name);
  const files: Record<string, Buffer> = {
    "6f1d2c40-0000-4000-8000-000000000001/a1b2c3d4-0000-4000-8000-000000000001": randomBytes(2048),
    "6f1d2c40-0000-4000-8000-000000000001/a1b2c3d4-0000-4000-8000-000000000002": randomBytes(10),
    "6f1d2c40-0000-4000-8000-000000000002/a1b2c3d4-0000-4000-8000-000000000003": randomBytes(70_000),
  };
  for (const [key, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, key)), { recursive: true });
    writeFileSync(join(folder, key), bytes);
  }
  return { folder, files };
}

/**
 * Runs the built CLI the way an operator would, with `env`. Asynchronously: the store
 * answers from this process, so it must not be blocked while the command runs.
 */
function lantoa(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [main, "--lang", "en", ...args], {
    cwd: work,
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once("close", (code) => resolve({ code, stdout, stderr })),
  );
}

/** `lantoa evidence move-to-store` from `folder` to the test's store under `prefix`. */
function moveToStore(folder: string, prefix: string, ...flags: string[]) {
  return lantoa(["evidence", "move-to-store", ...flags], {
    LANTOA_UPLOAD_DIR: folder,
    LANTOA_S3_BUCKET: BUCKET,
    LANTOA_S3_ENDPOINT: endpoint,
    LANTOA_S3_PREFIX: prefix,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
  });
}

async function objects(prefix: string): Promise<Record<string, Buffer>> {
  const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  const found: Record<string, Buffer> = {};
  for (const { Key } of listed.Contents ?? []) {
    const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
    found[(Key ?? "").slice(prefix.length)] = Buffer.from((await object.Body?.transformToByteArray()) ?? []);
  }
  return found;
}

describe("lantoa evidence move-to-store", () => {
  it("copies every file of the folder under the same key, keeps them locally, and copies nothing on a second run", async () => {
    const { folder, files } = evidenceFolder("twice");
    const first = await moveToStore(folder, "twice/");
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("Copied 3 files");
    expect(first.stdout).toContain("0 already in the store; removed 0 local files");
    expect(await objects("twice/")).toEqual(files);
    for (const key of Object.keys(files)) expect(existsSync(join(folder, key))).toBe(true);

    const second = await moveToStore(folder, "twice/");
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("Copied 0 files (0.0 MB)");
    expect(second.stdout).toContain("3 already in the store");
  });

  it("copies nothing on a dry run, but counts what it would copy", async () => {
    const { folder } = evidenceFolder("dry");
    const dry = await moveToStore(folder, "dry/", "--dry-run");
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain("Dry run: would copy 3 files");
    expect(await objects("dry/")).toEqual({});
  });

  it("removes the local files with --delete-local once the store holds them", async () => {
    const { folder, files } = evidenceFolder("delete");
    const moved = await moveToStore(folder, "delete/", "--delete-local");
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).toContain("removed 3 local files");
    expect(await objects("delete/")).toEqual(files);
    for (const key of Object.keys(files)) expect(existsSync(join(folder, key))).toBe(false);
  });

  it("exits 2 naming the variable when no store is set", async () => {
    const result = await lantoa(["evidence", "move-to-store"], { LANTOA_UPLOAD_DIR: join(work, "none") });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("set LANTOA_S3_BUCKET");
  });
});
