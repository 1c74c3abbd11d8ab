import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ObjectStoreEnv, objectStoreFrom, objectStoreProblems } from "./storage/object-store-config.js";
import type { S3StorageOptions } from "./storage/s3-storage.js";

const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional();

const workersHint = "a number of processes (1 to 256) or auto (one per core)";

const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().min(1).default("localhost"),
    DATABASE_URL: z.string().url().optional(),
    // Read replicas (see replicas/read-router.ts): hot standbys of DATABASE_URL's server.
    DATABASE_REPLICA_URLS: z
      .string()
      .transform((v) =>
        v
          .split(",")
          .map((u) => u.trim())
          .filter((u) => u !== ""),
      )
      .pipe(
        z.array(
          z
            .string()
            .regex(
              /^postgres(ql)?:\/\/[^\s,]+$/,
              "PostgreSQL addresses (postgres://user@host:port/db), separated by commas",
            ),
        ),
      )
      .optional(),
    LANTOA_REPLICA_MAX_LAG_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
    LANTOA_DATA_DIR: z.string().min(1).default(".lantoa/data"),
    LANTOA_UPLOAD_DIR: z.string().min(1).default(".lantoa/uploads"),
    LANTOA_ADMIN_DIST: z.string().min(1).optional(),
    LANTOA_SEED_DEMO: flag,
    LANTOA_GRAPHIQL: flag,
    LANTOA_INTROSPECTION: flag,
    LANTOA_FIELD_SUGGESTIONS: flag,
    LANTOA_CORS_ORIGINS: z.string().optional(),
    LANTOA_PUBLIC_URL: z.string().url().optional(),
    LANTOA_TRUST_PROXY: flag,
    LANTOA_FILE_SIGNING_KEY: z.string().min(32, "use at least 32 characters").optional(),
    LANTOA_SESSION_TTL_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 90)
      .default(12),
    LANTOA_RESPONSE_CACHE_MS: z.coerce.number().int().min(0).max(600_000).default(0),
    LANTOA_SESSION_CACHE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    LANTOA_SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "an smtp:// or smtps:// address")
      .optional(),
    LANTOA_MAIL_FROM: z.string().min(3).default("Lan Tỏa <khongtraloi@lantoa.test>"),
    LANTOA_REMINDER_OFFSETS_DAYS: z
      .string()
      .regex(/^\d{1,2}(,\d{1,2})*$/, "days before a due date, separated by commas (3,1)")
      .default("3,1"),
    // Processes serving one port (node:cluster); "auto": one per core. PostgreSQL only.
    LANTOA_WORKERS: z
      .union([z.literal("auto"), z.coerce.number().int(workersHint).min(1, workersHint).max(256, workersHint)], {
        error: workersHint,
      })
      .optional(),
    NODE_ENV: z.string().optional(),
  })
  .extend(ObjectStoreEnv.shape)
  .superRefine((e, context) => {
    if (e.DATABASE_REPLICA_URLS?.length && !e.DATABASE_URL) {
      context.addIssue({
        code: "custom",
        path: ["DATABASE_REPLICA_URLS"],
        message:
          "read replicas need a PostgreSQL primary: set DATABASE_URL (embedded PGlite is one process and has no replicas)",
      });
    }
    for (const problem of objectStoreProblems(e)) {
      context.addIssue({ code: "custom", path: [problem.path], message: problem.message });
    }
  });

/** The gateway's settings, read once from the environment at start. */
export interface GatewayConfig {
  readonly port: number;
  readonly host: string;
  /** PostgreSQL when set; embedded PGlite in `dataDir` otherwise. */
  readonly databaseUrl: string | undefined;
  /** PostgreSQL hot standbys of `databaseUrl` for reports and exports; none when empty. */
  readonly replicaUrls?: readonly string[];
  /** A replica further behind the primary than this is skipped, in milliseconds. */
  readonly replicaMaxLagMs?: number;
  /** PGlite's data folder; in memory when undefined (tests). */
  readonly dataDir: string | undefined;
  /** Where uploaded evidence files are kept when there is no object store. */
  readonly uploadDir: string;
  /** The S3-compatible store evidence files go to (`LANTOA_S3_BUCKET`); the folder when unset. */
  readonly objectStore?: S3StorageOptions | undefined;
  /** The built admin app served at `/`. */
  readonly adminDist: string;
  readonly seedDemo: boolean;
  readonly graphiql: boolean;
  /** Answer introspection queries (GraphiQL and code generators need them); off in production. */
  readonly introspection?: boolean;
  /** "Did you mean …?" in validation errors; off in production, where they reveal the schema. */
  readonly fieldSuggestions?: boolean;
  /** Other origins allowed to call the API from a browser (CORS); none when empty. */
  readonly corsOrigins: readonly string[];
  readonly sessionTtlHours: number;
  /** Behind a reverse proxy: the caller's address is the last X-Forwarded-For entry. */
  readonly trustProxy?: boolean;
  /** Signs evidence download addresses; random per process when unset. */
  readonly fileSigningKey?: string | undefined;
  /** How long a viewer's read is answered from memory; 0 or unset: never (see useViewerResponseCache). */
  readonly responseCacheTtlMs?: number;
  /** How long a validated session is trusted without asking the database; 0: never (see createSessionCache). */
  readonly sessionCacheTtlMs?: number;
  /**
   * The address the public reaches this gateway at (e.g. `https://lantoa.example`), printed
   * in certificates' QR codes; each request's own origin when unset.
   */
  readonly publicUrl?: string | undefined;
  /** The SMTP server e-mails go through (`smtp://127.0.0.1:2525`); e-mail is off when unset. */
  readonly smtpUrl?: string | undefined;
  /** The sender of e-mails. */
  readonly mailFrom?: string;
  /** Days before a due date that reminders go out (3 and 1 unless said otherwise). */
  readonly reminderOffsetsDays?: readonly number[];
  /** Processes serving the port (`LANTOA_WORKERS`, `auto` resolved to the cores); 1: no cluster. */
  readonly workers?: number;
}

/** Every environment variable the gateway reads, from its schema (the production guide lists each). */
export const gatewayEnvironmentVariables: readonly string[] = Object.keys(EnvSchema.shape);

/** The admin app's build output, beside this app in the monorepo. */
export const defaultAdminDist = fileURLToPath(new URL("../../admin/dist", import.meta.url));

/** A variable the gateway cannot start with: the message names each problem, one per line. */
export class InvalidConfigurationError extends Error {
  override readonly name = "InvalidConfigurationError";
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
}

/** Parses the environment, failing with every problem named. An empty variable counts as unset. */
export function loadConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== "")));
  if (!parsed.success) {
    throw new InvalidConfigurationError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    replicaUrls: e.DATABASE_REPLICA_URLS ?? [],
    replicaMaxLagMs: e.LANTOA_REPLICA_MAX_LAG_MS,
    dataDir: e.LANTOA_DATA_DIR,
    uploadDir: e.LANTOA_UPLOAD_DIR,
    objectStore: objectStoreFrom(e),
    adminDist: e.LANTOA_ADMIN_DIST ?? defaultAdminDist,
    seedDemo: e.LANTOA_SEED_DEMO ?? true,
    graphiql: e.LANTOA_GRAPHIQL ?? e.NODE_ENV !== "production",
    introspection: e.LANTOA_INTROSPECTION ?? e.NODE_ENV !== "production",
    fieldSuggestions: e.LANTOA_FIELD_SUGGESTIONS ?? e.NODE_ENV !== "production",
    corsOrigins: (e.LANTOA_CORS_ORIGINS ?? "")
      .split(",")
      .map((o) => o.trim())
      .filter((o) => o !== ""),
    sessionTtlHours: e.LANTOA_SESSION_TTL_HOURS,
    trustProxy: e.LANTOA_TRUST_PROXY ?? false,
    fileSigningKey: e.LANTOA_FILE_SIGNING_KEY,
    responseCacheTtlMs: e.LANTOA_RESPONSE_CACHE_MS,
    sessionCacheTtlMs: e.LANTOA_SESSION_CACHE_MS,
    publicUrl: e.LANTOA_PUBLIC_URL?.replace(/\/+$/, ""),
    smtpUrl: e.LANTOA_SMTP_URL,
    mailFrom: e.LANTOA_MAIL_FROM,
    reminderOffsetsDays: e.LANTOA_REMINDER_OFFSETS_DAYS.split(",").map(Number),
    workers: e.LANTOA_WORKERS === "auto" ? availableParallelism() : (e.LANTOA_WORKERS ?? 1),
  };
}
