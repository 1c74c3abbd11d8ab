import { MessageChannel } from "node:worker_threads";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importSpreadsheet, importSpreadsheetInWorker, SPREADSHEET_LIMITS, seedConfiguration } from "../src/index.js";
import { databaseOverPort, serveDatabaseOverPort } from "../src/spreadsheet/database-over-port.js";
import { createTestDatabase, type TestDatabase, testEngines, zipWithOneEntry } from "../src/testing/index.js";

const encode = (text: string) => new TextEncoder().encode(text);
const UNITS_HEADER = "Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,Cấp,Loại đơn vị\r\n";

describe.each(testEngines())("spreadsheet import limits, on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedConfiguration(database.db);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  const unitCount = async () => (await database.db.selectFrom("units").select("id").execute()).length;

  it("refuses a CSV of a million one-column rows without reading past the limit", async () => {
    const rows = "x\r\n".repeat(1_000_000);
    const report = await importSpreadsheet(database.db, "units", encode(`Mã đơn vị\r\n${rows}`));
    expect(report.problems.map((p) => p.code)).toEqual(["IMPORT.TOO_LARGE"]);
    expect(report.applied).toBe(false);
  });

  it("takes exactly the row limit, and refuses one row more", async () => {
    // Rows of an unknown level: each is a problem, but none is refused for the file's size.
    const line = "X,Tên,,khong-co,party-committee\r\n";
    const atLimit = await importSpreadsheet(
      database.db,
      "units",
      encode(UNITS_HEADER + line.repeat(SPREADSHEET_LIMITS.maxRows)),
      { dryRun: true },
    );
    expect(atLimit.rows).toBe(SPREADSHEET_LIMITS.maxRows);
    expect(atLimit.problems.some((p) => p.code === "IMPORT.TOO_LARGE")).toBe(false);
    const over = await importSpreadsheet(
      database.db,
      "units",
      encode(UNITS_HEADER + line.repeat(SPREADSHEET_LIMITS.maxRows + 1)),
      { dryRun: true },
    );
    expect(over.problems.map((p) => p.code)).toEqual(["IMPORT.TOO_LARGE"]);
  }, 120_000);

  it("refuses a CSV with more columns than any template has", async () => {
    const header = Array.from({ length: SPREADSHEET_LIMITS.maxColumns + 1 }, (_, i) => `Cột ${i}`).join(",");
    const report = await importSpreadsheet(database.db, "units", encode(`${header}\r\n`));
    expect(report.problems.map((p) => p.code)).toEqual(["IMPORT.TOO_LARGE"]);
  });

  it("refuses an XLSX by the size it declares, before inflating it", async () => {
    // Declares 147 MB of sheet XML (the zip bomb of the report); what it really holds is tiny.
    const bomb = zipWithOneEntry("xl/worksheets/sheet1.xml", "<worksheet/>", 147 * 1024 * 1024);
    const report = await importSpreadsheet(database.db, "units", bomb);
    expect(report.problems.map((p) => p.code)).toEqual(["IMPORT.TOO_LARGE"]);
    expect(report.problems[0]?.message.en).toContain("unpacks to 147 MB");
  });

  it("gives the same report in a worker as in this thread, and writes the same", async () => {
    const file = encode(
      `${UNITS_HEADER}W-HUYEN,Huyện ủy Thử,,district,party-committee\r\nW-XA,Xã Thử,W-HUYEN,commune,party-committee\r\n`,
    );
    const phases: string[] = [];
    const dry = await importSpreadsheetInWorker(database.db, "units", file, {
      dryRun: true,
      onProgress: (p) => phases.push(p.phase),
    });
    expect(dry).toEqual(await importSpreadsheet(database.db, "units", file, { dryRun: true }));
    expect(new Set(phases)).toEqual(new Set(["read", "check"]));
    const before = await unitCount();
    const applied = await importSpreadsheetInWorker(database.db, "units", file);
    expect(applied).toMatchObject({ applied: true, counts: { units: { inserted: 2, updated: 0, unchanged: 0 } } });
    expect(await unitCount()).toBe(before + 2);
  }, 60_000);

  it("rolls back what a worker left open when it goes away, and gives its connection back", async () => {
    const { port1, port2 } = new MessageChannel();
    const stopServing = serveDatabaseOverPort(database.db, port1);
    const remote = databaseOverPort(port2);
    const before = await unitCount();
    let inserted!: () => void;
    const insertedOnce = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    // A transaction that inserts and then never ends, as a worker killed mid-import leaves it.
    void remote
      .transaction()
      .execute(async (trx) => {
        await sql`insert into units (id, code, name, path, level, kind)
          values ('00000000-0000-4000-8000-00000000000a', 'HALF-DONE', 'Nửa chừng', '00000000-0000-4000-8000-00000000000a/', 'district', 'party-committee')`.execute(
          trx,
        );
        inserted();
        await new Promise(() => {});
      })
      .catch(() => {});
    await insertedOnce;
    await stopServing();
    port1.close();
    port2.close();
    expect(await unitCount()).toBe(before);
    // The pool is whole: a transaction of this thread runs at once.
    await database.db.transaction().execute(async (trx) => sql`select 1`.execute(trx));
  }, 60_000);
});
