import type { ImportProgress } from "@lantoa/db";
import { createPubSub, type PubSub } from "graphql-yoga";
import { busEventTarget } from "./cluster/bus-event-target.js";
import type { ClusterBus } from "./cluster/cluster-bus.js";

/**
 * One step of a running import, as `importProgress` streams it. "ready" comes first,
 * once the stream listens (send the file after it); "done" closes the stream once the
 * import has finished, written or not.
 */
export type ImportProgressEvent = { readonly operationId: string } & (
  | ImportProgress
  | { readonly phase: "ready" | "done"; readonly done: number; readonly total: number }
);

/** Channels of import progress, one topic per user and operation id. */
export type ImportPubSub = PubSub<{ importProgress: [topic: string, event: ImportProgressEvent] }>;

/**
 * A gateway's import-progress channels, over the cluster bus: the import may run on one
 * gateway while its subscriber listens on another behind the same load balancer.
 */
export function createImportPubSub(bus: ClusterBus): ImportPubSub {
  return createPubSub({ eventTarget: busEventTarget(bus, "lantoa_import_progress") });
}

/**
 * Passes on the first and the last step of each phase, and between them at most one step
 * per `intervalMs`: an import updating 100,000 models reports each, and every step sent is
 * a NOTIFY on PostgreSQL.
 */
export function throttledProgress<Event extends { phase: string; done: number; total: number }>(
  publish: (event: Event) => void,
  intervalMs = 100,
  clock: () => number = Date.now,
): (event: Event) => void {
  let lastPhase = "";
  let lastAt = Number.NEGATIVE_INFINITY;
  return (event) => {
    const at = clock();
    const edge = event.phase !== lastPhase || event.done >= event.total || event.done === 0;
    if (!edge && at - lastAt < intervalMs) return;
    lastPhase = event.phase;
    lastAt = at;
    publish(event);
  };
}
