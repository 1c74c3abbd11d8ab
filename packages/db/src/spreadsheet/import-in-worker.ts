import { availableParallelism } from "node:os";
import { MessageChannel, Worker } from "node:worker_threads";
import type { Kysely } from "kysely";
import type { Database } from "../database.js";
import { workSlots } from "../shared/work-slots.js";
import { serveDatabaseOverPort } from "./database-over-port.js";
import type { ImportKind } from "./import-columns.js";
import { importProblem } from "./import-problem.js";
import type { ImportOptions, ImportReport } from "./import-spreadsheet.js";
import type { ImportWorkerData, ImportWorkerMessage } from "./import-worker.js";

/** The most memory (V8's old generation) one import's worker may take before it is stopped. */
export const IMPORT_WORKER_HEAP_MB = 1536;

/** Imports at once: half the cores (one on two), so an import never takes the whole machine. */
const importing = workSlots(Math.max(1, Math.floor(availableParallelism() / 2)));

// Built code runs the worker beside it; sources run under a test runner use the built
// worker (Node cannot start a TypeScript file as a worker).
const workerUrl = import.meta.url.endsWith(".ts")
  ? new URL("../../dist/spreadsheet/import-worker.js", import.meta.url)
  : new URL("./import-worker.js", import.meta.url);

/**
 * {@link importSpreadsheet} in a worker thread: reading, checking and planning the file
 * (seconds of CPU for tens of thousands of rows) happen off this thread's event loop, so
 * everyone else keeps their response times; the statements, the transaction included,
 * still run on `db` here, and the result is the same. A file that needs more memory than
 * {@link IMPORT_WORKER_HEAP_MB} is refused (IMPORT.TOO_LARGE) with nothing written, and
 * that memory goes back when the worker ends. At most half the cores' worth of imports
 * run at once; others wait their turn.
 *
 * @example
 * const report = await importSpreadsheetInWorker(db, "models", bytes, { dryRun: true, onProgress: console.log });
 */
export function importSpreadsheetInWorker(
  db: Kysely<Database>,
  kind: ImportKind,
  file: Uint8Array,
  options: ImportOptions = {},
): Promise<ImportReport> {
  return importing.run(async () => {
    const { port1, port2 } = new MessageChannel();
    const stopServing = serveDatabaseOverPort(db, port1);
    const { onProgress, ...rest } = options;
    const data: ImportWorkerData = { kind, file, options: rest, database: port2 };
    const worker = new Worker(workerUrl, {
      workerData: data,
      transferList: [port2],
      resourceLimits: { maxOldGenerationSizeMb: IMPORT_WORKER_HEAP_MB },
    });
    try {
      return await new Promise<ImportReport>((resolve, reject) => {
        worker.on("message", (message: ImportWorkerMessage) => {
          if (message.type === "progress") onProgress?.(message.progress);
          else if (message.type === "done") resolve(message.report);
          else reject(Object.assign(new Error(message.message), message.code ? { code: message.code } : {}));
        });
        worker.on("error", (error: Error & { code?: string }) => {
          if (error.code === "ERR_WORKER_OUT_OF_MEMORY") resolve(tooBigToImport(kind, options.dryRun ?? false));
          else reject(error);
        });
        worker.on("exit", (code) => reject(new Error(`The import worker stopped (exit code ${code})`)));
      });
    } finally {
      await worker.terminate();
      await stopServing();
      port1.close();
    }
  });
}

function tooBigToImport(kind: ImportKind, dryRun: boolean): ImportReport {
  return {
    kind,
    dryRun,
    applied: false,
    rows: 0,
    problems: [
      importProblem(
        0,
        "",
        "IMPORT.TOO_LARGE",
        "Tệp cần nhiều bộ nhớ hơn mức cho phép của một lần nhập: hãy chia thành nhiều tệp nhỏ hơn",
        "The file needs more memory than one import may use: split it into smaller files",
      ),
    ],
    counts: {},
  };
}
