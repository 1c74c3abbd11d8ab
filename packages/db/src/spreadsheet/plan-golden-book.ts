import { sql } from "kysely";
import { z } from "zod";
import type { ImportCatalogue } from "./import-catalogue.js";
import { type Db, emptyCounts, type ImportPlan, inBatches } from "./import-plan.js";
import { type ImportProblem, importProblem } from "./import-problem.js";
import { matchKey, parseDateCell } from "./parse-cell.js";
import type { SheetTable } from "./read-spreadsheet.js";
import { checkText, type RowReader, requiredProblem } from "./sheet-row-reader.js";

type SubjectKind = "person" | "collective";
type EntryStatus = "nominated" | "verified" | "rejected";

const subjectNames: ReadonlyArray<[SubjectKind, string, string]> = [
  ["person", "Cá nhân", "Person"],
  ["collective", "Tập thể", "Collective"],
];
const statusNames: ReadonlyArray<[EntryStatus, string, string]> = [
  ["nominated", "Đề cử", "Nominated"],
  ["verified", "Đã xác nhận", "Verified"],
  ["rejected", "Không công nhận", "Rejected"],
];
function lookup<T extends string>(names: ReadonlyArray<[T, string, string]>): Map<string, T> {
  return new Map(
    names.flatMap(([code, vi, en]) => [
      [matchKey(code), code] as const,
      [matchKey(vi), code] as const,
      [matchKey(en), code] as const,
    ]),
  );
}
const subjectByName = lookup(subjectNames);
const statusByName = lookup(statusNames);

/** Vietnamese names of a golden-book subject kind and status, as exports write them. */
export function goldenBookNames(subject: string, status: string): { subject: string; status: string } {
  return {
    subject: subjectNames.find(([c]) => c === subject)?.[1] ?? subject,
    status: statusNames.find(([c]) => c === status)?.[1] ?? status,
  };
}

interface EntryLine {
  readonly row: number;
  readonly key: string;
  readonly unitId: string;
  readonly subjectKind: SubjectKind;
  readonly subjectName: string;
  readonly deed: string;
  readonly field: string | null | undefined;
  readonly deedDate: string;
  readonly nominatedBy: string;
  readonly status: EntryStatus | undefined;
  readonly verifiedBy: string | null | undefined;
}

const NameSchema = z.string().max(200);
const LongText = z.string().max(10_000);

/** An entry is the same entry when unit, name, date and deed match (case and spacing aside). */
const naturalKey = (unitId: string, subjectName: string, deedDate: string, deed: string) =>
  [unitId, matchKey(subjectName), deedDate, matchKey(deed)].join("\u0000");

/**
 * Plans a golden-book import. An entry's natural key is its unit, subject name, date
 * and deed: a file row with a stored key updates that entry, a new key adds one, and
 * the same key twice in a file is refused.
 */
export async function planGoldenBook(
  db: Db,
  table: SheetTable,
  reader: RowReader,
  catalogue: ImportCatalogue,
): Promise<ImportPlan> {
  const problems: ImportProblem[] = [];
  const col = (key: string) => reader.header(key);
  const unitCodes = [...new Set(table.rows.map((r) => reader.text(r, "unitCode")).filter((c) => c !== ""))];
  const units = await db
    .selectFrom("units")
    .select(["id", "code"])
    .where(sql<boolean>`code = any(${unitCodes}::text[])`)
    .execute();
  const unitIdOf = new Map(units.map((u) => [u.code, u.id]));
  const stored = new Map<
    string,
    {
      id: string;
      subject_kind: string;
      field: string | null;
      nominated_by: string;
      status: string;
      verified_by: string | null;
    }
  >();
  if (units.length > 0) {
    const rows = await db
      .selectFrom("golden_book_entries")
      .select([
        "id",
        "unit_id",
        "subject_kind",
        "subject_name",
        "deed",
        "field",
        "deed_date",
        "nominated_by",
        "status",
        "verified_by",
      ])
      .where(sql<boolean>`unit_id = any(${units.map((u) => u.id)}::uuid[])`)
      .orderBy("created_at")
      .execute();
    for (const r of rows) {
      const key = naturalKey(r.unit_id, r.subject_name, r.deed_date, r.deed);
      if (!stored.has(key)) stored.set(key, r);
    }
  }

  const lines: EntryLine[] = [];
  const firstRowOf = new Map<string, number>();
  for (const row of table.rows) {
    const before = problems.length;
    const unitCode = reader.text(row, "unitCode");
    const unitId = unitIdOf.get(unitCode);
    if (unitCode === "") problems.push(requiredProblem(row.row, col("unitCode")));
    else if (unitId === undefined) {
      problems.push(
        importProblem(
          row.row,
          col("unitCode"),
          "IMPORT.UNKNOWN_UNIT",
          `Không có đơn vị mã “${unitCode}”`,
          `No unit has code “${unitCode}”`,
        ),
      );
    }
    const subjectText = reader.text(row, "subjectKind");
    const subjectKind = subjectByName.get(matchKey(subjectText));
    if (subjectText === "") problems.push(requiredProblem(row.row, col("subjectKind")));
    else if (subjectKind === undefined) {
      problems.push(
        importProblem(
          row.row,
          col("subjectKind"),
          "IMPORT.UNKNOWN_SUBJECT_KIND",
          `“${subjectText}” không phải Cá nhân hoặc Tập thể`,
          `“${subjectText}” is neither Person nor Collective`,
        ),
      );
    }
    const texts = (["subjectName", "deed", "nominatedBy"] as const).map((key) => {
      const text = reader.text(row, key);
      if (text === "") problems.push(requiredProblem(row.row, col(key)));
      else {
        const bad = checkText(key === "deed" ? LongText : NameSchema, text, row.row, col(key));
        if (bad) problems.push(bad);
      }
      return text;
    });
    let field: string | null | undefined;
    if (reader.has("field")) {
      const text = reader.text(row, "field");
      field = text === "" ? null : catalogue.fields.get(matchKey(text));
      if (field === undefined) {
        problems.push(
          importProblem(
            row.row,
            col("field"),
            "IMPORT.UNKNOWN_FIELD",
            `Không có lĩnh vực “${text}”`,
            `No field “${text}” is configured`,
          ),
        );
      }
    }
    let deedDate = "";
    if (reader.text(row, "deedDate") === "") problems.push(requiredProblem(row.row, col("deedDate")));
    else {
      const date = parseDateCell(reader.raw(row, "deedDate"));
      if (date.ok) deedDate = date.value;
      else problems.push(importProblem(row.row, col("deedDate"), date.code, date.message.vi, date.message.en));
    }
    const statusText = reader.text(row, "status");
    const status = statusText === "" ? undefined : statusByName.get(matchKey(statusText));
    if (statusText !== "" && status === undefined) {
      problems.push(
        importProblem(
          row.row,
          col("status"),
          "IMPORT.UNKNOWN_STATUS",
          `Không có trạng thái “${statusText}” (Đề cử, Đã xác nhận, Không công nhận)`,
          `No status “${statusText}” (Nominated, Verified, Rejected)`,
        ),
      );
    }
    const verifiedText = reader.text(row, "verifiedBy");
    const [subjectName = "", deed = "", nominatedBy = ""] = texts;
    if (unitId !== undefined && deedDate !== "" && subjectName !== "" && deed !== "") {
      const key = naturalKey(unitId, subjectName, deedDate, deed);
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        problems.push(
          importProblem(
            row.row,
            col("unitCode"),
            "IMPORT.DUPLICATE_ROW",
            `Trùng với dòng ${first} (cùng đơn vị, người, ngày và việc tốt)`,
            `Repeats row ${first} (same unit, name, date and deed)`,
          ),
        );
      } else firstRowOf.set(key, row.row);
      if (problems.length === before && subjectKind !== undefined && field !== undefined) {
        lines.push({
          row: row.row,
          key,
          unitId,
          subjectKind,
          subjectName,
          deed,
          field,
          deedDate,
          nominatedBy,
          status,
          verifiedBy: reader.has("verifiedBy") ? (verifiedText === "" ? null : verifiedText) : undefined,
        });
      }
    }
  }

  const counts = { goldenBookEntries: emptyCounts() };
  const fresh: EntryLine[] = [];
  const changed: Array<{ id: string; line: EntryLine }> = [];
  for (const line of lines) {
    const existing = stored.get(line.key);
    if (!existing) {
      counts.goldenBookEntries.inserted++;
      fresh.push(line);
      continue;
    }
    const same =
      existing.subject_kind === line.subjectKind &&
      existing.nominated_by === line.nominatedBy &&
      (line.field === undefined || existing.field === line.field) &&
      (line.status === undefined || existing.status === line.status) &&
      (line.verifiedBy === undefined || existing.verified_by === line.verifiedBy);
    if (same) counts.goldenBookEntries.unchanged++;
    else {
      counts.goldenBookEntries.updated++;
      changed.push({ id: existing.id, line });
    }
  }

  return {
    problems,
    counts,
    async write(trx, progress) {
      const total = fresh.length + changed.length;
      let done = 0;
      await inBatches(fresh, 1000, async (batch) => {
        await trx
          .insertInto("golden_book_entries")
          .values(
            batch.map((line) => ({
              unit_id: line.unitId,
              subject_kind: line.subjectKind,
              subject_name: line.subjectName,
              deed: line.deed,
              field: line.field ?? null,
              deed_date: line.deedDate,
              nominated_by: line.nominatedBy,
              verified_by: line.verifiedBy ?? null,
              verified_at: line.status === "verified" ? sql<string>`now()` : null,
              status: line.status ?? "nominated",
            })),
          )
          .execute();
        done += batch.length;
        progress(done, total);
      });
      for (const { id, line } of changed) {
        await trx
          .updateTable("golden_book_entries")
          .set((eb) => ({
            subject_kind: line.subjectKind,
            nominated_by: line.nominatedBy,
            ...(line.field === undefined ? {} : { field: line.field }),
            ...(line.status === undefined ? {} : { status: line.status }),
            ...(line.verifiedBy === undefined ? {} : { verified_by: line.verifiedBy }),
            version: eb("version", "+", 1),
          }))
          .where("id", "=", id)
          .execute();
        progress(++done, total);
      }
    },
  };
}
