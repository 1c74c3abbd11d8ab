#!/usr/bin/env node
import { DataFolderLockedError, exportReports, importKinds } from "@lantoa/db";
import { Argument, CommanderError, InvalidArgumentError, Option, program } from "commander";
import { CliFailure, ExitCode } from "./cli-failure.js";
import { runBackup, runRestore } from "./commands/backup.js";
import { roles, runCreateUser } from "./commands/create-user.js";
import { runExport, runTemplate } from "./commands/export-file.js";
import { runGenerateScale } from "./commands/generate-scale.js";
import { runImport } from "./commands/import-file.js";
import { runMigrate } from "./commands/migrate.js";
import { runRollupsRebuild } from "./commands/rollups.js";
import { runRoundAdvance, stepNames } from "./commands/round.js";
import { runSeed } from "./commands/seed.js";
import { type Lang, say } from "./messages.js";

const lang = (): Lang => (program.opts().lang === "en" ? "en" : "vi");

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive whole number");
  return n;
}
function year(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1900 || n > 2200) throw new InvalidArgumentError("expected a year");
  return n;
}

program
  .name("lantoa")
  .description(
    "Lan Tỏa: cơ sở dữ liệu qua DATABASE_URL (PostgreSQL) hoặc LANTOA_DATA_DIR (PGlite, mặc định .lantoa/data).\n" +
      "Mã thoát: 0 xong, 1 dữ liệu có lỗi, 2 sai cú pháp lệnh, 3 lỗi khi chạy.",
  )
  .addOption(new Option("--lang <lang>", "ngôn ngữ thông báo / message language").choices(["vi", "en"]).default("vi"))
  .exitOverride()
  .showHelpAfterError();

program
  .command("migrate")
  .description("nâng cấp cơ sở dữ liệu lên phiên bản mới nhất / apply pending migrations")
  .action(() => runMigrate(lang()));

program
  .command("seed")
  .description("nạp dữ liệu mẫu Thanh Liêm vào cơ sở dữ liệu chưa có đơn vị / load the demo data")
  .action(() => runSeed(lang()));

program
  .command("generate-scale")
  .description("tạo dữ liệu lớn để thử tải / generate country-scale data into an empty database")
  .option("--models <n>", "số mô hình / models", positiveInteger, 100_000)
  .option("--units <n>", "số đơn vị / units", positiveInteger, 2_000)
  .option("--seed <n>", "hạt ngẫu nhiên / random seed", positiveInteger, 1)
  .action((options: { models: number; units: number; seed: number }) => runGenerateScale(lang(), options));

program
  .command("rollups")
  .description("số liệu tổng hợp cho báo cáo / report rollups")
  .command("rebuild")
  .description("tính lại số liệu tổng hợp từ dữ liệu gốc / recompute the report rollups from the raw rows")
  .action(() => runRollupsRebuild(lang()));

program
  .command("import")
  .description("nhập bảng tính XLSX hoặc CSV / import a spreadsheet")
  .argument("<file>", "tệp .xlsx hoặc .csv")
  .addOption(
    new Option("--kind <kind>", "loại dữ liệu / what the file holds").choices(importKinds).makeOptionMandatory(),
  )
  .option("--dry-run", "chỉ kiểm tra, không ghi / check only, write nothing", false)
  .option("--json", "in báo cáo dạng JSON / print the report as JSON", false)
  .option("--as <username>", "thực hiện với tư cách tài khoản này / act as this user")
  .action((file: string, options) => runImport(lang(), file, options));

program
  .command("export")
  .description("xuất danh sách hoặc báo cáo / export a list or report")
  .addArgument(new Argument("<report>", "báo cáo / report").choices(exportReports))
  .addOption(new Option("--format <format>", "xlsx hoặc csv").choices(["xlsx", "csv"]).default("xlsx"))
  .requiredOption("--out <file>", "tệp kết quả / output file")
  .option("--unit <code>", "chỉ đơn vị này và cấp dưới / only this unit's subtree")
  .option("--from-year <year>", "từ năm / first year", year)
  .option("--to-year <year>", "đến năm / last year", year)
  .option("--field <code>", "lĩnh vực / field")
  .action((report, options) => runExport(lang(), report, options));

program
  .command("template")
  .description("tải mẫu bảng tính nhập liệu / write an empty import template")
  .addArgument(new Argument("<kind>", "loại dữ liệu / kind").choices(importKinds))
  .requiredOption("--out <file>", "tệp .xlsx hoặc .csv")
  .action((kind, options: { out: string }) => runTemplate(lang(), kind, options.out));

program
  .command("create-user")
  .description("tạo tài khoản (mật khẩu từ LANTOA_NEW_PASSWORD hoặc nhập) / create a user")
  .requiredOption("--username <username>", "tên đăng nhập")
  .requiredOption("--name <name>", "tên hiển thị")
  .addOption(new Option("--role <role>", "vai trò").choices(roles).makeOptionMandatory())
  .option("--unit <code>", "mã đơn vị (trừ system-admin)")
  .action((options) => runCreateUser(lang(), options));

program
  .command("round")
  .description("đợt bình xét / evaluation rounds")
  .command("advance")
  .description("chuyển đợt sang bước tiếp theo / take a round's next step")
  .requiredOption("--code <code>", "mã đợt / round code")
  .addOption(
    new Option("--step <step>", "bước hoặc trạng thái đích / step, or the status it leads to")
      .choices(stepNames)
      .makeOptionMandatory(),
  )
  .option("--as <username>", "thực hiện với tư cách tài khoản này / act as this user")
  .action((options: { code: string; step: string; as?: string }) => runRoundAdvance(lang(), options));

program
  .command("evidence")
  .description("tệp minh chứng / evidence files")
  .command("move-to-store")
  .description(
    "chép tệp minh chứng từ thư mục (LANTOA_UPLOAD_DIR) sang kho đối tượng (LANTOA_S3_*) / copy evidence files from the folder to the object store",
  )
  .option("--dry-run", "chỉ đếm, không chép / count only, copy nothing", false)
  .option("--delete-local", "xóa tệp tại chỗ khi kho đã có / delete local files once the store holds them", false)
  .action(async (options: { dryRun: boolean; deleteLocal: boolean }) => {
    // Loaded when used: the AWS SDK would slow every other command's start.
    const { runEvidenceMoveToStore } = await import("./commands/evidence.js");
    await runEvidenceMoveToStore(lang(), options);
  });

program
  .command("backup")
  .description("sao lưu: thư mục PGlite hoặc tệp pg_dump / back up")
  .requiredOption("--out <path>", "thư mục (PGlite) hoặc tệp (PostgreSQL)")
  .action((options: { out: string }) => runBackup(lang(), options.out));

program
  .command("restore")
  .description("khôi phục từ bản sao lưu / restore a backup")
  .requiredOption("--from <path>", "bản sao lưu")
  .option("--force", "thay thế dữ liệu đang có (PGlite) / replace existing data", false)
  .action((options: { from: string; force: boolean }) => runRestore(lang(), options.from, options.force));

try {
  await program.parseAsync(process.argv);
  process.exitCode = ExitCode.ok;
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version end "with an error" in commander's terms; they are a success.
    process.exitCode = error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  } else if (error instanceof DataFolderLockedError) {
    const { pid, command, hostname, since } = error.holder;
    process.stderr.write(
      `${say(
        lang(),
        `Thư mục dữ liệu ${error.dataDir} đang được tiến trình ${pid} (${command}) trên máy ${hostname} dùng từ ${since}: hãy dừng tiến trình đó trước (thường là gateway).`,
        `The data folder ${error.dataDir} is in use by process ${pid} (${command}) on ${hostname} since ${since}: stop that process first (usually the gateway).`,
      )}\n`,
    );
    process.exitCode = ExitCode.runtime;
  } else if (error instanceof CliFailure) {
    if (error.message) process.stderr.write(`${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${lang() === "vi" ? "Lỗi khi chạy" : "Failed"}: ${message}\n`);
    process.exitCode = ExitCode.runtime;
  }
}
