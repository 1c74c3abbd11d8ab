import { ImportProgressDocument, type ImportProgressSubscription } from "@lantoa/client";

/** One progress event of an import. */
export type ImportProgressEvent = NonNullable<ImportProgressSubscription["importProgress"]>;

/** A running progress stream. */
export interface ProgressStream {
  /** Resolves once the gateway listens (its first, "ready" event); send the file after it. */
  ready: Promise<void>;
  close(): void;
}

/**
 * Follows `importProgress(operationId)` over server-sent events. A POST read as a stream
 * rather than EventSource, which can send neither the bearer token nor the CSRF header.
 * `ready` resolves even when the stream fails or is slow (after 3 s): progress is a nicety,
 * the import goes on.
 */
export function followImportProgress(
  endpoint: string,
  operationId: string,
  token: string | null,
  onEvent: (event: ImportProgressEvent) => void,
): ProgressStream {
  const controller = new AbortController();
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const run = async () => {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "text/event-stream",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: String(ImportProgressDocument), variables: { operationId } }),
      signal: controller.signal,
    });
    if (!response.ok || !response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      buffer += chunk.value;
      // Events end with a blank line; keep a partial one for the next chunk.
      const parts = buffer.split("\n\n");
      buffer = parts.pop() ?? "";
      for (const part of parts) {
        const data = part
          .split("\n")
          .filter((line) => line.startsWith("data:"))
          .map((line) => line.slice(5).trim())
          .join("");
        if (!data) continue;
        const event = (JSON.parse(data) as { data?: ImportProgressSubscription }).data?.importProgress;
        if (!event) continue;
        if (event.phase === "ready") markReady();
        else onEvent(event);
      }
    }
  };
  // Nor does a slow stream hold the import up for long.
  const waited = setTimeout(markReady, 3000);
  void ready.then(() => clearTimeout(waited));
  run()
    .catch(() => undefined)
    .finally(markReady);
  return { ready, close: () => controller.abort() };
}
