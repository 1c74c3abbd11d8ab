import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { z } from "zod";
import type { ImportCatalogue } from "./import-catalogue.js";
import { type Db, emptyCounts, type ImportPlan, inBatches } from "./import-plan.js";
import { type ImportProblem, importProblem } from "./import-problem.js";
import { matchKey } from "./parse-cell.js";
import type { SheetTable } from "./read-spreadsheet.js";
import { CodeSchema, checkText, type RowReader, requiredProblem } from "./sheet-row-reader.js";

interface UnitLine {
  readonly row: number;
  readonly code: string;
  readonly name: string;
  readonly parentCode: string | null;
  readonly level: string;
  readonly kind: string;
  /** undefined when the file has no group column: keep what is stored. */
  readonly group: string | null | undefined;
}

const NameSchema = z.string().max(300);

/**
 * Plans a units import: codes unique in the file, parents in the file or stored, no
 * cycles, levels and kinds configured. A stored unit keeps its place in the tree
 * (moving a subtree is not an import's job); its name, level, kind and group follow the file.
 */
export async function planUnits(
  db: Db,
  table: SheetTable,
  reader: RowReader,
  catalogue: ImportCatalogue,
): Promise<ImportPlan> {
  const problems: ImportProblem[] = [];
  const lines: UnitLine[] = [];
  const firstRowOf = new Map<string, number>();
  const col = (key: string) => reader.header(key);

  for (const row of table.rows) {
    const before = problems.length;
    const code = reader.text(row, "code");
    if (code === "") problems.push(requiredProblem(row.row, col("code")));
    else {
      const bad = checkText(CodeSchema, code, row.row, col("code"));
      if (bad) problems.push(bad);
      const first = firstRowOf.get(code);
      if (first !== undefined) {
        problems.push(
          importProblem(
            row.row,
            col("code"),
            "IMPORT.DUPLICATE_CODE",
            `Mã đơn vị “${code}” trùng với dòng ${first}`,
            `Unit code “${code}” repeats row ${first}`,
          ),
        );
      } else firstRowOf.set(code, row.row);
    }
    const name = reader.text(row, "name");
    if (name === "") problems.push(requiredProblem(row.row, col("name")));
    else {
      const bad = checkText(NameSchema, name, row.row, col("name"));
      if (bad) problems.push(bad);
    }
    const levelText = reader.text(row, "level");
    const level = catalogue.levels.get(matchKey(levelText));
    if (levelText === "") problems.push(requiredProblem(row.row, col("level")));
    else if (level === undefined) {
      problems.push(
        importProblem(
          row.row,
          col("level"),
          "IMPORT.UNKNOWN_LEVEL",
          `Không có cấp “${levelText}”`,
          `No level “${levelText}” is configured`,
        ),
      );
    }
    const kindText = reader.text(row, "kind");
    const kind = catalogue.unitKinds.get(matchKey(kindText));
    if (kindText === "") problems.push(requiredProblem(row.row, col("kind")));
    else if (kind === undefined) {
      problems.push(
        importProblem(
          row.row,
          col("kind"),
          "IMPORT.UNKNOWN_UNIT_KIND",
          `Không có loại đơn vị “${kindText}”`,
          `No unit kind “${kindText}” is configured`,
        ),
      );
    }
    if (problems.length > before || level === undefined || kind === undefined) continue;
    const parentCode = reader.text(row, "parentCode");
    const group = reader.text(row, "group");
    lines.push({
      row: row.row,
      code,
      name,
      parentCode: parentCode === "" ? null : parentCode,
      level,
      kind,
      group: reader.has("group") ? (group === "" ? null : group) : undefined,
    });
  }

  const codes = [...new Set([...firstRowOf.keys(), ...lines.flatMap((l) => (l.parentCode ? [l.parentCode] : []))])];
  const stored = new Map(
    (
      await db
        .selectFrom("units as u")
        .leftJoin("units as p", "p.id", "u.parent_id")
        .select(["u.id", "u.code", "u.name", "u.level", "u.kind", "u.unit_group", "u.path", "p.code as parentCode"])
        .where(sql<boolean>`u.code = any(${codes}::text[])`)
        .execute()
    ).map((u) => [u.code, u]),
  );

  const counts = { units: emptyCounts() };
  const fresh = new Map<string, UnitLine>();
  const changed: UnitLine[] = [];
  for (const line of lines) {
    const existing = stored.get(line.code);
    if (line.parentCode !== null && !firstRowOf.has(line.parentCode) && !stored.has(line.parentCode)) {
      problems.push(
        importProblem(
          line.row,
          col("parentCode"),
          "IMPORT.UNKNOWN_UNIT",
          `Không có đơn vị cấp trên mã “${line.parentCode}” (trong tệp hoặc đã lưu)`,
          `No parent unit has code “${line.parentCode}” (in the file or stored)`,
        ),
      );
      continue;
    }
    if (existing) {
      if ((existing.parentCode ?? null) !== line.parentCode) {
        problems.push(
          importProblem(
            line.row,
            col("parentCode"),
            "IMPORT.PARENT_CHANGE",
            `Đơn vị “${line.code}” đang thuộc “${existing.parentCode ?? "(gốc)"}”; nhập bảng tính không chuyển đơn vị sang cấp trên khác`,
            `Unit “${line.code}” belongs to “${existing.parentCode ?? "(root)"}”; an import does not move units`,
          ),
        );
        continue;
      }
      const same =
        existing.name === line.name &&
        existing.level === line.level &&
        existing.kind === line.kind &&
        (line.group === undefined || existing.unit_group === line.group);
      if (same) counts.units.unchanged++;
      else {
        counts.units.updated++;
        changed.push(line);
      }
    } else {
      counts.units.inserted++;
      fresh.set(line.code, line);
    }
  }

  // New units go in parent-first waves; a parent chain that loops back is refused.
  const depthOf = new Map<string, number>();
  for (const line of fresh.values()) {
    const chain: string[] = [];
    let cursor: UnitLine | undefined = line;
    let depth = 0;
    while (cursor && !depthOf.has(cursor.code)) {
      if (chain.includes(cursor.code)) {
        depth = Number.NaN;
        break;
      }
      chain.push(cursor.code);
      cursor = cursor.parentCode === null ? undefined : fresh.get(cursor.parentCode);
    }
    if (Number.isNaN(depth)) {
      problems.push(
        importProblem(
          line.row,
          col("parentCode"),
          "IMPORT.CYCLE",
          `Đơn vị cấp trên của “${line.code}” vòng lại chính nó`,
          `The parent chain of “${line.code}” loops back to it`,
        ),
      );
      depthOf.set(line.code, Number.NaN);
      continue;
    }
    depth = cursor ? (depthOf.get(cursor.code) ?? 0) + 1 : 0;
    for (const code of chain.reverse()) depthOf.set(code, depth++);
  }

  return {
    problems,
    counts,
    async write(trx, progress) {
      const total = fresh.size + changed.length;
      const pathOf = new Map<string, { id: string; path: string }>();
      for (const [code, unit] of stored) pathOf.set(code, { id: unit.id, path: unit.path });
      const waves = [...fresh.values()].sort((a, b) => (depthOf.get(a.code) ?? 0) - (depthOf.get(b.code) ?? 0));
      let done = 0;
      await inBatches(waves, 1000, async (batch) => {
        // A batch may hold a parent and its child: the parent's row comes first, and
        // ids are chosen here, so the child's path is known before either is written.
        const values = batch.map((line) => {
          const id = randomUUID();
          const parent = line.parentCode === null ? null : pathOf.get(line.parentCode);
          if (line.parentCode !== null && !parent) throw new Error(`planUnits: parent ${line.parentCode} not placed`);
          const path = `${parent?.path ?? ""}${id}/`;
          pathOf.set(line.code, { id, path });
          return {
            id,
            code: line.code,
            name: line.name,
            parent_id: parent?.id ?? null,
            path,
            level: line.level,
            kind: line.kind,
            unit_group: line.group ?? null,
          };
        });
        await trx.insertInto("units").values(values).execute();
        done += batch.length;
        progress(done, total);
      });
      for (const line of changed) {
        await trx
          .updateTable("units")
          .set((eb) => ({
            name: line.name,
            level: line.level,
            kind: line.kind,
            ...(line.group === undefined ? {} : { unit_group: line.group }),
            version: eb("version", "+", 1),
            updated_at: sql`now()`,
          }))
          .where("code", "=", line.code)
          .execute();
        progress(++done, total);
      }
    },
  };
}
