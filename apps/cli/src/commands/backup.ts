import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { connect, lockDataFolder } from "@lantoa/db";
import { sql } from "kysely";
import { CliFailure, ExitCode } from "../cli-failure.js";
import { type Lang, print, say } from "../messages.js";
import { databaseTarget } from "../open-database.js";

/** Finds a PostgreSQL client program on PATH or in Debian's /usr/lib/postgresql/<version>/bin (newest first). */
function findPgTool(name: string): string {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const candidate = join(root, version, "bin", name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return name;
}

function run(lang: Lang, program: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(program, args, { stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", (error) =>
      fail(
        new CliFailure(
          ExitCode.runtime,
          say(lang, `Không chạy được ${program}: ${error.message}`, `Cannot run ${program}: ${error.message}`),
        ),
      ),
    );
    child.on("exit", (code) =>
      code === 0
        ? done()
        : fail(
            new CliFailure(
              ExitCode.runtime,
              say(lang, `${program} kết thúc với mã ${code}`, `${program} exited with code ${code}`),
            ),
          ),
    );
  });
}

const isEmptyDir = (path: string) =>
  !existsSync(path) || (statSync(path).isDirectory() && readdirSync(path).length === 0);

/**
 * `lantoa backup --out …`: PGlite's data folder copied to a new folder (the folder is
 * locked while it is copied: a gateway running on it is named and refused), or a
 * PostgreSQL `pg_dump -Fc` archive.
 */
export async function runBackup(lang: Lang, out: string): Promise<void> {
  const target = databaseTarget();
  if (target.engine === "postgres") {
    mkdirSync(dirname(resolve(out)), { recursive: true });
    await run(lang, findPgTool("pg_dump"), ["--format=custom", "--no-owner", `--file=${out}`, target.url]);
  } else {
    const source = target.dataDir as string;
    if (!existsSync(source))
      throw new CliFailure(
        ExitCode.problems,
        say(lang, `Không có thư mục dữ liệu ${source}`, `No data folder ${source}`),
      );
    if (!isEmptyDir(out))
      throw new CliFailure(
        ExitCode.problems,
        say(lang, `${out} đã có dữ liệu: chọn thư mục trống`, `${out} is not empty: choose an empty folder`),
      );
    // A copy taken while a gateway writes would be torn: hold the folder while copying.
    const lock = lockDataFolder(source);
    try {
      cpSync(source, out, { recursive: true });
    } finally {
      lock.release();
    }
  }
  print(say(lang, `Đã sao lưu ${target.describe} vào ${out}.`, `Backed up ${target.describe} to ${out}.`));
}

/**
 * `lantoa restore --from …`: puts a backup back. PGlite: the data folder must be empty
 * or absent unless `--force` (which replaces it); the copy is opened once to check it.
 * PostgreSQL: `pg_restore --clean --if-exists` into DATABASE_URL.
 */
export async function runRestore(lang: Lang, from: string, force: boolean): Promise<void> {
  if (!existsSync(from))
    throw new CliFailure(ExitCode.problems, say(lang, `Không có bản sao lưu ${from}`, `No backup at ${from}`));
  const target = databaseTarget();
  if (target.engine === "postgres") {
    await run(lang, findPgTool("pg_restore"), ["--clean", "--if-exists", "--no-owner", `--dbname=${target.url}`, from]);
  } else {
    const dataDir = target.dataDir as string;
    // Replacing the folder under a running gateway would corrupt both.
    const lock = lockDataFolder(dataDir);
    try {
      if (!isEmptyDir(dataDir)) {
        if (!force) {
          throw new CliFailure(
            ExitCode.problems,
            say(
              lang,
              `${dataDir} đã có dữ liệu: dùng --force để thay thế`,
              `${dataDir} already holds data: use --force to replace it`,
            ),
          );
        }
        rmSync(dataDir, { recursive: true, force: true });
      }
      cpSync(from, dataDir, { recursive: true });
    } finally {
      lock.release();
    }
  }
  // Open what was restored once: a backup that does not open is better found now.
  const connection = await connect(target);
  try {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from units`.execute(connection.db);
    print(
      say(
        lang,
        `Đã khôi phục ${target.describe}: ${rows[0]?.n ?? 0} đơn vị.`,
        `Restored ${target.describe}: ${rows[0]?.n ?? 0} units.`,
      ),
    );
  } finally {
    await connection.close();
  }
}
