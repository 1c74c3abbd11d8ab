import type { Kysely } from "kysely";
import type { Database } from "../database.js";
import { type Sheet, type SheetLanguage, writeCsv, writeXlsx } from "../spreadsheet/write-sheets.js";
import { type AuditFilter, listAuditEntries } from "./list-audit-entries.js";

/** At most this many entries go into one file: narrow the filter for more. */
export const AUDIT_EXPORT_LIMIT = 20_000;

const pad = (n: number) => String(n).padStart(2, "0");

/** "28/11/2026 16:05:09 UTC": a day first, as offices write it, and the clock the server keeps. */
function auditTime(iso: string): string {
  const d = new Date(iso);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

const json = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));

/**
 * The audit log's entries matching a filter (newest first, at most {@link AUDIT_EXPORT_LIMIT})
 * as one sheet: when, who, what, which record and unit, before and after (as JSON).
 *
 * @example await writeFile("nhat-ky.xlsx", await exportAuditLog(db, { withinUnitIds: [thanhLiem] }, "xlsx"));
 */
export async function exportAuditLog(
  db: Kysely<Database>,
  filter: AuditFilter,
  format: "xlsx" | "csv",
  lang: SheetLanguage = "vi",
): Promise<Uint8Array> {
  const rows = await listAuditEntries(db, filter, { limit: AUDIT_EXPORT_LIMIT });
  const sheet: Sheet = {
    name: { vi: "Nhật ký thay đổi", en: "Audit log" },
    columns: [
      { header: { vi: "Thời điểm", en: "When" }, width: 24 },
      { header: { vi: "Người thực hiện", en: "Who" }, width: 28 },
      { header: { vi: "Tên đăng nhập", en: "Username" }, width: 18 },
      { header: { vi: "Thao tác", en: "Action" }, width: 26 },
      { header: { vi: "Loại bản ghi", en: "Record kind" }, width: 18 },
      { header: { vi: "Mã bản ghi", en: "Record id" }, width: 38 },
      { header: { vi: "Đơn vị", en: "Unit" }, width: 32 },
      { header: { vi: "Trước", en: "Before" }, width: 50 },
      { header: { vi: "Sau", en: "After" }, width: 50 },
    ],
    rows: rows.map((r) => [
      auditTime(r.at),
      r.actorName ?? "",
      r.actorUsername ?? "",
      r.action,
      r.entity,
      r.entityId,
      r.unitName ?? "",
      json(r.before),
      json(r.after),
    ]),
  };
  return format === "xlsx" ? writeXlsx([sheet], lang) : writeCsv([sheet], { lang });
}
