import type { Kysely } from "kysely";
import { appendAudit } from "../audit/append-audit.js";
import type { Database } from "../database.js";
import { importScopeProblems } from "./check-import-scope.js";
import { loadImportCatalogue } from "./import-catalogue.js";
import { type ImportKind, importColumns } from "./import-columns.js";
import type { Db, ImportCounts, ImportPlan } from "./import-plan.js";
import type { ImportProblem } from "./import-problem.js";
import { planGoldenBook } from "./plan-golden-book.js";
import { planModels } from "./plan-models.js";
import { planUnits } from "./plan-units.js";
import { readSpreadsheet, type SheetTable } from "./read-spreadsheet.js";
import { mapColumns, type RowReader } from "./sheet-row-reader.js";

/** Where an import is: reading the file, checking rows, or writing them. */
export interface ImportProgress {
  readonly phase: "read" | "check" | "write";
  readonly done: number;
  readonly total: number;
}

/** Options of {@link importSpreadsheet}. */
export interface ImportOptions {
  /** Check everything and count what would change, but write nothing. */
  readonly dryRun?: boolean;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Who imports, for the audit log entry an applied import that changed something leaves. */
  readonly actorUserId?: string | null;
  /**
   * The materialized paths of the subtrees the importer administers; rows reaching
   * outside them are problems (`IMPORT.OUTSIDE_SCOPE`). Leave out for a system admin
   * or the command line, which may import anywhere.
   */
  readonly scopePaths?: readonly string[];
}

/** The outcome of an import: the problems found (none when it applied) and what changed, or would. */
export interface ImportReport {
  readonly kind: ImportKind;
  readonly dryRun: boolean;
  /** Whether the file was written; false for a dry run or when any problem was found. */
  readonly applied: boolean;
  /** Data rows read (blank rows aside). */
  readonly rows: number;
  /** Every problem, by row and then column order; empty when the file is clean. */
  readonly problems: readonly ImportProblem[];
  /** Per record type (units, models, indicatorValues, goldenBookEntries): inserted, updated, unchanged. */
  readonly counts: Readonly<Record<string, ImportCounts>>;
}

const planners: Record<
  ImportKind,
  (
    db: Db,
    table: SheetTable,
    reader: RowReader,
    catalogue: Awaited<ReturnType<typeof loadImportCatalogue>>,
  ) => Promise<ImportPlan>
> = {
  units: planUnits,
  models: planModels,
  "golden-book": planGoldenBook,
};

function sortProblems(problems: readonly ImportProblem[], order: readonly string[]): ImportProblem[] {
  const position = (column: string) => {
    const at = order.indexOf(column);
    return at === -1 ? order.length : at;
  };
  return [...problems].sort((a, b) => a.row - b.row || position(a.column) - position(b.column));
}

/**
 * Imports units, models with their outcomes, or golden-book entries from an XLSX or
 * CSV file (the template of {@link spreadsheetTemplate}). Every row is checked first;
 * with any problem nothing is written and the report lists them all, by row and
 * column, in Vietnamese and English. Otherwise the whole file is written in one
 * transaction. Records are matched by natural key (unit code, model code, model +
 * indicator + period, the golden-book entry's unit, name, date and deed), so
 * importing the same file again changes nothing. A file that cannot be read in full
 * (a broken XLSX, a CSV cut off mid-line) is refused before any row is looked at.
 *
 * @example
 * const report = await importSpreadsheet(db, "models", await readFile("mo-hinh.xlsx"), { dryRun: true });
 * for (const p of report.problems) console.log(`Dòng ${p.row}, cột ${p.column}: ${p.message.vi}`);
 */
export async function importSpreadsheet(
  db: Kysely<Database>,
  kind: ImportKind,
  file: Uint8Array,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const dryRun = options.dryRun ?? false;
  const progress = options.onProgress ?? (() => {});
  const refused = (rows: number, problems: ImportProblem[]): ImportReport => ({
    kind,
    dryRun,
    applied: false,
    rows,
    problems,
    counts: {},
  });

  progress({ phase: "read", done: 0, total: file.byteLength });
  const read = await readSpreadsheet(file);
  if (!read.ok) return refused(0, [read.problem]);
  const table = read.table;
  progress({ phase: "read", done: file.byteLength, total: file.byteLength });
  const columns = mapColumns(kind, table);
  if (!columns.ok) return refused(table.rows.length, columns.problems);
  if (table.rows.length === 0) return { ...refused(0, []), applied: !dryRun };

  const plan = async (handle: Db) => {
    progress({ phase: "check", done: 0, total: table.rows.length });
    const catalogue = await loadImportCatalogue(handle);
    const planned = await planners[kind](handle, table, columns.reader, catalogue);
    if (options.scopePaths !== undefined) {
      planned.problems.push(...(await importScopeProblems(handle, kind, table, columns.reader, options.scopePaths)));
    }
    progress({ phase: "check", done: table.rows.length, total: table.rows.length });
    return planned;
  };
  const headerOrder = importColumns[kind].map((c) => c.header.vi);
  const reportOf = (planned: ImportPlan, applied: boolean): ImportReport => ({
    kind,
    dryRun,
    applied,
    rows: table.rows.length,
    problems: sortProblems(planned.problems, headerOrder),
    counts: planned.counts,
  });

  if (dryRun) return reportOf(await plan(db), false);
  return db.transaction().execute(async (trx) => {
    const planned = await plan(trx);
    if (planned.problems.length > 0) return reportOf(planned, false);
    await planned.write(trx, (done, total) => progress({ phase: "write", done, total }));
    const changed = Object.values(planned.counts).some((c) => c.inserted + c.updated > 0);
    // One entry per import, not per row: the file is the unit of change here. A no-op
    // re-import leaves no trace, as it changed nothing.
    if (changed) {
      await appendAudit(trx, {
        actorUserId: options.actorUserId ?? null,
        action: "import",
        entity: "spreadsheet",
        entityId: kind,
        after: { rows: table.rows.length, counts: planned.counts },
      });
    }
    return reportOf(planned, true);
  });
}
