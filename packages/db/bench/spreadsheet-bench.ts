/**
 * Spreadsheet import/export throughput (issue 9): rows per second for a 100,000-row
 * models file (20,000 models × 5 outcomes) — CSV dry run, apply, re-import (no-op),
 * export to CSV and XLSX, and an XLSX dry run — on in-memory PGlite, and on PostgreSQL
 * in a fresh database when BENCH_DATABASE_URL is set.
 *
 *   pnpm --filter @lantoa/db bench:spreadsheet
 *   BENCH_ROWS=20000 BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:55433/postgres pnpm --filter @lantoa/db bench:spreadsheet
 */
import {
  type Connection,
  connect,
  exportReport,
  importSpreadsheet,
  migrateToLatest,
  seedConfiguration,
} from "@lantoa/db";
import { stringify } from "csv-stringify/sync";
import pg from "pg";

const rows = Number(process.env.BENCH_ROWS ?? 100_000);
const perModel = 5;
const unitCount = 200;
const indicators = ["road-length", "money-raised", "people-helped", "workdays", "complaints-resolved"];

function csv(table: (string | number)[][]): Uint8Array {
  return new TextEncoder().encode(
    `\uFEFF${stringify(table, { record_delimiter: "\r\n" })}#HẾT,${table.length - 1}\r\n`,
  );
}

function unitsFile(): Uint8Array {
  const table: string[][] = [["Mã đơn vị", "Tên đơn vị", "Mã đơn vị cấp trên", "Cấp", "Loại đơn vị"]];
  table.push(["BENCH", "Tỉnh ủy thử tải", "", "province", "party-committee"]);
  for (let i = 1; i < unitCount; i++)
    table.push([`BENCH-${i}`, `Đảng ủy xã ${i}`, "BENCH", "commune", "party-committee"]);
  return csv(table);
}

function modelsFile(): Uint8Array {
  const table: (string | number)[][] = [
    ["Mã mô hình", "Tên mô hình", "Mã đơn vị", "Lĩnh vực", "Ngày bắt đầu", "Chỉ tiêu", "Kỳ", "Giá trị"],
  ];
  for (let i = 0; i < rows; i++) {
    const m = Math.floor(i / perModel);
    const v = i % perModel;
    const year = 2017 + (m % 6);
    table.push([
      `BM-${String(m).padStart(6, "0")}`,
      `Mô hình thử tải số ${m}`,
      `BENCH-${(m % (unitCount - 1)) + 1}`,
      m % 2 === 0 ? "economy; social-welfare" : "environment",
      `${year}-0${(m % 9) + 1}-15`,
      indicators[v] as string,
      year,
      indicators[v] === "complaints-resolved" ? 80 + (m % 20) : m + v,
    ]);
  }
  return csv(table);
}

async function timed<T>(label: string, count: number, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `  ${label.padEnd(38)} ${seconds.toFixed(2).padStart(7)} s  ${Math.round(count / seconds)
      .toLocaleString("en")
      .padStart(9)} rows/s`,
  );
  return result;
}

async function bench(name: string, connection: Connection): Promise<void> {
  const { db } = connection;
  console.log(
    `\n${name}: ${rows.toLocaleString("en")} rows (${(rows / perModel).toLocaleString("en")} models × ${perModel} outcomes)`,
  );
  await migrateToLatest(db);
  await seedConfiguration(db);
  const units = await importSpreadsheet(db, "units", unitsFile());
  if (!units.applied) throw new Error(`units import failed: ${JSON.stringify(units.problems.slice(0, 3))}`);
  const file = modelsFile();
  const check = (report: Awaited<ReturnType<typeof importSpreadsheet>>) => {
    if (report.problems.length > 0)
      throw new Error(`unexpected problems: ${JSON.stringify(report.problems.slice(0, 3))}`);
    return report;
  };
  await timed("import CSV, dry run", rows, async () =>
    check(await importSpreadsheet(db, "models", file, { dryRun: true })),
  );
  await timed("import CSV, apply (all new)", rows, async () => check(await importSpreadsheet(db, "models", file)));
  const again = await timed("import CSV again (no-op)", rows, async () =>
    check(await importSpreadsheet(db, "models", file)),
  );
  if (again.counts.indicatorValues?.unchanged !== rows) throw new Error("the second import was not a no-op");
  await timed("export models to CSV", rows, () => exportReport(db, "models", "csv"));
  const xlsx = await timed("export models to XLSX", rows, () => exportReport(db, "models", "xlsx"));
  await timed("import XLSX, dry run (all unchanged)", rows, async () =>
    check(await importSpreadsheet(db, "models", xlsx, { dryRun: true })),
  );
  await timed("export periodic summary (XLSX)", rows, () => exportReport(db, "summary", "xlsx"));
}

const pglite = await connect({ engine: "pglite" });
try {
  await bench("PGlite (in memory)", pglite);
} finally {
  await pglite.close();
}

const adminUrl = process.env.BENCH_DATABASE_URL;
if (adminUrl) {
  const name = `lantoa_sheet_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const postgres = await connect({ engine: "postgres", url: url.toString() });
  try {
    await bench("PostgreSQL", postgres);
  } finally {
    await postgres.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  }
} else {
  console.log("\n(set BENCH_DATABASE_URL=postgres://… to time PostgreSQL as well)");
}
