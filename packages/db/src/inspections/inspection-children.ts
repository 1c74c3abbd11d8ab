import type { Kysely, Selectable } from "kysely";
import type { Database } from "../database.js";
import type { CorrectiveActionTable, InspectionFindingTable } from "../registers/registers.table.js";

/** Findings of many inspections, grouped in the order asked (a DataLoader batch). */
export async function findingsOfInspections(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Selectable<InspectionFindingTable>[][]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("inspection_findings")
    .selectAll()
    .where("inspection_id", "in", ids)
    .orderBy("recorded_on")
    .orderBy("id")
    .execute();
  return ids.map((id) => rows.filter((r) => r.inspection_id === id));
}

/** Corrective actions of many findings, grouped in the order asked (a DataLoader batch). */
export async function correctiveActionsOfFindings(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Selectable<CorrectiveActionTable>[][]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("corrective_actions")
    .selectAll()
    .where("finding_id", "in", ids)
    .orderBy("due_on")
    .orderBy("id")
    .execute();
  return ids.map((id) => rows.filter((r) => r.finding_id === id));
}
