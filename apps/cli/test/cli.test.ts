import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { lockDataFolder, migrations } from "@lantoa/db";
import { afterAll, describe, expect, it } from "vitest";

const main = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "main.js");
const work = mkdtempSync(join(tmpdir(), "lantoa-cli-"));
const dataDir = join(work, "data");

/** Runs the built CLI as a user would, against a PGlite folder of the test's own. */
function lantoa(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [main, ...args], {
    cwd: work,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", LANTOA_DATA_DIR: dataDir, ...env },
    timeout: 110_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe("the lantoa command line", () => {
  it("exits 3 naming the holder when another process (a gateway) has the data folder open", () => {
    const held = join(work, "held");
    mkdirSync(held);
    const lock = lockDataFolder(held);
    try {
      for (const command of [["migrate"], ["backup", "--out", join(work, "held-copy")]]) {
        const refused = lantoa(["--lang", "en", ...command], { LANTOA_DATA_DIR: held });
        expect(refused.code, refused.stderr).toBe(3);
        expect(refused.stderr).toContain(`The data folder ${held} is in use by process ${process.pid}`);
      }
    } finally {
      lock.release();
    }
  });

  it("exits 2 on a usage error, before touching any data", () => {
    expect(lantoa(["no-such-command"]).code).toBe(2);
    expect(lantoa(["export", "everything", "--out", "x.xlsx"]).code).toBe(2);
  });

  it("migrates, then seeds the demo data once", () => {
    const migrate = lantoa(["migrate"]);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toContain(`Đã áp dụng ${Object.keys(migrations).length} bản nâng cấp`);
    const seed = lantoa(["--lang", "en", "seed"]);
    expect(seed.code, seed.stderr).toBe(0);
    expect(seed.stdout).toMatch(/Loaded the demo data: \d+ units, \d+ models/);
  });

  it("exports the periodic summary, and a dry run with a percent over 100 exits 1 naming row and column", () => {
    const exported = lantoa([
      "export",
      "summary",
      "--format",
      "csv",
      "--from-year",
      "2017",
      "--to-year",
      "2022",
      "--out",
      "before.csv",
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(readFileSync(join(work, "before.csv"), "utf8")).toMatch(/^\uFEFF# Kỳ báo cáo/);

    const header = "Mã mô hình,Tên mô hình,Mã đơn vị,Ngày bắt đầu,Chỉ tiêu,Kỳ,Giá trị";
    const rows = [
      "MH-MOI,Tiếp dân cuối tuần,TL,01/02/2023,complaints-resolved,2023,95",
      "MH-MOI,Tiếp dân cuối tuần,TL,01/02/2023,complaints-resolved,2023-Q1,140",
    ];
    writeFileSync(join(work, "bad.csv"), `\uFEFF${header}\r\n${rows.join("\r\n")}\r\n`);
    const dryRun = lantoa(["import", "bad.csv", "--kind", "models", "--dry-run"]);
    expect(dryRun.code).toBe(1);
    expect(dryRun.stdout).toContain(
      "Dòng 3, cột “Giá trị”: Tỷ lệ phần trăm phải từ 0 đến 100 [OUTCOME.PERCENT_OUT_OF_RANGE]",
    );
    expect(dryRun.stdout).toContain("1 lỗi trong 2 dòng: không ghi gì.");
  });

  it("imports as a named unit admin only inside their subtree, and refuses an account that administers none", () => {
    const header = "Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,Cấp,Loại đơn vị,Nhóm";
    writeFileSync(
      join(work, "outside.csv"),
      `\uFEFF${header}\r\nHN-XA-NGOAI,Đảng ủy xã ngoài,HN,Cấp xã,party-committee,\r\n`,
    );
    const outside = lantoa(["import", "outside.csv", "--kind", "units", "--as", "thanhliem.admin"]);
    expect(outside.code, outside.stderr).toBe(1);
    expect(outside.stdout).toContain("[IMPORT.OUTSIDE_SCOPE]");
    const refused = lantoa(["--lang", "en", "import", "outside.csv", "--kind", "units", "--as", "phunu.canbo"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("[AUTH.FORBIDDEN]");
    const asOperator = lantoa(["import", "outside.csv", "--kind", "units", "--dry-run"]);
    expect(asOperator.code, asOperator.stdout).toBe(0);
  });

  it("creates a user with the password from the environment, and refuses the same name twice", () => {
    const args = [
      "create-user",
      "--username",
      "canbo.moi",
      "--name",
      "Cán bộ mới",
      "--role",
      "unit-officer",
      "--unit",
      "TL",
    ];
    const env = { LANTOA_NEW_PASSWORD: "mat-khau-dai" };
    expect(lantoa(args, env).code).toBe(0);
    expect(lantoa(args, env).code).toBe(1);
    expect(lantoa(args).code).toBe(2); // no password and no terminal to ask on
  });

  it("backs up the data folder and restores it elsewhere with the same reports", () => {
    const backup = lantoa(["backup", "--out", "backup"]);
    expect(backup.code, backup.stderr).toBe(0);
    const restoredDir = join(work, "restored");
    const restore = lantoa(["restore", "--from", "backup"], { LANTOA_DATA_DIR: restoredDir });
    expect(restore.code, restore.stderr).toBe(0);
    expect(lantoa(["restore", "--from", "backup"]).code).toBe(1); // the live folder is not empty
    const after = [
      "export",
      "summary",
      "--format",
      "csv",
      "--from-year",
      "2017",
      "--to-year",
      "2022",
      "--out",
      "after.csv",
    ];
    expect(lantoa(after, { LANTOA_DATA_DIR: restoredDir }).code).toBe(0);
    expect(readFileSync(join(work, "after.csv"), "utf8")).toBe(readFileSync(join(work, "before.csv"), "utf8"));
  });

  it("rebuilds the report rollups of a folder of its own on `rollups rebuild`", () => {
    const own = { LANTOA_DATA_DIR: join(work, "rollups") };
    const migrate = lantoa(["migrate"], own);
    expect(migrate.code, migrate.stderr).toBe(0);
    const rebuild = lantoa(["--lang", "en", "rollups", "rebuild"], own);
    expect(rebuild.code, rebuild.stderr).toBe(0);
    expect(rebuild.stdout).toMatch(/Rebuilt the report rollups in \d+\.\d s\./);
  });
});
