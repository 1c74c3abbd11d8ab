import type { ImportProgress } from "@lantoa/db";
import { createPubSub, type PubSub } from "graphql-yoga";

/**
 * One step of a running import, as `importProgress` streams it. "ready" comes first,
 * once the stream listens (send the file after it); "done" closes the stream once the
 * import has finished, written or not.
 */
export type ImportProgressEvent = { readonly operationId: string } & (
  | ImportProgress
  | { readonly phase: "ready" | "done"; readonly done: number; readonly total: number }
);

/** In-process channels, one topic per user and operation id (a single gateway process serves each import). */
export type ImportPubSub = PubSub<{ importProgress: [topic: string, event: ImportProgressEvent] }>;

/** A fresh channel set, one per gateway. */
export function createImportPubSub(): ImportPubSub {
  return createPubSub<{ importProgress: [topic: string, event: ImportProgressEvent] }>();
}
