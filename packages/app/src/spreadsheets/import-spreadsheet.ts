import {
  type ImportKind,
  type ImportProgress,
  type ImportReport,
  importKinds,
  importSpreadsheetInWorker,
  SPREADSHEET_LIMITS,
} from "@lantoa/db";
import { type DomainError, domainError, err, ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { isSystemAdmin } from "../access/roles.js";
import { forbidden } from "../errors/forbidden.js";
import type { Actor } from "../runner/actor.js";
import { defineUseCase } from "../runner/use-case.js";
import { type UploadedFile, UploadedFileSchema } from "../shared/uploaded-file.js";

/** What an import file may be: its size, its name's ending and its declared type (browsers send CSV under several). */
export const IMPORT_FILE_LIMITS = {
  maxBytes: SPREADSHEET_LIMITS.maxBytes,
  extensions: [".xlsx", ".csv"],
  mimeTypes: [
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "text/csv",
    "application/csv",
    "application/vnd.ms-excel",
    "text/plain",
    "application/octet-stream",
    "",
  ],
} as const;

/** A spreadsheet to import: what it holds, the file, whether to only check it, and who hears of its progress. */
export const ImportSpreadsheetInput = z.object({
  kind: z.enum(importKinds as readonly ImportKind[] as [ImportKind, ...ImportKind[]]),
  dryRun: z.boolean(),
  file: UploadedFileSchema,
  onProgress: z.custom<(progress: ImportProgress) => void>((value) => typeof value === "function").optional(),
});

/**
 * Where the actor may import: anywhere (undefined) for a system admin, within the
 * subtrees they administer for a unit admin, and nowhere (null) for anyone else.
 */
export function importScopeOf(actor: Pick<Actor, "assignments">): readonly string[] | undefined | null {
  if (isSystemAdmin(actor)) return undefined;
  const paths = actor.assignments.flatMap((a) => (a.role === "unit-admin" && a.unitPath !== null ? [a.unitPath] : []));
  return paths.length > 0 ? paths : null;
}

/** Whether a file's size, name and declared type make it an import file worth reading. */
export function isAcceptedSpreadsheet(file: Pick<UploadedFile, "name" | "size" | "type">): boolean {
  const name = file.name.toLowerCase();
  const type = file.type.split(";")[0]?.trim() ?? "";
  return (
    file.size <= IMPORT_FILE_LIMITS.maxBytes &&
    IMPORT_FILE_LIMITS.extensions.some((ending) => name.endsWith(ending)) &&
    (IMPORT_FILE_LIMITS.mimeTypes as readonly string[]).includes(type)
  );
}

function fileNotAccepted(file: UploadedFile): DomainError<"IMPORT.FILE_NOT_ACCEPTED"> {
  const mb = IMPORT_FILE_LIMITS.maxBytes / 1024 / 1024;
  return domainError(
    "IMPORT.FILE_NOT_ACCEPTED",
    {
      vi: `Tệp nhập phải là Excel (.xlsx) hoặc CSV (.csv) và không quá ${mb} MB.`,
      en: `The file must be Excel (.xlsx) or CSV (.csv) of at most ${mb} MB.`,
    },
    { size: file.size, type: file.type, name: file.name },
  );
}

/**
 * Imports units, models with their outcomes, or golden-book entries from an XLSX or CSV
 * file: system admins anywhere, unit admins within their subtrees (rows outside them
 * are problems), anyone else refused with AUTH.FORBIDDEN; a file of the wrong kind or
 * size is refused with IMPORT.FILE_NOT_ACCEPTED before it is read. The file is checked
 * and written by the import engine of `@lantoa/db` in a worker thread, in a transaction
 * of its own (a long import must not hold the runner's), and with any problem nothing
 * is written: the report lists them all. An applied import that changed something is
 * audited as `import`.
 */
export const importSpreadsheet = defineUseCase({
  name: "importSpreadsheet",
  input: ImportSpreadsheetInput,
  prepare: async ({ db, actor }, input) => {
    const scopePaths = importScopeOf(actor);
    if (scopePaths === null) return err(forbidden());
    if (!isAcceptedSpreadsheet(input.file)) return err(fileNotAccepted(input.file));
    const report = await importSpreadsheetInWorker(db, input.kind, new Uint8Array(await input.file.arrayBuffer()), {
      dryRun: input.dryRun,
      actorUserId: actor.userId,
      ...(scopePaths === undefined ? {} : { scopePaths }),
      ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    });
    return ok(report);
  },
  run: async (_scope, _input, report: ImportReport) => ok(report),
});
