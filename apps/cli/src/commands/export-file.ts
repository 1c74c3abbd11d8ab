import { writeFile } from "node:fs/promises";
import {
  type ExportFormat,
  type ExportReportName,
  exportReport,
  type ImportKind,
  type ReportFilter,
  spreadsheetTemplate,
} from "@lantoa/db";
import { CliFailure, ExitCode } from "../cli-failure.js";
import { type Lang, print, say } from "../messages.js";
import { withDatabase } from "../open-database.js";
import { progressBar } from "../progress-bar.js";

/** Export filter options as given on the command line. */
export interface FilterOptions {
  unit?: string;
  fromYear?: number;
  toYear?: number;
  field?: string;
}

/** `lantoa export <report> --format … --out FILE`. */
export async function runExport(
  lang: Lang,
  report: ExportReportName,
  options: FilterOptions & { format: ExportFormat; out: string },
): Promise<void> {
  const bar = progressBar();
  const file = await withDatabase(async ({ db }) => {
    const filter: ReportFilter = { fromYear: options.fromYear, toYear: options.toYear, field: options.field };
    if (options.unit !== undefined) {
      const unit = await db.selectFrom("units").select("id").where("code", "=", options.unit).executeTakeFirst();
      if (!unit)
        throw new CliFailure(
          ExitCode.problems,
          say(lang, `Không có đơn vị mã “${options.unit}”`, `No unit has code “${options.unit}”`),
        );
      Object.assign(filter, { withinUnitId: unit.id });
    }
    bar.update(say(lang, "Xuất", "Exporting"), 0, 1);
    try {
      return await exportReport(db, report, options.format, filter, {
        lang,
        onProgress: (p) => bar.update(say(lang, "Xuất", "Exporting"), p.done, p.total),
      });
    } finally {
      bar.stop();
    }
  });
  await writeFile(options.out, file);
  print(
    say(lang, `Đã ghi ${options.out} (${file.byteLength} byte).`, `Wrote ${options.out} (${file.byteLength} bytes).`),
  );
}

/** `lantoa template <kind> --out FILE`: an empty import template; the format follows the file name. */
export async function runTemplate(lang: Lang, kind: ImportKind, out: string): Promise<void> {
  const format: ExportFormat = out.toLowerCase().endsWith(".csv") ? "csv" : "xlsx";
  const file = await spreadsheetTemplate(kind, format, lang);
  await writeFile(out, file);
  print(say(lang, `Đã ghi mẫu ${out}.`, `Wrote the template ${out}.`));
}
