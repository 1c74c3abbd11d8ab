import { readdir, rm, stat } from "node:fs/promises";
import { join, sep } from "node:path";
import { describeObjectStore, loadObjectStore, localFolderStorage, s3Storage } from "@lantoa/gateway/storage";
import { CliFailure, ExitCode } from "../cli-failure.js";
import { type Lang, print, say } from "../messages.js";

/** What `lantoa evidence move-to-store` did (or, on a dry run, would do). */
export interface MoveReport {
  copied: number;
  copiedBytes: number;
  /** Already in the store with the same size. */
  skipped: number;
  /** Local files removed (with `--delete-local`). */
  removed: number;
}

/** Every file under a folder, as the storage key it was stored under (`<model>/<file>`). */
async function keysIn(folder: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(folder, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const keys: string[] = [];
  for (const entry of entries.sort()) {
    if ((await stat(join(folder, entry))).isFile()) keys.push(entry.split(sep).join("/"));
  }
  return keys;
}

/**
 * `lantoa evidence move-to-store`: copies the evidence files of the local folder
 * (`LANTOA_UPLOAD_DIR`) to the object store of `LANTOA_S3_*`, under the same keys, so the
 * database's references stay valid. A file the store already holds with the same size is
 * skipped, so the command can be run again after an interruption. Local files are kept
 * unless `deleteLocal`, and then only once the store holds them.
 */
export async function runEvidenceMoveToStore(
  lang: Lang,
  options: { dryRun: boolean; deleteLocal: boolean },
): Promise<MoveReport> {
  let store: ReturnType<typeof loadObjectStore>;
  try {
    store = loadObjectStore(process.env);
  } catch (error) {
    throw new CliFailure(ExitCode.usage, (error as Error).message);
  }
  if (!store) {
    throw new CliFailure(
      ExitCode.usage,
      say(
        lang,
        "Chưa có kho đối tượng: hãy đặt LANTOA_S3_BUCKET (và LANTOA_S3_ENDPOINT, thông tin đăng nhập AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY nếu cần).",
        "No object store is set: set LANTOA_S3_BUCKET (and LANTOA_S3_ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY as needed).",
      ),
    );
  }
  const folder = process.env.LANTOA_UPLOAD_DIR || ".lantoa/uploads";
  const local = localFolderStorage(folder);
  const remote = s3Storage(store);
  const report: MoveReport = { copied: 0, copiedBytes: 0, skipped: 0, removed: 0 };
  for (const key of await keysIn(folder)) {
    const size = (await local.sizeOf(key)) ?? 0;
    if ((await remote.sizeOf(key)) === size) {
      report.skipped++;
    } else {
      if (!options.dryRun) {
        const file = await local.get(key);
        if (!file) continue;
        // An earlier, interrupted copy of another size is replaced.
        await remote.put(key, { stream: () => file.stream });
        const stored = await remote.sizeOf(key);
        if (stored !== size) {
          throw new CliFailure(
            ExitCode.runtime,
            say(
              lang,
              `Kho lưu ${stored ?? 0} byte cho ${key} thay vì ${size}: dừng lại, chưa xóa tệp nào của tệp này.`,
              `The store holds ${stored ?? 0} bytes for ${key} instead of ${size}: stopped, that file kept.`,
            ),
          );
        }
      }
      report.copied++;
      report.copiedBytes += size;
    }
    if (options.deleteLocal && !options.dryRun) {
      await rm(join(folder, key));
      report.removed++;
    }
  }
  const megabytes = (report.copiedBytes / 1024 / 1024).toFixed(1);
  const where = describeObjectStore(store);
  print(
    options.dryRun
      ? say(
          lang,
          `Chạy thử: sẽ chép ${report.copied} tệp (${megabytes} MB) từ ${folder} sang ${where}; ${report.skipped} tệp đã có trong kho.`,
          `Dry run: would copy ${report.copied} files (${megabytes} MB) from ${folder} to ${where}; ${report.skipped} already in the store.`,
        )
      : say(
          lang,
          `Đã chép ${report.copied} tệp (${megabytes} MB) từ ${folder} sang ${where}; ${report.skipped} tệp đã có trong kho; đã xóa ${report.removed} tệp tại chỗ.`,
          `Copied ${report.copied} files (${megabytes} MB) from ${folder} to ${where}; ${report.skipped} already in the store; removed ${report.removed} local files.`,
        ),
  );
  return report;
}
