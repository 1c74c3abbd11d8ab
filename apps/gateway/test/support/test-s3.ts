import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import type { S3StorageOptions } from "../../src/index.js";

/** An S3-compatible server (s3rver) on 127.0.0.1, in this process, with one empty bucket. */
export interface TestS3 {
  /** The store's options for keys under `prefix`, as the gateway would read them from its variables. */
  options(prefix: string): S3StorageOptions;
  /** The bucket's objects under a prefix, with their sizes, as another client sees them. */
  objects(prefix: string): Promise<{ key: string; size: number }[]>;
  /** An object's bytes, read straight from the bucket. */
  bytes(key: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

const BUCKET = "lantoa-test";
// s3rver's own account: it checks every request's signature against it.
const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export async function startTestS3(): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), "lantoa-s3rver-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: BUCKET }],
  });
  const { port } = (await server.run()) as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials });
  return {
    options: (prefix) => ({ bucket: BUCKET, region: "us-east-1", endpoint, prefix, forcePathStyle: true, credentials }),
    async objects(prefix) {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
      return (listed.Contents ?? []).map((o) => ({ key: o.Key ?? "", size: o.Size ?? 0 }));
    },
    async bytes(key) {
      const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
      return (await object.Body?.transformToByteArray()) ?? new Uint8Array();
    },
    async close() {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
