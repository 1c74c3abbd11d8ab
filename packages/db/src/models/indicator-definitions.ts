import type { IndicatorDefinition } from "@lantoa/domain/outcome";
import type { Selectable } from "kysely";
import type { DbExecutor } from "../executor.js";
import type { IndicatorTable } from "./models.table.js";

/** The domain's definition of an indicator from its row. */
export function indicatorDefinitionFromRow(row: Selectable<IndicatorTable>): IndicatorDefinition {
  return {
    code: row.code,
    name: { vi: row.name_vi, en: row.name_en },
    unitCode: row.unit_code,
    aggregation:
      row.aggregation === "weighted-average"
        ? { kind: "weighted-average", weightIndicatorCode: row.weight_indicator_code ?? "" }
        : { kind: row.aggregation },
  };
}

/** The definitions of the indicators with these codes (unknown codes are left out). */
export async function findIndicatorDefinitions(
  db: DbExecutor,
  codes: readonly string[],
): Promise<IndicatorDefinition[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom("indicators")
    .selectAll()
    .where("code", "in", [...codes])
    .execute();
  return rows.map(indicatorDefinitionFromRow);
}
