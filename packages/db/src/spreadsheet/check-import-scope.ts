import { sql } from "kysely";
import type { ImportKind } from "./import-columns.js";
import type { Db } from "./import-plan.js";
import { type ImportProblem, importProblem } from "./import-problem.js";
import type { SheetTable } from "./read-spreadsheet.js";
import type { RowReader } from "./sheet-row-reader.js";

const within = (path: string, scopePaths: readonly string[]) => scopePaths.some((scope) => path.startsWith(scope));

async function pathsOfUnits(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom("units")
    .select(["code", "path"])
    .where(sql<boolean>`code = any(${codes}::text[])`)
    .execute();
  return new Map(rows.map((u) => [u.code, u.path]));
}

const outside = (row: number, column: string, code: string): ImportProblem =>
  importProblem(
    row,
    column,
    "IMPORT.OUTSIDE_SCOPE",
    `Đơn vị “${code}” nằm ngoài phạm vi bạn quản lý`,
    `Unit “${code}” is outside the units you administer`,
  );

/**
 * The rows of a file that reach outside the importer's subtrees (`scopePaths`, the
 * materialized paths of the units they administer): a model or golden-book entry of
 * a unit outside them, a stored model owned outside them, a stored unit outside them,
 * a new unit whose stored parent is outside them or that has no parent at all. A new
 * unit whose parent is new too is judged through that parent's row. Codes that match
 * no unit are left to the planner, which reports them as unknown.
 *
 * @example
 * await importScopeProblems(db, "models", table, reader, ["a1…/b2…/"])
 * // [{ row: 7, column: "Mã đơn vị", code: "IMPORT.OUTSIDE_SCOPE", … }]
 */
export async function importScopeProblems(
  db: Db,
  kind: ImportKind,
  table: SheetTable,
  reader: RowReader,
  scopePaths: readonly string[],
): Promise<ImportProblem[]> {
  const problems: ImportProblem[] = [];
  const codesIn = (key: string) => [...new Set(table.rows.map((r) => reader.text(r, key)).filter((c) => c !== ""))];
  switch (kind) {
    case "units": {
      const stored = await pathsOfUnits(db, [...new Set([...codesIn("code"), ...codesIn("parentCode")])]);
      for (const row of table.rows) {
        const code = reader.text(row, "code");
        const parentCode = reader.text(row, "parentCode");
        const path = stored.get(code);
        if (path !== undefined) {
          if (!within(path, scopePaths)) problems.push(outside(row.row, reader.header("code"), code));
        } else if (parentCode === "") {
          if (code !== "") {
            problems.push(
              importProblem(
                row.row,
                reader.header("parentCode"),
                "IMPORT.OUTSIDE_SCOPE",
                "Chỉ quản trị hệ thống mới thêm được đơn vị gốc; hãy ghi đơn vị cấp trên",
                "Only a system admin may add a root unit; fill in the parent unit",
              ),
            );
          }
        } else {
          const parentPath = stored.get(parentCode);
          if (parentPath !== undefined && !within(parentPath, scopePaths)) {
            problems.push(outside(row.row, reader.header("parentCode"), parentCode));
          }
        }
      }
      return problems;
    }
    case "models": {
      const units = await pathsOfUnits(db, codesIn("unitCode"));
      const modelCodes = codesIn("code");
      const owners =
        modelCodes.length === 0
          ? []
          : await db
              .selectFrom("models as m")
              .innerJoin("units as u", "u.id", "m.owner_unit_id")
              .select(["m.code", "u.code as unitCode", "u.path"])
              .where(sql<boolean>`m.code = any(${modelCodes}::text[])`)
              .execute();
      const ownerOf = new Map(owners.map((o) => [o.code, o]));
      for (const row of table.rows) {
        const unitCode = reader.text(row, "unitCode");
        const path = units.get(unitCode);
        if (path !== undefined && !within(path, scopePaths)) {
          problems.push(outside(row.row, reader.header("unitCode"), unitCode));
        }
        const owner = ownerOf.get(reader.text(row, "code"));
        if (owner !== undefined && !within(owner.path, scopePaths)) {
          problems.push(
            importProblem(
              row.row,
              reader.header("code"),
              "IMPORT.OUTSIDE_SCOPE",
              `Mô hình “${owner.code}” thuộc đơn vị “${owner.unitCode}” ngoài phạm vi bạn quản lý`,
              `Model “${owner.code}” belongs to unit “${owner.unitCode}”, outside the units you administer`,
            ),
          );
        }
      }
      return problems;
    }
    case "golden-book": {
      const units = await pathsOfUnits(db, codesIn("unitCode"));
      for (const row of table.rows) {
        const unitCode = reader.text(row, "unitCode");
        const path = units.get(unitCode);
        if (path !== undefined && !within(path, scopePaths)) {
          problems.push(outside(row.row, reader.header("unitCode"), unitCode));
        }
      }
      return problems;
    }
    default: {
      const never: never = kind;
      throw new Error(`importScopeProblems: unknown kind ${String(never)}`);
    }
  }
}
