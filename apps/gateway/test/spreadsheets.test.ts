import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, DEMO_PASSWORD } from "@lantoa/db";
import { createDemoTestDatabase, type TestDatabase, testEngines } from "@lantoa/db/testing";
import Excel from "exceljs";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGatewayYoga, localFolderStorage } from "../src/index.js";

type Response = { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };

const IMPORT = `mutation($file: File!, $kind: ImportKind!, $dryRun: Boolean!, $op: String) {
  importSpreadsheet(file: $file, kind: $kind, dryRun: $dryRun, operationId: $op) {
    __typename
    ... on MutationImportSpreadsheetSuccess { data { applied dryRun rows
      problems { row column code messageVi message } counts { record created updated unchanged } } }
    ... on Error { code messageVi }
  }
}`;

const header = "Mã mô hình,Tên mô hình,Mã đơn vị,Lĩnh vực,Ngày bắt đầu,Chỉ tiêu,Kỳ,Giá trị";
/** Three models of units in Thanh Liêm with two outcomes each: sheet rows 2..7. */
const cleanRows = [
  "NK-2024-01,Mô hình nhập khẩu một,TL-THANHHA,economy,01/03/2024,road-length,2024,1.5",
  "NK-2024-01,Mô hình nhập khẩu một,TL-THANHHA,economy,01/03/2024,people-helped,2024,40",
  "NK-2024-02,Mô hình nhập khẩu hai,TL-HPN,social-welfare,15/04/2024,complaints-resolved,2024,80",
  "NK-2024-02,Mô hình nhập khẩu hai,TL-HPN,social-welfare,15/04/2024,people-helped,2024,12",
  "NK-2024-03,Mô hình nhập khẩu ba,TL-THANHHA,Môi trường,20/05/2024,money-raised,2024,5000000",
  "NK-2024-03,Mô hình nhập khẩu ba,TL-THANHHA,Môi trường,20/05/2024,people-helped,2024,7",
];
const csvOf = (rows: readonly string[]) => `\uFEFF${[header, ...rows].join("\r\n")}\r\n`;
const csvFile = (text: string, name = "mo-hinh.csv", type = "text/csv") => new File([text], name, { type });

/** Everything an import could touch, counted: equal snapshots mean nothing was written. */
async function snapshot(db: Kysely<Database>) {
  const count = async (table: "models" | "indicator_values" | "audit_log" | "units" | "golden_book_entries") =>
    Number((await db.selectFrom(table).select(db.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
  const versions = await db.selectFrom("models").select(["code", "version"]).orderBy("code").execute();
  return {
    models: await count("models"),
    values: await count("indicator_values"),
    audit: await count("audit_log"),
    units: await count("units"),
    goldenBook: await count("golden_book_entries"),
    versions,
  };
}

describe.each(testEngines())("spreadsheets over the API on %s", (engine) => {
  let database: TestDatabase;
  let yoga: ReturnType<typeof createGatewayYoga>;
  let call: (query: string, variables?: Record<string, unknown>, token?: string) => Promise<Response>;
  let upload: (variables: Record<string, unknown>, file: File, token: string) => Promise<Response>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    database = await createDemoTestDatabase(engine);
    yoga = createGatewayYoga({
      db: database.db,
      graphiql: false,
      now: () => new Date("2024-12-01T08:00:00+07:00"),
      storage: localFolderStorage(mkdtempSync(join(tmpdir(), "lantoa-sheets-"))),
    });
    call = async (query, variables, token) => {
      const response = await yoga.fetch("http://test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as Response;
    };
    upload = async (variables, file, token) => {
      const form = new FormData();
      form.set("operations", JSON.stringify({ query: IMPORT, variables: { ...variables, file: null } }));
      form.set("map", JSON.stringify({ 0: ["variables.file"] }));
      form.set("0", file);
      const response = await yoga.fetch("http://test/graphql", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "x-graphql-csrf": "1" },
        body: form,
      });
      return (await response.json()) as Response;
    };
    for (const username of ["admin", "thanhliem.admin", "phunu.canbo"]) {
      const result = await call(
        `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { ... on MutationLoginSuccess { data { token } } } }`,
        { u: username, p: DEMO_PASSWORD },
      );
      tokens[username] = result.data.login.data.token;
    }
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it("dry-runs a file with errors: reports exactly them, by row and column, and writes nothing", async () => {
    const rows = [...cleanRows];
    rows[1] = rows[1]?.replace("TL-THANHHA", "TL-KHONG-CO") as string; // row 3: but row 2 names the same model
    rows[2] = rows[2]?.replace(",80", ",120") as string; // row 4: a percent over 100
    rows[4] = rows[4]?.replace("20/05/2024", "31/02/2024") as string; // row 6: no such date
    rows[5] = rows[5]?.replace("20/05/2024", "31/02/2024") as string; // row 7: same model, same bad date
    const before = await snapshot(database.db);
    const result = await upload(
      { kind: "MODELS", dryRun: true },
      csvFile(csvOf([rows[0] as string, ...rows.slice(2)])),
      tokens["thanhliem.admin"] as string,
    );
    expect(result.errors).toBeUndefined();
    const data = result.data.importSpreadsheet.data;
    expect(data).toMatchObject({ applied: false, dryRun: true, rows: 5 });
    expect(data.problems.map((p: any) => [p.row, p.column, p.code])).toEqual([
      [3, "Giá trị", "OUTCOME.PERCENT_OUT_OF_RANGE"],
      [5, "Ngày bắt đầu", "IMPORT.BAD_DATE"],
    ]);
    expect(data.problems.every((p: any) => p.messageVi.length > 0 && p.message.length > 0)).toBe(true);
    expect(await snapshot(database.db)).toEqual(before);

    const unknown = await upload(
      { kind: "MODELS", dryRun: true },
      csvFile(csvOf([rows[1] as string])),
      tokens["thanhliem.admin"] as string,
    );
    expect(unknown.data.importSpreadsheet.data.problems).toEqual([
      expect.objectContaining({ row: 2, column: "Mã đơn vị", code: "IMPORT.UNKNOWN_UNIT" }),
    ]);
    expect(await snapshot(database.db)).toEqual(before);
  });

  it("applies a clean file in one go with an audit entry, then finds nothing to change on a re-import", async () => {
    const before = await snapshot(database.db);
    const dry = await upload(
      { kind: "MODELS", dryRun: true },
      csvFile(csvOf(cleanRows)),
      tokens["thanhliem.admin"] as string,
    );
    expect(dry.data.importSpreadsheet.data.problems).toEqual([]);
    expect(await snapshot(database.db)).toEqual(before);

    const applied = await upload(
      { kind: "MODELS", dryRun: false },
      csvFile(csvOf(cleanRows)),
      tokens["thanhliem.admin"] as string,
    );
    const data = applied.data.importSpreadsheet.data;
    expect(data).toMatchObject({ applied: true, dryRun: false, rows: 6, problems: [] });
    const counts = Object.fromEntries(data.counts.map((c: any) => [c.record, c]));
    expect(counts.models).toMatchObject({ created: 3, updated: 0 });
    expect(counts.indicatorValues).toMatchObject({ created: 6, updated: 0 });
    expect(dry.data.importSpreadsheet.data.counts).toEqual(data.counts);
    const stored = await database.db
      .selectFrom("models as m")
      .innerJoin("units as u", "u.id", "m.owner_unit_id")
      .select(["m.code", "u.code as unit"])
      .where("m.code", "like", "NK-2024-%")
      .orderBy("m.code")
      .execute();
    expect(stored).toEqual([
      { code: "NK-2024-01", unit: "TL-THANHHA" },
      { code: "NK-2024-02", unit: "TL-HPN" },
      { code: "NK-2024-03", unit: "TL-THANHHA" },
    ]);
    const after = await snapshot(database.db);
    expect(after.models).toBe(before.models + 3);
    expect(after.values).toBe(before.values + 6);
    const audit = await database.db
      .selectFrom("audit_log")
      .select(["action", "entity"])
      .where("action", "=", "import")
      .execute();
    expect(audit).toEqual([{ action: "import", entity: "spreadsheet" }]);

    const again = await upload(
      { kind: "MODELS", dryRun: false },
      csvFile(csvOf(cleanRows)),
      tokens["thanhliem.admin"] as string,
    );
    const second = again.data.importSpreadsheet.data;
    expect(second.applied).toBe(true);
    expect(second.counts.every((c: any) => c.created === 0 && c.updated === 0)).toBe(true);
    expect(await snapshot(database.db)).toEqual(after);
  });

  it("refuses a cut-off file without writing anything", async () => {
    const before = await snapshot(database.db);
    const rows = cleanRows.map((r) => r.replace("NK-2024", "CUT-2024"));
    const whole = csvOf(rows);
    const cut = whole.slice(0, whole.length - 12);
    const result = await upload({ kind: "MODELS", dryRun: false }, csvFile(cut), tokens["thanhliem.admin"] as string);
    const data = result.data.importSpreadsheet.data;
    expect(data.applied).toBe(false);
    expect(data.problems).toHaveLength(1);
    expect(data.problems[0]).toMatchObject({ row: 0, code: "IMPORT.UNREADABLE" });

    const workbook = new Excel.Workbook();
    const sheet = workbook.addWorksheet("Mô hình");
    sheet.addRow(header.split(","));
    for (const row of rows) sheet.addRow(row.split(","));
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    const cutXlsx = new File([xlsx.slice(0, Math.floor(xlsx.length * 0.7))], "mo-hinh.xlsx", {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    const xlsxResult = await upload({ kind: "MODELS", dryRun: false }, cutXlsx, tokens["thanhliem.admin"] as string);
    expect(xlsxResult.data.importSpreadsheet.data).toMatchObject({ applied: false });
    expect(xlsxResult.data.importSpreadsheet.data.problems[0]).toMatchObject({ row: 0 });
    expect(await snapshot(database.db)).toEqual(before);
  });

  it("keeps unit admins inside their subtree, officers out, and refuses files that are not spreadsheets", async () => {
    const before = await snapshot(database.db);
    const rows = [
      "NGOAI-01,Mô hình ngoài phạm vi,HN-BCHQS,economy,01/03/2024,people-helped,2024,3",
      "NGOAI-02,Mô hình trong phạm vi,TL-THANHHA,economy,01/03/2024,people-helped,2024,3",
    ];
    const outsider = await upload(
      { kind: "MODELS", dryRun: false },
      csvFile(csvOf(rows)),
      tokens["thanhliem.admin"] as string,
    );
    const data = outsider.data.importSpreadsheet.data;
    expect(data.applied).toBe(false);
    expect(data.problems.map((p: any) => [p.row, p.column, p.code])).toEqual([
      [2, "Mã đơn vị", "IMPORT.OUTSIDE_SCOPE"],
    ]);
    expect(await snapshot(database.db)).toEqual(before);

    // A model stored under another subtree cannot be taken over by naming an own unit.
    const foreignModel = "NGOAI-03,Mô hình của tỉnh,HN-BCHQS,economy,01/03/2024,people-helped,2024,3";
    const placed = await upload(
      { kind: "MODELS", dryRun: false },
      csvFile(csvOf([foreignModel])),
      tokens.admin as string,
    );
    expect(placed.data.importSpreadsheet.data.applied).toBe(true);
    const takeover = await upload(
      { kind: "MODELS", dryRun: false },
      csvFile(csvOf([foreignModel.replace("HN-BCHQS", "TL-THANHHA")])),
      tokens["thanhliem.admin"] as string,
    );
    expect(takeover.data.importSpreadsheet.data.applied).toBe(false);
    expect(takeover.data.importSpreadsheet.data.problems.map((p: any) => [p.row, p.column, p.code])).toContainEqual([
      2,
      "Mã mô hình",
      "IMPORT.OUTSIDE_SCOPE",
    ]);
    const owner = await database.db
      .selectFrom("models as m")
      .innerJoin("units as u", "u.id", "m.owner_unit_id")
      .select("u.code")
      .where("m.code", "=", "NGOAI-03")
      .executeTakeFirstOrThrow();
    expect(owner.code).toBe("HN-BCHQS");

    const units = `\uFEFFMã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,Cấp,Loại đơn vị\r\nHN-MOI,Đơn vị mới,HN,commune,party-committee\r\nGOC-MOI,Gốc mới,,province,party-committee\r\nTL-MOI,Chi bộ mới,TL,commune,party-committee\r\n`;
    const unitResult = await upload(
      { kind: "UNITS", dryRun: true },
      csvFile(units),
      tokens["thanhliem.admin"] as string,
    );
    expect(unitResult.data.importSpreadsheet.data.problems.map((p: any) => [p.row, p.code])).toEqual([
      [2, "IMPORT.OUTSIDE_SCOPE"],
      [3, "IMPORT.OUTSIDE_SCOPE"],
    ]);
    const asSystemAdmin = await upload({ kind: "UNITS", dryRun: true }, csvFile(units), tokens.admin as string);
    expect(asSystemAdmin.data.importSpreadsheet.data.problems).toEqual([]);

    const officer = await upload(
      { kind: "MODELS", dryRun: true },
      csvFile(csvOf(rows)),
      tokens["phunu.canbo"] as string,
    );
    expect(officer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const pdf = await upload(
      { kind: "MODELS", dryRun: true },
      csvFile("%PDF-1.4", "bao-cao.pdf", "application/pdf"),
      tokens["thanhliem.admin"] as string,
    );
    expect(pdf.data.importSpreadsheet).toMatchObject({ __typename: "DomainError", code: "IMPORT.FILE_NOT_ACCEPTED" });
    const after = await snapshot(database.db);
    expect(after.models).toBe(before.models + 1);
    expect(after.units).toBe(before.units);
  });

  it("streams an import's progress over SSE to the user who started it", async () => {
    const token = tokens.admin as string;
    const operationId = "progress-test-0001";
    const response = await yoga.fetch("http://test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `subscription($op: String!) { importProgress(operationId: $op) { operationId phase done total } }`,
        variables: { op: operationId },
      }),
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = "";
    const eventsIn = (raw: string) =>
      raw
        .split("\n")
        .filter((line) => line.startsWith("data: "))
        .map((line) => JSON.parse(line.slice(6)))
        .filter((payload) => payload.data)
        .map((payload) => payload.data.importProgress);
    // Send the file once the stream says it listens.
    while (eventsIn(text).length === 0) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
    expect(eventsIn(text)[0]).toEqual({ operationId, phase: "ready", done: 0, total: 0 });
    const rows = cleanRows.map((r) => r.replace("NK-2024", "SSE-2024"));
    const result = await upload({ kind: "MODELS", dryRun: true, op: operationId }, csvFile(csvOf(rows)), token);
    expect(result.data.importSpreadsheet.data.problems).toEqual([]);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      text += decoder.decode(chunk.value, { stream: true });
    }
    const events = eventsIn(text);
    expect(events.map((e: any) => e.phase)).toEqual(["ready", "read", "read", "check", "check", "done"]);
    expect(events.at(-1)).toEqual({ operationId, phase: "done", done: 6, total: 6 });
  });

  it("exports a report as XLSX whose numbers match the report query, inside the viewer's scope", async () => {
    const token = tokens["thanhliem.admin"] as string;
    const exported = await call(
      `{ exportSpreadsheet(report: MODELS_BY_LEVEL, format: XLSX) { filename mimeType base64 } }`,
      {},
      token,
    );
    expect(exported.errors).toBeUndefined();
    const file = exported.data.exportSpreadsheet;
    expect(file.filename).toBe("lantoa-models-by-level-2024-12-01.xlsx");
    expect(file.mimeType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, "base64") as never);
    const sheet = workbook.worksheets[0];
    const fromSheet: Record<string, number> = {};
    sheet?.eachRow((row, index) => {
      const code = row.getCell(2).value;
      if (index > 1 && typeof code === "string" && code !== "") fromSheet[code] = Number(row.getCell(3).value);
    });
    const report = await call(`{ modelCounts(by: LEVEL) { key count } }`, {}, token);
    const fromQuery = Object.fromEntries(report.data.modelCounts.map((r: any) => [r.key, r.count]));
    expect(Object.keys(fromQuery).length).toBeGreaterThan(0);
    expect(fromSheet).toEqual(fromQuery);

    // A unit admin's export is their subtree: fewer models than the system admin's.
    const everything = await call(`{ modelCounts(by: LEVEL) { key count } }`, {}, tokens.admin);
    const total = (rows: any[]) => rows.reduce((sum, r) => sum + r.count, 0);
    expect(total(report.data.modelCounts)).toBeLessThan(total(everything.data.modelCounts));

    const csv = await call(`{ exportSpreadsheet(report: MODELS, format: CSV) { filename base64 } }`, {}, token);
    const text = Buffer.from(csv.data.exportSpreadsheet.base64, "base64").toString("utf8");
    expect(text.startsWith("\uFEFFMã mô hình,")).toBe(true);
    expect(text).toContain("TL-2017-KNTC");
    expect(text).not.toContain("HN-BCHQS");

    const officer = await call(
      `query($u: ID!) { exportSpreadsheet(report: SUMMARY, format: XLSX, filter: { withinUnitId: $u }) { filename } }`,
      {
        u: Buffer.from(
          `Unit:${(await database.db.selectFrom("units").select("id").where("code", "=", "HN").executeTakeFirstOrThrow()).id}`,
        ).toString("base64"),
      },
      token,
    );
    expect(officer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("serves the import templates", async () => {
    const template = await call(
      `{ spreadsheetTemplate(kind: GOLDEN_BOOK, format: CSV) { filename base64 } }`,
      {},
      tokens["phunu.canbo"],
    );
    expect(template.data.spreadsheetTemplate.filename).toBe("mau-golden-book.csv");
    expect(Buffer.from(template.data.spreadsheetTemplate.base64, "base64").toString("utf8")).toContain("Mã đơn vị");
  });
});
