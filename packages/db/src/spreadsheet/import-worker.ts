import { type MessagePort, parentPort, workerData } from "node:worker_threads";
import { databaseOverPort } from "./database-over-port.js";
import type { ImportKind } from "./import-columns.js";
import { type ImportOptions, type ImportProgress, type ImportReport, importSpreadsheet } from "./import-spreadsheet.js";

/** What the owning thread hands an import worker. */
export interface ImportWorkerData {
  readonly kind: ImportKind;
  readonly file: Uint8Array;
  readonly options: Omit<ImportOptions, "onProgress">;
  readonly database: MessagePort;
}

/** What an import worker sends back: progress as it goes, then the report or the failure. */
export type ImportWorkerMessage =
  | { readonly type: "progress"; readonly progress: ImportProgress }
  | { readonly type: "done"; readonly report: ImportReport }
  | { readonly type: "failed"; readonly message: string; readonly code?: string };

// The worker entry: reads, checks and plans the file here, off the main event loop; every
// statement runs on the owning thread's database through the port.
const input = workerData as ImportWorkerData;
const port = parentPort;
if (port) {
  const db = databaseOverPort(input.database);
  const send = (message: ImportWorkerMessage) => port.postMessage(message);
  importSpreadsheet(db, input.kind, input.file, {
    ...input.options,
    onProgress: (progress) => send({ type: "progress", progress }),
  })
    .then(
      (report) => send({ type: "done", report }),
      (error: Error & { code?: string }) =>
        send({ type: "failed", message: error.message, ...(error.code ? { code: error.code } : {}) }),
    )
    .finally(() => input.database.close());
}
