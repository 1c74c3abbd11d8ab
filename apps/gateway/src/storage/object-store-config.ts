import { z } from "zod";
import type { S3StorageOptions } from "./s3-storage.js";

/** The variables that put evidence in an S3-compatible store; `LANTOA_S3_BUCKET` turns it on. */
export const ObjectStoreEnv = z.object({
  LANTOA_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens")
    .optional(),
  LANTOA_S3_ENDPOINT: z
    .string()
    .regex(/^https?:\/\/[^/\s]+\/?$/, "the store's address, e.g. http://127.0.0.1:9000 (no path)")
    .optional(),
  LANTOA_S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]+$/, "a region such as eu-central-1")
    .optional(),
  AWS_REGION: z.string().optional(),
  LANTOA_S3_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9!_.*'()-]+(\/[A-Za-z0-9!_.*'()-]+)*\/?$/, "folder-like words separated by /, e.g. evidence/")
    .optional(),
  LANTOA_S3_FORCE_PATH_STYLE: z
    .enum(["true", "false", "1", "0"])
    .transform((v) => v === "true" || v === "1")
    .optional(),
  AWS_ACCESS_KEY_ID: z.string().optional(),
  AWS_SECRET_ACCESS_KEY: z.string().optional(),
});
type ObjectStoreVariables = z.infer<typeof ObjectStoreEnv>;

/** The problems a combination of the variables has, each with the variable it is about. */
export function objectStoreProblems(e: ObjectStoreVariables): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!e.LANTOA_S3_BUCKET) {
    for (const name of [
      "LANTOA_S3_ENDPOINT",
      "LANTOA_S3_REGION",
      "LANTOA_S3_PREFIX",
      "LANTOA_S3_FORCE_PATH_STYLE",
    ] as const) {
      if (e[name] !== undefined) problems.push({ path: name, message: "set LANTOA_S3_BUCKET too, or leave it unset" });
    }
    return problems;
  }
  if (!e.LANTOA_S3_REGION && !e.AWS_REGION && !e.LANTOA_S3_ENDPOINT) {
    problems.push({ path: "LANTOA_S3_REGION", message: "the bucket's region is needed on AWS (e.g. ap-southeast-1)" });
  }
  if ((e.AWS_ACCESS_KEY_ID === undefined) !== (e.AWS_SECRET_ACCESS_KEY === undefined)) {
    problems.push({
      path: e.AWS_ACCESS_KEY_ID === undefined ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY",
      message:
        "set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither (the SDK then finds credentials itself)",
    });
  }
  return problems;
}

/**
 * The object store the variables describe, or undefined when `LANTOA_S3_BUCKET` is unset
 * (evidence stays in the local folder). Credentials are left to the AWS SDK's own chain.
 */
export function objectStoreFrom(e: ObjectStoreVariables): S3StorageOptions | undefined {
  if (!e.LANTOA_S3_BUCKET) return undefined;
  const prefix = e.LANTOA_S3_PREFIX ?? "";
  return {
    bucket: e.LANTOA_S3_BUCKET,
    // Self-hosted stores mostly ignore the region, but the SDK signs with one.
    region: e.LANTOA_S3_REGION ?? e.AWS_REGION ?? "us-east-1",
    endpoint: e.LANTOA_S3_ENDPOINT?.replace(/\/$/, ""),
    prefix: prefix === "" || prefix.endsWith("/") ? prefix : `${prefix}/`,
    // A self-hosted store rarely has a DNS name per bucket.
    forcePathStyle: e.LANTOA_S3_FORCE_PATH_STYLE ?? e.LANTOA_S3_ENDPOINT !== undefined,
  };
}

/**
 * Reads the object store from the environment alone (the command line's way), failing
 * with every problem named as the gateway's configuration does. An empty variable counts as unset.
 */
export function loadObjectStore(env: NodeJS.ProcessEnv): S3StorageOptions | undefined {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const parsed = ObjectStoreEnv.safeParse(set);
  const problems = parsed.success
    ? objectStoreProblems(parsed.data)
    : parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  if (problems.length > 0 || !parsed.success) {
    throw new Error(`Invalid configuration:\n  ${problems.map((p) => `${p.path}: ${p.message}`).join("\n  ")}`);
  }
  return objectStoreFrom(parsed.data);
}

/** How the start banner and the command line name a store. */
export function describeObjectStore(store: S3StorageOptions): string {
  const where = store.endpoint ?? `AWS ${store.region}`;
  return `S3 bucket ${store.bucket}${store.prefix ? ` under ${store.prefix}` : ""} at ${where}`;
}
