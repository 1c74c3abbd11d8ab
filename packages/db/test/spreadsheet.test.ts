import { stringify } from "csv-stringify/sync";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  countModels,
  exportReport,
  goldenBookCounts,
  type ImportReport,
  importSpreadsheet,
  indicatorTotals,
  seedConfiguration,
  seedDemoData,
  spreadsheetTemplate,
} from "../src/index.js";
import { createTestDatabase, type TestDatabase, testEngines } from "../src/testing/index.js";

const MODELS = 2000;
const VALUES_PER_MODEL = 5;
const UNITS = 40;
const modelHeader = ["Mã mô hình", "Tên mô hình", "Mã đơn vị", "Lĩnh vực", "Ngày bắt đầu", "Chỉ tiêu", "Kỳ", "Giá trị"];
const indicators = ["road-length", "money-raised", "people-helped", "complaints-received", "complaints-resolved"];

function csv(rows: readonly (readonly (string | number)[])[], trailer?: number): Uint8Array {
  const body = stringify(rows as (string | number)[][], { record_delimiter: "\r\n" });
  const end = trailer === undefined ? "" : `#HẾT,${trailer}\r\n`;
  return new TextEncoder().encode(`\uFEFF${body}${end}`);
}

function unitsFile(): Uint8Array {
  const rows: string[][] = [["Mã đơn vị", "Tên đơn vị", "Mã đơn vị cấp trên", "Cấp", "Loại đơn vị"]];
  // Children listed before their parent on purpose: the import orders them itself.
  for (let i = 1; i <= UNITS; i++) rows.push([`XA-${i}`, `Đảng ủy xã số ${i}`, "HUYEN", "Cấp xã", "party-committee"]);
  rows.push(["HUYEN", "Huyện ủy Thử Nghiệm", "", "district", "party-committee"]);
  return csv(rows);
}

/** 10,000 value rows: 2,000 models with five outcomes each, sheet rows 2..10001. */
function modelRows(): string[][] {
  const rows: string[][] = [];
  for (let m = 0; m < MODELS; m++) {
    const year = 2017 + (m % 6);
    for (let v = 0; v < VALUES_PER_MODEL; v++) {
      const indicator = indicators[v] as string;
      const value = indicator === "complaints-resolved" ? String(50 + (m % 50)) : String(m * 10 + v + 1);
      rows.push([
        `MH-${String(m).padStart(5, "0")}`,
        `Mô hình “Dân vận khéo” số ${m}`,
        `XA-${(m % UNITS) + 1}`,
        m % 3 === 0 ? "economy; Môi trường" : "social-welfare",
        `${String((m % 28) + 1).padStart(2, "0")}/0${(m % 9) + 1}/${year}`,
        indicator,
        String(year),
        value,
      ]);
    }
  }
  return rows;
}

/** Sheet row of a data row index (the header is row 1). */
const sheetRow = (index: number) => index + 2;

interface Injected {
  readonly row: number;
  readonly column: string;
  readonly code: string;
}

function injectErrors(rows: string[][]): Injected[] {
  const set = (index: number, column: number, value: string) => {
    (rows[index] as string[])[column] = value;
  };
  const injected: Injected[] = [];
  // Unknown unit and bad date on every row of one model each: one problem, on its first row.
  for (let v = 0; v < VALUES_PER_MODEL; v++) set(100 * VALUES_PER_MODEL + v, 2, "XA-KHONG-CO");
  injected.push({ row: sheetRow(500), column: "Mã đơn vị", code: "IMPORT.UNKNOWN_UNIT" });
  for (let v = 0; v < VALUES_PER_MODEL; v++) set(700 * VALUES_PER_MODEL + v, 4, "31/02/2020");
  injected.push({ row: sheetRow(3500), column: "Ngày bắt đầu", code: "IMPORT.BAD_DATE" });
  // A percent over 100.
  set(4004, 7, "120");
  injected.push({ row: sheetRow(4004), column: "Giá trị", code: "OUTCOME.PERCENT_OUT_OF_RANGE" });
  // The same model, indicator and period as the row before it.
  set(6001, 5, "road-length");
  injected.push({ row: sheetRow(6001), column: "Mã mô hình", code: "IMPORT.DUPLICATE_ROW" });
  // Not a number, an unknown indicator, a bad period, an unknown field.
  set(7002, 7, "ba mươi");
  injected.push({ row: sheetRow(7002), column: "Giá trị", code: "IMPORT.BAD_NUMBER" });
  set(8003, 5, "so-cay-xanh");
  injected.push({ row: sheetRow(8003), column: "Chỉ tiêu", code: "IMPORT.UNKNOWN_INDICATOR" });
  set(9002, 6, "2022-Q5");
  injected.push({ row: sheetRow(9002), column: "Kỳ", code: "IMPORT.BAD_PERIOD" });
  for (let v = 0; v < VALUES_PER_MODEL; v++) set(1900 * VALUES_PER_MODEL + v, 3, "economy; thể thao");
  injected.push({ row: sheetRow(9500), column: "Lĩnh vực", code: "IMPORT.UNKNOWN_FIELD" });
  return injected;
}

async function tableCount(database: TestDatabase, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(database.db);
  return rows[0]?.n ?? -1;
}

const where = (report: ImportReport) => report.problems.map((p) => ({ row: p.row, column: p.column, code: p.code }));

describe.each(testEngines())("spreadsheet import on %s", (engine) => {
  let database: TestDatabase;
  const clean = modelRows();
  const cleanFile = csv([modelHeader, ...clean], clean.length);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedConfiguration(database.db);
    const units = await importSpreadsheet(database.db, "units", unitsFile());
    expect(units.problems).toEqual([]);
    expect(units.counts.units).toEqual({ inserted: UNITS + 1, updated: 0, unchanged: 0 });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it("places imported units under their parents, whatever the row order", async () => {
    const { rows } = await sql<{
      bad: number;
    }>`select count(*)::int as bad from units c left join units p on p.id = c.parent_id
      where c.path <> coalesce(p.path, '') || c.id || '/'`.execute(database.db);
    expect(rows[0]?.bad).toBe(0);
  });

  it("reports exactly the injected errors in a 10,000-row dry run, and writes nothing", async () => {
    const rows = clean.map((r) => [...r]);
    const injected = injectErrors(rows);
    const phases = new Set<string>();
    const report = await importSpreadsheet(database.db, "models", csv([modelHeader, ...rows]), {
      dryRun: true,
      onProgress: (p) => phases.add(p.phase),
    });
    expect(report.rows).toBe(MODELS * VALUES_PER_MODEL);
    expect(where(report)).toEqual(injected);
    expect(report.problems.every((p) => p.message.vi.length > 0 && p.message.en.length > 0)).toBe(true);
    expect(report.applied).toBe(false);
    expect([...phases]).toEqual(["read", "check"]);
    // Applying the same file refuses it whole.
    const apply = await importSpreadsheet(database.db, "models", csv([modelHeader, ...rows]));
    expect(apply.applied).toBe(false);
    expect(where(apply)).toEqual(injected);
    expect(await tableCount(database, "models")).toBe(0);
    expect(await tableCount(database, "indicator_values")).toBe(0);
  }, 120_000);

  it("refuses a file cut off in the middle, writing nothing", async () => {
    const cutMidLine = cleanFile.slice(0, Math.floor(cleanFile.length / 2));
    // A cut exactly at a line break loses the #HẾT trailer with it, so it cannot be told
    // from a shorter file; a trailer that disagrees with the rows is what catches a lost tail.
    const trailerLies = csv([modelHeader, ...clean.slice(0, 5000)], clean.length);
    const xlsx = await exportReport(database.db, "units", "xlsx");
    const xlsxCut = xlsx.slice(0, Math.floor(xlsx.length * 0.6));
    for (const [kind, file] of [
      ["models", cutMidLine],
      ["models", trailerLies],
      ["units", xlsxCut],
    ] as const) {
      const report = await importSpreadsheet(database.db, kind, file);
      expect(report.applied).toBe(false);
      expect(where(report)).toEqual([{ row: 0, column: "", code: "IMPORT.UNREADABLE" }]);
    }
    expect(await tableCount(database, "models")).toBe(0);
    expect(await tableCount(database, "units")).toBe(UNITS + 1);
  }, 60_000);

  it("applies all 10,000 rows in one go, then finds a second import a no-op", async () => {
    const dry = await importSpreadsheet(database.db, "models", cleanFile, { dryRun: true });
    expect(dry.problems).toEqual([]);
    expect(dry.counts).toEqual({
      models: { inserted: MODELS, updated: 0, unchanged: 0 },
      indicatorValues: { inserted: MODELS * VALUES_PER_MODEL, updated: 0, unchanged: 0 },
    });
    expect(await tableCount(database, "models")).toBe(0);

    let lastWrite = 0;
    const applied = await importSpreadsheet(database.db, "models", cleanFile, {
      onProgress: (p) => {
        if (p.phase === "write") lastWrite = p.done;
      },
    });
    expect(applied.applied).toBe(true);
    expect(applied.problems).toEqual([]);
    expect(lastWrite).toBe(MODELS + MODELS * VALUES_PER_MODEL);
    expect(await tableCount(database, "models")).toBe(MODELS);
    expect(await tableCount(database, "indicator_values")).toBe(MODELS * VALUES_PER_MODEL);
    const { rows } = await sql<{
      fields: string[];
      start_date: string;
    }>`select fields, start_date from models where code = 'MH-00003'`.execute(database.db);
    expect(rows[0]).toEqual({ fields: ["economy", "environment"], start_date: "2020-04-04" });

    const snapshot = async () =>
      (
        await sql<{
          digest: string;
        }>`select md5(string_agg(concat_ws(':', code, version, updated_at), ',' order by code)) ||
        (select md5(string_agg(concat_ws(':', id, value, recorded_at), ',' order by id)) from indicator_values) as digest
        from models`.execute(database.db)
      ).rows[0]?.digest;
    const before = await snapshot();
    const again = await importSpreadsheet(database.db, "models", cleanFile);
    expect(again.applied).toBe(true);
    expect(again.counts).toEqual({
      models: { inserted: 0, updated: 0, unchanged: MODELS },
      indicatorValues: { inserted: 0, updated: 0, unchanged: MODELS * VALUES_PER_MODEL },
    });
    expect(await snapshot()).toBe(before);
    // The first apply left one audit entry; the no-op left none.
    expect(await tableCount(database, "audit_log")).toBe(2); // the units import and the models import
  }, 180_000);

  it("updates only what changed, and never a model's status", async () => {
    const changed = clean.slice(0, VALUES_PER_MODEL).map((r) => [...r]);
    (changed[0] as string[])[1] = "Mô hình đổi tên";
    (changed[1] as string[])[1] = "Mô hình đổi tên";
    (changed[2] as string[])[1] = "Mô hình đổi tên";
    (changed[3] as string[])[1] = "Mô hình đổi tên";
    (changed[4] as string[])[1] = "Mô hình đổi tên";
    (changed[4] as string[])[7] = "99";
    const report = await importSpreadsheet(database.db, "models", csv([modelHeader, ...changed]));
    expect(report.counts).toEqual({
      models: { inserted: 0, updated: 1, unchanged: 0 },
      indicatorValues: { inserted: 0, updated: 1, unchanged: 4 },
    });
    const status = await importSpreadsheet(
      database.db,
      "models",
      csv([
        [...modelHeader, "Trạng thái"],
        [...(changed[0] as string[]), "Lưu trữ"],
      ]),
    );
    expect(where(status)).toEqual([{ row: 2, column: "Trạng thái", code: "IMPORT.STATUS_CHANGE" }]);
  });

  it("reports a duplicate unit code, an unknown parent and a missing column", async () => {
    const report = await importSpreadsheet(
      database.db,
      "units",
      csv([
        ["Mã đơn vị", "Tên đơn vị", "Mã đơn vị cấp trên", "Cấp", "Loại đơn vị"],
        ["THON-1", "Chi bộ thôn 1", "XA-1", "commune", "party-cell"],
        ["THON-1", "Chi bộ thôn 1 (lặp)", "XA-1", "commune", "party-cell"],
        ["THON-2", "Chi bộ thôn 2", "XA-404", "commune", "party-cell"],
      ]),
      { dryRun: true },
    );
    expect(where(report)).toEqual([
      { row: 3, column: "Mã đơn vị", code: "IMPORT.DUPLICATE_CODE" },
      { row: 4, column: "Mã đơn vị cấp trên", code: "IMPORT.UNKNOWN_UNIT" },
    ]);
    const missing = await importSpreadsheet(database.db, "golden-book", csv([["Mã đơn vị", "Việc tốt"]]));
    expect(where(missing).map((p) => p.code)).toEqual(Array(4).fill("IMPORT.MISSING_COLUMN"));
  });

  it("writes templates with Vietnamese headers that import as empty files", async () => {
    for (const format of ["xlsx", "csv"] as const) {
      const template = await spreadsheetTemplate("models", format);
      const report = await importSpreadsheet(database.db, "models", template, { dryRun: true });
      expect(report.problems).toEqual([]);
      expect(report.rows).toBe(0);
    }
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await spreadsheetTemplate("models", "csv"));
    expect(text.startsWith("\uFEFFMã mô hình,Tên mô hình,Mã đơn vị,Lĩnh vực,Ngày bắt đầu")).toBe(true);
  });
});

describe.each(testEngines())("export and re-import round trip on %s", (engine) => {
  let source: TestDatabase;
  let target: TestDatabase;
  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(engine), createTestDatabase(engine)]);
    await seedDemoData(source.db);
    await seedConfiguration(target.db);
  }, 180_000);
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  async function reports(database: TestDatabase) {
    const db = database.db;
    return {
      level: await countModels(db, "level"),
      field: await countModels(db, "field"),
      year: await countModels(db, "year"),
      status: await countModels(db, "status"),
      totals: await indicatorTotals(db, {}, { by: "total" }),
      byYear: await indicatorTotals(db, { fromYear: 2017, toYear: 2022 }, { by: "year" }),
      goldenYear: await goldenBookCounts(db, "year"),
      goldenField: await goldenBookCounts(db, "field"),
      goldenStatus: await goldenBookCounts(db, "status"),
      goldenSubject: await goldenBookCounts(db, "subject"),
    };
  }

  it.each(["xlsx", "csv"] as const)(
    "exports the demo data as %s and imports it into an empty database with identical reports",
    async (format) => {
      for (const kind of ["units", "models", "golden-book"] as const) {
        const file = await exportReport(source.db, kind, format);
        const report = await importSpreadsheet(target.db, kind, file);
        expect(report.problems).toEqual([]);
        expect(report.applied).toBe(true);
        if (format === "csv") {
          // The xlsx pass ran first: the csv of the same data changes nothing.
          for (const counts of Object.values(report.counts)) expect(counts.inserted + counts.updated).toBe(0);
        }
      }
      expect(await reports(target)).toEqual(await reports(source));
    },
    180_000,
  );

  it("writes the periodic summary with a sheet per section", async () => {
    const summary = await exportReport(source.db, "summary", "xlsx", { fromYear: 2017, toYear: 2022 });
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(summary) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Kỳ báo cáo",
      "Mô hình theo cấp",
      "Mô hình theo lĩnh vực",
      "Mô hình theo năm",
      "Tổng chỉ tiêu",
      "Nhân rộng",
      "Khen thưởng",
      "Sổ vàng theo năm",
      "Sổ vàng theo lĩnh vực",
    ]);
    const byYear = workbook.getWorksheet("Mô hình theo năm");
    expect(byYear?.getRow(1).getCell(1).font?.bold).toBe(true);
    const total = byYear?.getRow(byYear.rowCount).getCell(3).value;
    expect(total).toBe(
      (await countModels(source.db, "year", { fromYear: 2017, toYear: 2022 })).reduce((s, r) => s + r.count, 0),
    );
    const csvSummary = new TextDecoder("utf-8", { ignoreBOM: true }).decode(
      await exportReport(source.db, "summary", "csv"),
    );
    expect(csvSummary.startsWith("\uFEFF# Kỳ báo cáo")).toBe(true);
  }, 60_000);
});
