import { openAsBlob } from "node:fs";
import { basename } from "node:path";
import { importSpreadsheet } from "@lantoa/app";
import type { ImportKind, ImportReport } from "@lantoa/db";
import { CliFailure, ExitCode } from "../cli-failure.js";
import { type Lang, print, say } from "../messages.js";
import { progressBar } from "../progress-bar.js";
import { runUseCase } from "../run-use-case.js";

const phaseName = (lang: Lang, phase: string) =>
  ({
    read: say(lang, "Đọc tệp", "Reading"),
    check: say(lang, "Kiểm tra", "Checking"),
    write: say(lang, "Ghi", "Writing"),
  })[phase] ?? phase;

/**
 * `lantoa import <file> --kind …`: the `importSpreadsheet` use case, as the command-line
 * operator (anywhere) or `--as` a user (within the subtrees they administer). Checks the
 * whole file and, unless `--dry-run`, writes it in one transaction. Exits 1 when any
 * problem is found (nothing is written then) or the import is refused.
 */
export async function runImport(
  lang: Lang,
  file: string,
  options: { kind: ImportKind; dryRun: boolean; json: boolean; as?: string },
): Promise<void> {
  let upload: File;
  try {
    upload = new File([await openAsBlob(file)], basename(file));
  } catch (error) {
    throw new CliFailure(
      ExitCode.runtime,
      say(lang, `Không đọc được tệp ${file}: ${String(error)}`, `Cannot read ${file}: ${String(error)}`),
    );
  }
  const bar = progressBar();
  let report: ImportReport;
  try {
    report = await runUseCase(
      lang,
      importSpreadsheet,
      {
        kind: options.kind,
        dryRun: options.dryRun,
        file: upload,
        onProgress: (p) => bar.update(phaseName(lang, p.phase), p.done, p.total),
      },
      { as: options.as },
    );
  } finally {
    bar.stop();
  }
  if (options.json) print(JSON.stringify(report, null, 2));
  else {
    for (const p of report.problems) {
      const where =
        p.row === 0
          ? say(lang, "Tệp", "File")
          : p.column === ""
            ? say(lang, `Dòng ${p.row}`, `Row ${p.row}`)
            : say(lang, `Dòng ${p.row}, cột “${p.column}”`, `Row ${p.row}, column “${p.column}”`);
      print(`${where}: ${p.message[lang]} [${p.code}]`);
    }
    const names: Record<string, [string, string]> = {
      units: ["đơn vị", "units"],
      models: ["mô hình", "models"],
      indicatorValues: ["kết quả chỉ tiêu", "indicator values"],
      goldenBookEntries: ["mục sổ vàng", "golden-book entries"],
    };
    for (const [key, c] of Object.entries(report.counts)) {
      const [vi, en] = names[key] ?? [key, key];
      print(
        say(
          lang,
          `${vi}: ${c.inserted} thêm mới, ${c.updated} cập nhật, ${c.unchanged} không đổi`,
          `${en}: ${c.inserted} inserted, ${c.updated} updated, ${c.unchanged} unchanged`,
        ),
      );
    }
    print(
      report.problems.length > 0
        ? say(
            lang,
            `${report.problems.length} lỗi trong ${report.rows} dòng: không ghi gì.`,
            `${report.problems.length} problems in ${report.rows} rows: nothing written.`,
          )
        : report.applied
          ? say(lang, `Đã nhập ${report.rows} dòng.`, `Imported ${report.rows} rows.`)
          : say(
              lang,
              `Chạy thử: ${report.rows} dòng hợp lệ, chưa ghi gì.`,
              `Dry run: ${report.rows} rows are valid, nothing written.`,
            ),
    );
  }
  if (report.problems.length > 0) throw new CliFailure(ExitCode.problems, "");
}
