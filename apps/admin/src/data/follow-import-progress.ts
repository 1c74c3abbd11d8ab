import { ImportProgressDocument, type ImportProgressSubscription } from "@lantoa/client";
import { followSubscription } from "./follow-subscription";

/** One progress event of an import. */
export type ImportProgressEvent = NonNullable<ImportProgressSubscription["importProgress"]>;

/** A running progress stream. */
export interface ProgressStream {
  /** Resolves once the gateway listens (its first, "ready" event); send the file after it. */
  ready: Promise<void>;
  close(): void;
}

/**
 * Follows `importProgress(operationId)`. `ready` resolves even when the stream fails or is
 * slow (after 3 s): progress is a nicety, the import goes on.
 */
export function followImportProgress(
  endpoint: string,
  operationId: string,
  token: string | null,
  onEvent: (event: ImportProgressEvent) => void,
): ProgressStream {
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  // Nor does a slow stream hold the import up for long.
  const waited = setTimeout(markReady, 3000);
  void ready.then(() => clearTimeout(waited));
  const close = followSubscription(endpoint, ImportProgressDocument, { operationId }, token, {
    onData: ({ importProgress: event }) => {
      if (event?.phase === "ready") markReady();
      else if (event) onEvent(event);
    },
    onEnd: markReady,
  });
  return { ready, close };
}
