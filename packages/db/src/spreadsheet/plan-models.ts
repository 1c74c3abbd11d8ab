import { randomUUID } from "node:crypto";
import { validateIndicatorValue } from "@lantoa/domain/outcome";
import { sql } from "kysely";
import { z } from "zod";
import { type IndicatorValueInput, recordIndicatorValues } from "../models/indicator-values.js";
import type { ModelStatus } from "../models/models.table.js";
import type { ImportCatalogue } from "./import-catalogue.js";
import { type Db, emptyCounts, type ImportPlan, inBatches } from "./import-plan.js";
import { type ImportProblem, importProblem } from "./import-problem.js";
import { matchKey, parseDateCell, parseNumberCell, parsePeriodCell } from "./parse-cell.js";
import type { SheetRow, SheetTable } from "./read-spreadsheet.js";
import { CodeSchema, checkText, type RowReader, requiredProblem } from "./sheet-row-reader.js";

const statusNames: ReadonlyArray<[ModelStatus, string, string]> = [
  ["draft", "Nháp", "Draft"],
  ["submitted", "Đã gửi", "Submitted"],
  ["returned", "Trả lại", "Returned"],
  ["approved", "Đã duyệt", "Approved"],
  ["active", "Đang triển khai", "Active"],
  ["archived", "Lưu trữ", "Archived"],
  ["suspended", "Tạm dừng", "Suspended"],
];
const statusByName = new Map<string, ModelStatus>(
  statusNames.flatMap(([code, vi, en]) => [
    [matchKey(code), code],
    [matchKey(vi), code],
    [matchKey(en), code],
  ]),
);

/** The Vietnamese name of a model status, as exports write it. */
export function modelStatusName(status: string): string {
  return statusNames.find(([code]) => code === status)?.[1] ?? status;
}

/** Columns that describe the model itself; every row of one model must agree on them. */
const modelColumns = [
  "name",
  "unitCode",
  "fields",
  "startDate",
  "status",
  "personName",
  "annualTheme",
  "problem",
  "solution",
] as const;

interface ModelLine {
  readonly row: number;
  readonly code: string;
  readonly name: string;
  readonly ownerUnitId: string;
  readonly fields: string[] | undefined;
  readonly startDate: string;
  readonly status: ModelStatus | undefined;
  readonly personName: string | null | undefined;
  readonly annualTheme: string | null | undefined;
  readonly problem: string | null | undefined;
  readonly solution: string | null | undefined;
}

interface ValueLine {
  readonly modelCode: string;
  readonly indicatorCode: string;
  readonly period: string;
  readonly value: number;
  readonly unitCode: string;
}

const NameSchema = z.string().max(500);
const LongText = z.string().max(10_000);

const optional = (reader: RowReader, row: SheetRow, key: string): string | null | undefined => {
  if (!reader.has(key)) return undefined;
  const text = reader.text(row, key);
  return text === "" ? null : text;
};

const sameFields = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join(";") === [...b].sort().join(";");

/**
 * Plans a models import: one row per outcome (model columns repeated on each), or one
 * row for a model without outcomes. Checks codes, owner units, fields, dates and
 * statuses; each value with the domain's `validateIndicatorValue` (a percent within
 * 0..100, people whole…); the same model, indicator and period only once. A stored
 * model's status changes only through its lifecycle, never by import.
 */
export async function planModels(
  db: Db,
  table: SheetTable,
  reader: RowReader,
  catalogue: ImportCatalogue,
): Promise<ImportPlan> {
  const problems: ImportProblem[] = [];
  const col = (key: string) => reader.header(key);
  const unitCodes = [...new Set(table.rows.map((r) => reader.text(r, "unitCode")).filter((c) => c !== ""))];
  const modelCodes = [...new Set(table.rows.map((r) => reader.text(r, "code")).filter((c) => c !== ""))];
  const [units, storedModels] = await Promise.all([
    db.selectFrom("units").select(["id", "code"]).where(sql<boolean>`code = any(${unitCodes}::text[])`).execute(),
    db.selectFrom("models").selectAll().where(sql<boolean>`code = any(${modelCodes}::text[])`).execute(),
  ]);
  const unitIdOf = new Map(units.map((u) => [u.code, u.id]));
  const storedByCode = new Map(storedModels.map((m) => [m.code, m]));
  const storedValues = new Map<string, number>();
  if (storedModels.length > 0) {
    const codeOfId = new Map(storedModels.map((m) => [m.id, m.code]));
    const rows = await db
      .selectFrom("indicator_values")
      .select(["model_id", "indicator_code", "period", "value"])
      .where(sql<boolean>`model_id = any(${storedModels.map((m) => m.id)}::uuid[])`)
      .execute();
    for (const v of rows)
      storedValues.set(`${codeOfId.get(v.model_id)}\u0000${v.indicator_code}\u0000${v.period}`, v.value);
  }

  const models = new Map<string, ModelLine>();
  /** What the first row of each model said in each model column, to compare later rows with. */
  const firstSaid = new Map<string, { row: number; cells: Map<string, string> }>();
  const invalidModels = new Set<string>();
  const values: ValueLine[] = [];
  const firstRowOfValue = new Map<string, number>();

  for (const row of table.rows) {
    const code = reader.text(row, "code");
    if (code === "") {
      problems.push(requiredProblem(row.row, col("code")));
      continue;
    }
    const first = firstSaid.get(code);
    if (first === undefined) {
      const cells = new Map(modelColumns.map((key) => [key, matchKey(reader.text(row, key))]));
      firstSaid.set(code, { row: row.row, cells });
      const line = parseModelLine(row, code);
      if (line) models.set(code, line);
      else invalidModels.add(code);
    } else {
      for (const key of modelColumns) {
        if (matchKey(reader.text(row, key)) !== first.cells.get(key)) {
          problems.push(
            importProblem(
              row.row,
              col(key),
              "IMPORT.INCONSISTENT_MODEL",
              `Khác với dòng ${first.row} của cùng mô hình “${code}”`,
              `Differs from row ${first.row} of the same model “${code}”`,
            ),
          );
        }
      }
    }
    parseValue(row, code);
  }

  function parseModelLine(row: SheetRow, code: string): ModelLine | null {
    const before = problems.length;
    const badCode = checkText(CodeSchema, code, row.row, col("code"));
    if (badCode) problems.push(badCode);
    const name = reader.text(row, "name");
    if (name === "") problems.push(requiredProblem(row.row, col("name")));
    else {
      const bad = checkText(NameSchema, name, row.row, col("name"));
      if (bad) problems.push(bad);
    }
    const unitCode = reader.text(row, "unitCode");
    const ownerUnitId = unitIdOf.get(unitCode);
    if (unitCode === "") problems.push(requiredProblem(row.row, col("unitCode")));
    else if (ownerUnitId === undefined) {
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
    let fields: string[] | undefined;
    if (reader.has("fields")) {
      fields = [];
      for (const part of reader.text(row, "fields").split(";")) {
        if (part.trim() === "") continue;
        const field = catalogue.fields.get(matchKey(part));
        if (field === undefined) {
          problems.push(
            importProblem(
              row.row,
              col("fields"),
              "IMPORT.UNKNOWN_FIELD",
              `Không có lĩnh vực “${part.trim()}”`,
              `No field “${part.trim()}” is configured`,
            ),
          );
        } else if (!fields.includes(field)) fields.push(field);
      }
    }
    let startDate = "";
    if (reader.text(row, "startDate") === "") problems.push(requiredProblem(row.row, col("startDate")));
    else {
      const date = parseDateCell(reader.raw(row, "startDate"));
      if (date.ok) startDate = date.value;
      else problems.push(importProblem(row.row, col("startDate"), date.code, date.message.vi, date.message.en));
    }
    let status: ModelStatus | undefined;
    const statusText = reader.text(row, "status");
    if (statusText !== "") {
      status = statusByName.get(matchKey(statusText));
      if (status === undefined) {
        problems.push(
          importProblem(
            row.row,
            col("status"),
            "IMPORT.UNKNOWN_STATUS",
            `Không có trạng thái “${statusText}”`,
            `No status “${statusText}”`,
          ),
        );
      } else {
        const stored = storedByCode.get(code);
        if (stored && stored.status !== status) {
          problems.push(
            importProblem(
              row.row,
              col("status"),
              "IMPORT.STATUS_CHANGE",
              `Mô hình “${code}” đang ở trạng thái “${modelStatusName(stored.status)}”; đổi trạng thái qua quy trình duyệt, không qua nhập bảng tính`,
              `Model “${code}” is “${stored.status}”; change a status through the lifecycle, not by import`,
            ),
          );
        }
      }
    }
    const texts = (["personName", "annualTheme", "problem", "solution"] as const).map((key) => {
      const value = optional(reader, row, key);
      if (value) {
        const bad = checkText(key === "personName" ? NameSchema : LongText, value, row.row, col(key));
        if (bad) problems.push(bad);
      }
      return value;
    });
    if (problems.length > before || ownerUnitId === undefined) return null;
    return {
      row: row.row,
      code,
      name,
      ownerUnitId,
      fields,
      startDate,
      status,
      personName: texts[0],
      annualTheme: texts[1],
      problem: texts[2],
      solution: texts[3],
    };
  }

  function parseValue(row: SheetRow, code: string): void {
    const [indicatorText, periodText, valueText] = (["indicator", "period", "value"] as const).map((k) =>
      reader.text(row, k),
    );
    if (indicatorText === "" && periodText === "" && valueText === "") return;
    const before = problems.length;
    const definition = catalogue.indicators.get(matchKey(indicatorText ?? ""));
    if (indicatorText === "") problems.push(requiredProblem(row.row, col("indicator")));
    else if (definition === undefined) {
      problems.push(
        importProblem(
          row.row,
          col("indicator"),
          "IMPORT.UNKNOWN_INDICATOR",
          `Không có chỉ tiêu “${indicatorText}”`,
          `No indicator “${indicatorText}” is configured`,
        ),
      );
    }
    const period = periodText === "" ? null : parsePeriodCell(reader.raw(row, "period"));
    if (period === null) problems.push(requiredProblem(row.row, col("period")));
    else if (!period.ok)
      problems.push(importProblem(row.row, col("period"), period.code, period.message.vi, period.message.en));
    const value = valueText === "" ? null : parseNumberCell(reader.raw(row, "value"));
    if (value === null) problems.push(requiredProblem(row.row, col("value")));
    else if (!value.ok)
      problems.push(importProblem(row.row, col("value"), value.code, value.message.vi, value.message.en));
    if (definition && period?.ok && value?.ok) {
      const year = Number(period.value.slice(0, 4));
      const checked = validateIndicatorValue(
        {
          unitId: "import",
          modelId: code,
          indicatorCode: definition.code,
          period: { kind: "year", year },
          value: value.value,
        },
        definition,
      );
      if (!checked.ok) {
        problems.push(
          importProblem(row.row, col("value"), checked.error.code, checked.error.message.vi, checked.error.message.en),
        );
      }
      const key = `${code}\u0000${definition.code}\u0000${period.value}`;
      const firstRow = firstRowOfValue.get(key);
      if (firstRow !== undefined) {
        problems.push(
          importProblem(
            row.row,
            col("code"),
            "IMPORT.DUPLICATE_ROW",
            `Mô hình “${code}”, chỉ tiêu “${definition.code}”, kỳ ${period.value} đã có ở dòng ${firstRow}`,
            `Model “${code}”, indicator “${definition.code}”, period ${period.value} already on row ${firstRow}`,
          ),
        );
      } else firstRowOfValue.set(key, row.row);
    }
    if (problems.length > before || !definition || !period?.ok || !value?.ok) return;
    values.push({
      modelCode: code,
      indicatorCode: definition.code,
      period: period.value,
      value: value.value,
      unitCode: definition.unitCode,
    });
  }

  const counts = { models: emptyCounts(), indicatorValues: emptyCounts() };
  const freshModels: ModelLine[] = [];
  const changedModels: ModelLine[] = [];
  for (const line of models.values()) {
    const stored = storedByCode.get(line.code);
    if (!stored) {
      counts.models.inserted++;
      freshModels.push(line);
      continue;
    }
    const same =
      stored.name === line.name &&
      stored.owner_unit_id === line.ownerUnitId &&
      stored.start_date === line.startDate &&
      (line.fields === undefined || sameFields(stored.fields, line.fields)) &&
      (line.personName === undefined || stored.person_name === line.personName) &&
      (line.annualTheme === undefined || stored.annual_theme === line.annualTheme) &&
      (line.problem === undefined || stored.problem === line.problem) &&
      (line.solution === undefined || stored.solution === line.solution);
    if (same) counts.models.unchanged++;
    else {
      counts.models.updated++;
      changedModels.push(line);
    }
  }
  const changedValues: ValueLine[] = [];
  for (const value of values) {
    if (invalidModels.has(value.modelCode)) continue;
    const stored = storedValues.get(`${value.modelCode}\u0000${value.indicatorCode}\u0000${value.period}`);
    if (stored === undefined) counts.indicatorValues.inserted++;
    else if (stored === value.value) {
      counts.indicatorValues.unchanged++;
      continue;
    } else counts.indicatorValues.updated++;
    changedValues.push(value);
  }

  return {
    problems,
    counts,
    async write(trx, progress) {
      const total = freshModels.length + changedModels.length + changedValues.length;
      let done = 0;
      const idOf = new Map(storedModels.map((m) => [m.code, m.id]));
      await inBatches(freshModels, 1000, async (batch) => {
        const rows = batch.map((line) => {
          const id = randomUUID();
          idOf.set(line.code, id);
          return {
            id,
            code: line.code,
            name: line.name,
            owner_unit_id: line.ownerUnitId,
            kind: line.personName ? ("individual" as const) : ("collective" as const),
            person_name: line.personName ?? null,
            fields: line.fields ?? [],
            annual_theme: line.annualTheme ?? null,
            problem: line.problem ?? null,
            solution: line.solution ?? null,
            start_date: line.startDate,
            status: line.status ?? ("active" as const),
          };
        });
        await trx.insertInto("models").values(rows).execute();
        await trx
          .insertInto("model_status_history")
          .values(
            rows.map((m) => ({
              model_id: m.id,
              from_status: null,
              to_status: m.status,
              command: "import",
              actor_user_id: null,
              actor_name: "Nhập từ bảng tính",
              at: sql<string>`now()`,
              reason: null,
            })),
          )
          .execute();
        done += batch.length;
        progress(done, total);
      });
      for (const line of changedModels) {
        await trx
          .updateTable("models")
          .set((eb) => ({
            name: line.name,
            owner_unit_id: line.ownerUnitId,
            start_date: line.startDate,
            ...(line.fields === undefined ? {} : { fields: line.fields }),
            ...(line.personName === undefined
              ? {}
              : {
                  person_name: line.personName,
                  kind: line.personName ? ("individual" as const) : ("collective" as const),
                }),
            ...(line.annualTheme === undefined ? {} : { annual_theme: line.annualTheme }),
            ...(line.problem === undefined ? {} : { problem: line.problem }),
            ...(line.solution === undefined ? {} : { solution: line.solution }),
            version: eb("version", "+", 1),
            updated_at: sql`now()`,
          }))
          .where("code", "=", line.code)
          .execute();
        progress(++done, total);
      }
      await inBatches(changedValues, 2000, async (batch) => {
        const inputs: IndicatorValueInput[] = batch.map((v) => ({
          modelId: idOf.get(v.modelCode) as string,
          indicatorCode: v.indicatorCode,
          period: v.period,
          value: v.value,
          unitCode: v.unitCode,
        }));
        await recordIndicatorValues(trx, inputs);
        done += batch.length;
        progress(done, total);
      });
    },
  };
}
