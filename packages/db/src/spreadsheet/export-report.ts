import { defaultUnitsOfMeasure } from "@lantoa/domain/outcome";
import { type Kysely, sql } from "kysely";
import type { Database } from "../database.js";
import { countModels, type ModelCountDimension } from "../reports/count-models.js";
import { type GoldenBookDimension, goldenBookCounts } from "../reports/golden-book-counts.js";
import { indicatorTotals } from "../reports/indicator-totals.js";
import { replicationSpread } from "../reports/replication-spread.js";
import type { ReportFilter } from "../reports/report-filter.js";
import { withinSubtree } from "../units/within-subtree.js";
import { type ImportKind, importColumns } from "./import-columns.js";
import { goldenBookNames } from "./plan-golden-book.js";
import { modelStatusName } from "./plan-models.js";
import {
  type Sheet,
  type SheetCell,
  type SheetColumn,
  type SheetFormat,
  type SheetLanguage,
  writeCsv,
  writeXlsx,
} from "./write-sheets.js";

/**
 * What can be exported: the importable lists (units, models with outcomes, golden
 * book — an export imports back unchanged), each report, and the periodic summary
 * (one sheet per section).
 */
export const exportReports = [
  "units",
  "models",
  "golden-book",
  "models-by-level",
  "models-by-field",
  "models-by-year",
  "models-by-status",
  "models-by-unit-kind",
  "indicator-totals",
  "indicator-totals-by-year",
  "replication",
  "commendations",
  "golden-book-by-year",
  "golden-book-by-field",
  "summary",
] as const;
/** One of {@link exportReports}. */
export type ExportReportName = (typeof exportReports)[number];

/** XLSX for people, CSV for other programs (UTF-8 with BOM, so Excel shows Vietnamese too). */
export type ExportFormat = "xlsx" | "csv";

/** Options of {@link exportReport}. */
export interface ExportOptions {
  readonly lang?: SheetLanguage;
  /** Called as list rows are read, for a progress bar. */
  readonly onProgress?: (progress: { readonly done: number; readonly total: number }) => void;
}

type Db = Kysely<Database>;

const col = (vi: string, en: string, width: number, format?: SheetFormat): SheetColumn =>
  format === undefined ? { header: { vi, en }, width } : { header: { vi, en }, width, format };

const templateColumns = (kind: ImportKind, formats: Record<string, SheetFormat> = {}): SheetColumn[] =>
  importColumns[kind].map((c) => {
    const format = formats[c.key];
    return format === undefined ? { header: c.header, width: c.width } : { header: c.header, width: c.width, format };
  });

async function unitsSheet(db: Db, filter: ReportFilter): Promise<Sheet> {
  let query = db
    .selectFrom("units as u")
    .leftJoin("units as p", "p.id", "u.parent_id")
    .select(["u.code", "u.name", "p.code as parentCode", "u.level", "u.kind", "u.unit_group"]);
  if (filter.withinUnitId !== undefined) query = query.where(withinSubtree("u.path", filter.withinUnitId));
  // Parents before children (a shorter path first), so the list imports in one pass.
  const rows = await query.orderBy(sql`length(u.path)`).orderBy("u.code").execute();
  return {
    name: { vi: "Đơn vị", en: "Units" },
    columns: templateColumns("units"),
    rows: rows.map((u) => [u.code, u.name, u.parentCode, u.level, u.kind, u.unit_group]),
  };
}

async function modelsSheet(db: Db, filter: ReportFilter, options: ExportOptions): Promise<Sheet> {
  let query = db
    .selectFrom("models as m")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .leftJoin("indicator_values as v", "v.model_id", "m.id")
    .select([
      "m.code",
      "m.name",
      "u.code as unitCode",
      "m.fields",
      "m.start_date",
      "m.status",
      "m.person_name",
      "m.annual_theme",
      "m.problem",
      "m.solution",
      "v.indicator_code",
      "v.period",
      "v.value",
    ]);
  if (filter.withinUnitId !== undefined) query = query.where(withinSubtree("u.path", filter.withinUnitId));
  if (filter.fromYear !== undefined) query = query.where("m.start_date", ">=", `${filter.fromYear}-01-01`);
  if (filter.toYear !== undefined) query = query.where("m.start_date", "<=", `${filter.toYear}-12-31`);
  if (filter.field !== undefined) query = query.where(sql<boolean>`${filter.field} = any(m.fields)`);
  const rows = await query.orderBy("m.code").orderBy("v.indicator_code").orderBy("v.period").execute();
  options.onProgress?.({ done: rows.length, total: rows.length });
  return {
    name: { vi: "Mô hình và kết quả", en: "Models and outcomes" },
    columns: templateColumns("models", { startDate: "date", value: "decimal" }),
    rows: rows.map((m) => [
      m.code,
      m.name,
      m.unitCode,
      m.fields.join("; "),
      m.start_date,
      modelStatusName(m.status),
      m.person_name,
      m.annual_theme,
      m.problem,
      m.solution,
      m.indicator_code,
      m.period,
      m.value,
    ]),
  };
}

async function goldenBookSheet(db: Db, filter: ReportFilter): Promise<Sheet> {
  let query = db
    .selectFrom("golden_book_entries as g")
    .innerJoin("units as u", "u.id", "g.unit_id")
    .select([
      "u.code as unitCode",
      "g.subject_kind",
      "g.subject_name",
      "g.deed",
      "g.field",
      "g.deed_date",
      "g.nominated_by",
      "g.status",
      "g.verified_by",
    ]);
  if (filter.withinUnitId !== undefined) query = query.where(withinSubtree("u.path", filter.withinUnitId));
  if (filter.fromYear !== undefined) query = query.where("g.deed_date", ">=", `${filter.fromYear}-01-01`);
  if (filter.toYear !== undefined) query = query.where("g.deed_date", "<=", `${filter.toYear}-12-31`);
  const rows = await query.orderBy("u.code").orderBy("g.deed_date").orderBy("g.subject_name").execute();
  return {
    name: { vi: "Sổ vàng", en: "Golden book" },
    columns: templateColumns("golden-book", { deedDate: "date" }),
    rows: rows.map((g) => {
      const names = goldenBookNames(g.subject_kind, g.status);
      return [
        g.unitCode,
        names.subject,
        g.subject_name,
        g.deed,
        g.field,
        g.deed_date,
        g.nominated_by,
        names.status,
        g.verified_by,
      ];
    }),
  };
}

async function labels(
  db: Db,
): Promise<{ level: Map<string, string>; field: Map<string, string>; kind: Map<string, string> }> {
  const [levels, fields, kinds] = await Promise.all([
    db.selectFrom("levels").select(["code", "name_vi"]).orderBy("level_set", "desc").execute(),
    db.selectFrom("fields").select(["code", "name_vi"]).execute(),
    db.selectFrom("unit_kinds").select(["code", "name_vi"]).execute(),
  ]);
  return {
    level: new Map(levels.map((l) => [l.code, l.name_vi])),
    field: new Map(fields.map((f) => [f.code, f.name_vi])),
    kind: new Map(kinds.map((k) => [k.code, k.name_vi])),
  };
}

const countTitles: Record<ModelCountDimension, { name: { vi: string; en: string }; key: [string, string] }> = {
  level: { name: { vi: "Mô hình theo cấp", en: "Models by level" }, key: ["Cấp", "Level"] },
  field: { name: { vi: "Mô hình theo lĩnh vực", en: "Models by field" }, key: ["Lĩnh vực", "Field"] },
  year: { name: { vi: "Mô hình theo năm", en: "Models by year" }, key: ["Năm bắt đầu", "Start year"] },
  status: { name: { vi: "Mô hình theo trạng thái", en: "Models by status" }, key: ["Trạng thái", "Status"] },
  "unit-kind": {
    name: { vi: "Mô hình theo loại đơn vị", en: "Models by unit kind" },
    key: ["Loại đơn vị", "Unit kind"],
  },
};

async function modelCountSheet(db: Db, dimension: ModelCountDimension, filter: ReportFilter): Promise<Sheet> {
  const [rows, names] = await Promise.all([countModels(db, dimension, filter), labels(db)]);
  const label = (key: string) =>
    dimension === "level"
      ? names.level.get(key)
      : dimension === "field"
        ? names.field.get(key)
        : dimension === "unit-kind"
          ? names.kind.get(key)
          : dimension === "status"
            ? modelStatusName(key)
            : key;
  const title = countTitles[dimension];
  return {
    name: title.name,
    columns: [col(title.key[0], title.key[1], 28), col("Mã", "Code", 20), col("Số mô hình", "Models", 14, "integer")],
    rows: [
      ...rows.map((r): SheetCell[] => [label(r.key) ?? r.key, r.key, r.count]),
      ["Tổng cộng", "", dimension === "field" ? null : rows.reduce((sum, r) => sum + r.count, 0)],
    ],
  };
}

async function indicatorSheet(db: Db, filter: ReportFilter, byYear: boolean): Promise<Sheet> {
  const [rows, indicators] = await Promise.all([
    indicatorTotals(db, filter, byYear ? { by: "year" } : { by: "total" }),
    db.selectFrom("indicators").select(["code", "name_vi"]).execute(),
  ]);
  const nameOf = new Map(indicators.map((i) => [i.code, i.name_vi]));
  const symbolOf = new Map(defaultUnitsOfMeasure.map((u) => [u.code, u.symbol.vi || u.label.vi]));
  const aggregation = { sum: "Cộng dồn", "weighted-average": "Bình quân gia quyền", none: "Không cộng" };
  return {
    name: byYear
      ? { vi: "Chỉ tiêu theo năm", en: "Indicators by year" }
      : { vi: "Tổng chỉ tiêu", en: "Indicator totals" },
    columns: [
      col("Chỉ tiêu", "Indicator", 34),
      col("Mã chỉ tiêu", "Indicator code", 22),
      ...(byYear ? [col("Năm", "Year", 8)] : []),
      col("Đơn vị tính", "Unit", 12),
      col("Cách tổng hợp", "Aggregation", 20),
      col("Giá trị", "Value", 18, "decimal"),
      col("Số mô hình", "Models", 12, "integer"),
    ],
    rows: rows.map((r) => [
      nameOf.get(r.indicatorCode) ?? r.indicatorCode,
      r.indicatorCode,
      ...(byYear ? [r.groupKey] : []),
      symbolOf.get(r.unitCode) ?? r.unitCode,
      aggregation[r.aggregation],
      r.value,
      r.models,
    ]),
  };
}

async function replicationSheet(db: Db, filter: ReportFilter): Promise<Sheet> {
  const rows = await replicationSpread(db, filter);
  return {
    name: { vi: "Nhân rộng", en: "Replication" },
    columns: [
      col("Mô hình gốc", "Origin model", 40),
      col("Nhân rộng trực tiếp", "Direct adopters", 14, "integer"),
      col("Tổng số nơi nhân rộng", "All adopters", 14, "integer"),
      col("Số tầng", "Depth", 10, "integer"),
      col("Đơn vị áp dụng", "Adopting units", 14, "integer"),
      col("Đơn vị có thể áp dụng", "Eligible units", 14, "integer"),
      col("Độ bao phủ", "Coverage", 12, "percent"),
      col("Cấp đã lan tỏa", "Levels reached", 20),
      col("Lĩnh vực đã lan tỏa", "Fields reached", 28),
      col("Số ngày đến lần nhân rộng đầu", "Days to first adoption", 16, "integer"),
      col("Trung vị số ngày", "Median days", 14, "integer"),
    ],
    rows: rows.map((r) => [
      r.originName,
      r.directAdopters,
      r.allAdopters,
      r.depth,
      r.adoptingUnits,
      r.eligibleUnits,
      r.coverage,
      r.levelsReached.join("; "),
      r.fieldsReached.join("; "),
      r.firstAdoptionDays,
      r.medianAdoptionDays,
    ]),
  };
}

async function commendationSheet(db: Db, filter: ReportFilter): Promise<Sheet> {
  let query = db
    .selectFrom("commendations as c")
    .leftJoin("models as m", "m.id", "c.recipient_model_id")
    .leftJoin("units as u", (join) => join.on(sql<boolean>`u.id = coalesce(c.recipient_unit_id, m.owner_unit_id)`))
    .where("c.revoked_on", "is", null);
  if (filter.withinUnitId !== undefined) query = query.where(withinSubtree("u.path", filter.withinUnitId));
  if (filter.fromYear !== undefined) query = query.where("c.decision_date", ">=", `${filter.fromYear}-01-01`);
  if (filter.toYear !== undefined) query = query.where("c.decision_date", "<=", `${filter.toYear}-12-31`);
  const rows = await query
    .select(["c.level", "c.form", "c.recipient_kind", sql<number>`count(*)::int`.as("count")])
    .groupBy(["c.level", "c.form", "c.recipient_kind"])
    .orderBy("c.level")
    .orderBy("c.form")
    .orderBy("c.recipient_kind")
    .execute();
  const recipient = { model: "Mô hình", unit: "Tập thể", person: "Cá nhân" };
  return {
    name: { vi: "Khen thưởng", en: "Commendations" },
    columns: [
      col("Cấp khen", "Level", 16),
      col("Hình thức", "Form", 28),
      col("Đối tượng", "Recipient", 14),
      col("Số lượt", "Count", 12, "integer"),
    ],
    rows: [
      ...rows.map((r): SheetCell[] => [r.level, r.form, recipient[r.recipient_kind], r.count]),
      ["Tổng cộng", "", "", rows.reduce((sum, r) => sum + r.count, 0)],
    ],
  };
}

async function goldenBookCountSheet(db: Db, dimension: GoldenBookDimension, filter: ReportFilter): Promise<Sheet> {
  const [rows, names] = await Promise.all([goldenBookCounts(db, dimension, filter), labels(db)]);
  const byField = dimension === "field";
  return {
    name: byField
      ? { vi: "Sổ vàng theo lĩnh vực", en: "Golden book by field" }
      : { vi: "Sổ vàng theo năm", en: "Golden book by year" },
    columns: [
      byField ? col("Lĩnh vực", "Field", 28) : col("Năm", "Year", 10),
      col("Số việc tốt", "Entries", 14, "integer"),
    ],
    rows: [
      ...rows.map((r): SheetCell[] => [
        byField ? (names.field.get(r.key) ?? (r.key || "(chưa phân loại)")) : r.key,
        r.count,
      ]),
      ["Tổng cộng", rows.reduce((sum, r) => sum + r.count, 0)],
    ],
  };
}

function periodSheet(filter: ReportFilter, unitName: string | null): Sheet {
  const period =
    filter.fromYear === undefined && filter.toYear === undefined
      ? "Toàn bộ"
      : `${filter.fromYear ?? "…"} – ${filter.toYear ?? "…"}`;
  return {
    name: { vi: "Kỳ báo cáo", en: "Period" },
    columns: [col("Mục", "Item", 24), col("Giá trị", "Value", 40)],
    rows: [
      ["Báo cáo", "Báo cáo định kỳ xây dựng, nhân rộng mô hình"],
      ["Kỳ báo cáo", period],
      ["Phạm vi", unitName ?? "Toàn hệ thống"],
      ["Lĩnh vực", filter.field ?? "Tất cả"],
    ],
  };
}

/** The sheets of a report, for callers that want to combine or inspect them. */
export async function reportSheets(
  db: Db,
  report: ExportReportName,
  filter: ReportFilter = {},
  options: ExportOptions = {},
): Promise<Sheet[]> {
  switch (report) {
    case "units":
      return [await unitsSheet(db, filter)];
    case "models":
      return [await modelsSheet(db, filter, options)];
    case "golden-book":
      return [await goldenBookSheet(db, filter)];
    case "models-by-level":
      return [await modelCountSheet(db, "level", filter)];
    case "models-by-field":
      return [await modelCountSheet(db, "field", filter)];
    case "models-by-year":
      return [await modelCountSheet(db, "year", filter)];
    case "models-by-status":
      return [await modelCountSheet(db, "status", filter)];
    case "models-by-unit-kind":
      return [await modelCountSheet(db, "unit-kind", filter)];
    case "indicator-totals":
      return [await indicatorSheet(db, filter, false)];
    case "indicator-totals-by-year":
      return [await indicatorSheet(db, filter, true)];
    case "replication":
      return [await replicationSheet(db, filter)];
    case "commendations":
      return [await commendationSheet(db, filter)];
    case "golden-book-by-year":
      return [await goldenBookCountSheet(db, "year", filter)];
    case "golden-book-by-field":
      return [await goldenBookCountSheet(db, "field", filter)];
    case "summary": {
      const unit =
        filter.withinUnitId === undefined
          ? null
          : ((await db.selectFrom("units").select("name").where("id", "=", filter.withinUnitId).executeTakeFirst())
              ?.name ?? null);
      return [
        periodSheet(filter, unit),
        await modelCountSheet(db, "level", filter),
        await modelCountSheet(db, "field", filter),
        await modelCountSheet(db, "year", filter),
        await indicatorSheet(db, filter, false),
        await replicationSheet(db, filter),
        await commendationSheet(db, filter),
        await goldenBookCountSheet(db, "year", filter),
        await goldenBookCountSheet(db, "field", filter),
      ];
    }
    default: {
      const never: never = report;
      throw new Error(`exportReport: unknown report ${String(never)}`);
    }
  }
}

/**
 * Exports a list or report as an XLSX workbook (Vietnamese headers, formatted numbers,
 * bold frozen header, column widths) or a UTF-8 CSV with BOM. The lists (`units`,
 * `models`, `golden-book`) use the import template's columns, so an export imports
 * back as is; their CSV ends with a `#HẾT,<rows>` line. `summary` is the periodic
 * report: a sheet per section (models by level, field and year, indicator totals,
 * replication, commendations, golden-book counts) for the filter's years and subtree.
 *
 * @example
 * const xlsx = await exportReport(db, "summary", "xlsx", { fromYear: 2022, toYear: 2022 });
 * await writeFile("bao-cao-2022.xlsx", xlsx);
 */
export async function exportReport(
  db: Db,
  report: ExportReportName,
  format: ExportFormat,
  filter: ReportFilter = {},
  options: ExportOptions = {},
): Promise<Uint8Array> {
  const sheets = await reportSheets(db, report, filter, options);
  const lang = options.lang ?? "vi";
  if (format === "xlsx") return writeXlsx(sheets, lang);
  return writeCsv(sheets, { lang, trailer: report === "units" || report === "models" || report === "golden-book" });
}

/**
 * An empty import template: the kind's columns with Vietnamese headers, widths, and a
 * note on each header saying how to fill it (XLSX), or just the header line (CSV).
 *
 * @example await writeFile("mau-mo-hinh.xlsx", await spreadsheetTemplate("models", "xlsx"));
 */
export async function spreadsheetTemplate(
  kind: ImportKind,
  format: ExportFormat,
  lang: SheetLanguage = "vi",
): Promise<Uint8Array> {
  const sheet: Sheet = {
    name: { vi: { units: "Đơn vị", models: "Mô hình", "golden-book": "Sổ vàng" }[kind], en: kind },
    columns: importColumns[kind].map((c) => ({
      header: c.header,
      width: c.width,
      note: {
        vi: `${c.required ? "Bắt buộc. " : ""}${c.hint.vi}${c.example ? `. Ví dụ: ${c.example}` : ""}`,
        en: `${c.required ? "Required. " : ""}${c.hint.en}${c.example ? `. Example: ${c.example}` : ""}`,
      },
    })),
    rows: [],
  };
  return format === "xlsx" ? writeXlsx([sheet], lang) : writeCsv([sheet], { lang });
}
