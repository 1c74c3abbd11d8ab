import type { App } from "@lantoa/app";
import type { Database, LoginThrottle, SessionUser } from "@lantoa/db";
import type { Kysely } from "kysely";
import type { ImportPubSub } from "./import-progress.js";
import type { NotificationEvents } from "./notification-events.js";
import type { ReadBatch } from "./read-batch.js";
import type { RoundEvents } from "./round-events.js";
import type { EvidenceLinks } from "./storage/evidence-links.js";
import type { EvidenceStorage } from "./storage/evidence-storage.js";

/** What every resolver receives; built fresh for each request. */
export interface Context {
  readonly db: Kysely<Database>;
  /**
   * Where reports, the dashboard, the leaderboard and exports read: a read replica fresh
   * enough for this viewer, or the primary (`db`). Chosen once per request by
   * `useReadReplicas`; the same scope filters run on it. Everything else reads `db`.
   */
  readonly reportsDb: Kysely<Database>;
  /** Runs the use cases of `@lantoa/app` (every mutation goes through one). */
  readonly app: App;
  /** Folds the reads due at the same moment into one statement (what DataLoaders should read through). */
  readonly reads: ReadBatch;
  /** The signed-in user, or null for an anonymous request. */
  readonly viewer: SessionUser | null;
  /** The bearer token of this request, when one was sent (for logout). */
  readonly token: string | null;
  /** The request's clock, read once per request. */
  readonly now: Date;
  readonly sessionTtlHours: number;
  readonly storage: EvidenceStorage;
  /** Signs the addresses evidence files are downloaded from. */
  readonly evidenceLinks: EvidenceLinks;
  /** Progress of running imports, for the `importProgress` subscription (every gateway's). */
  readonly pubsub: ImportPubSub;
  /** Round progress, for the `roundProgress` subscription (every gateway's). */
  readonly roundEvents: RoundEvents;
  /** News of the users' notifications, for the `notificationsChanged` subscription. */
  readonly notificationEvents: NotificationEvents;
  /** The gateway's public address without a trailing slash, e.g. `https://lantoa.example` (certificates' QR codes). */
  readonly publicUrl: string;
  /** Counts sign-in attempts per account and address (shared through the database). */
  readonly loginThrottle: LoginThrottle;
  /** The caller's network address, for per-address limits; null when unknown (in-process calls). */
  readonly clientAddress: string | null;
}
