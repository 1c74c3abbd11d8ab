import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportReport, importSpreadsheet, seedConfiguration } from "../src/index.js";
import { neutralizeCsvCell } from "../src/spreadsheet/csv-formula-cells.js";
import { writeCsv } from "../src/spreadsheet/write-sheets.js";
import { createTestDatabase, type TestDatabase, testEngines } from "../src/testing/index.js";

/** OWASP's CSV injection starts, and what each must become in a CSV export. */
const DANGEROUS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"];

const csv = (rows: string[][]) => new TextEncoder().encode(`\uFEFF${stringify(rows, { record_delimiter: "\r\n" })}`);

describe("a CSV cell that would start a formula", () => {
  it.each(DANGEROUS)("is written with a leading apostrophe: %j", (text) => {
    const file = writeCsv([
      { name: { vi: "x", en: "x" }, columns: [{ header: { vi: "Tên", en: "Name" }, width: 10 }], rows: [[text]] },
    ]);
    const [, [cell]] = parse(new TextDecoder().decode(file), { bom: true }) as string[][];
    expect(cell).toBe(`'${text}`);
  });

  it("leaves numbers, negative ones too, and ordinary text as they are", () => {
    expect(neutralizeCsvCell(-5)).toBe(-5);
    expect(neutralizeCsvCell("Đường hoa quân sự")).toBe("Đường hoa quân sự");
    expect(neutralizeCsvCell("a=b")).toBe("a=b");
    expect(neutralizeCsvCell(null)).toBe("");
  });
});

describe.each(testEngines())("models named like formulas, exported and imported on %s", (engine) => {
  let database: TestDatabase;
  // A name never starts with a tab or a line break once stored (text is trimmed): the other four.
  const names = DANGEROUS.filter((d) => d.trim() === d).map((d, i) => `${d} mô hình ${i}`);
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedConfiguration(database.db);
    const units = await importSpreadsheet(
      database.db,
      "units",
      csv([
        ["Mã đơn vị", "Tên đơn vị", "Mã đơn vị cấp trên", "Cấp", "Loại đơn vị"],
        ["HUYEN", "Huyện ủy Thử", "", "district", "party-committee"],
      ]),
    );
    expect(units.problems).toEqual([]);
    const models = await importSpreadsheet(
      database.db,
      "models",
      csv([
        ["Mã mô hình", "Tên mô hình", "Mã đơn vị", "Lĩnh vực", "Ngày bắt đầu"],
        ...names.map((name, i) => [`CT-${i}`, name, "HUYEN", "economy", "01/02/2021"]),
      ]),
    );
    expect(models.problems).toEqual([]);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it("exports them neutralized in CSV", async () => {
    const text = new TextDecoder().decode(await exportReport(database.db, "models", "csv"));
    const rows = parse(text, { bom: true, relax_column_count: true }) as string[][];
    const nameColumn = rows[0]?.indexOf("Tên mô hình") ?? -1;
    const exported = rows
      .slice(1)
      .map((r) => r[nameColumn])
      .filter((n) => n?.includes("mô hình"));
    expect(exported.sort()).toEqual(names.map((n) => `'${n}`).sort());
  });

  it("imports that CSV back without changing a thing", async () => {
    const report = await importSpreadsheet(database.db, "models", await exportReport(database.db, "models", "csv"));
    expect(report.problems).toEqual([]);
    expect(report.counts.models).toMatchObject({ inserted: 0, updated: 0, unchanged: names.length });
    const stored = await database.db.selectFrom("models").select("name").orderBy("code").execute();
    expect(stored.map((m) => m.name)).toEqual(names);
  });

  it("keeps them plain text cells in XLSX, not formulas", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await exportReport(database.db, "models", "xlsx")) as never);
    const cells: { value: unknown; type: number }[] = [];
    workbook.worksheets[0]?.eachRow((row, n) => {
      if (n > 1)
        row.eachCell(
          (cell) => void (String(cell.value).includes("mô hình") && cells.push({ value: cell.value, type: cell.type })),
        );
    });
    expect(cells.map((c) => c.value).sort()).toEqual([...names].sort());
    expect(cells.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
  });
});
