import type { Insertable, Selectable } from "kysely";
import type { DbExecutor, DbTransaction } from "../executor.js";
import type { CorrectiveActionTable, InspectionFindingTable, InspectionTable } from "../registers/registers.table.js";
import type { InspectionRow } from "./list-inspections.js";

/** Inserts a planned inspection. */
export async function insertInspection(db: DbExecutor, values: Insertable<InspectionTable>): Promise<void> {
  await db.insertInto("inspections").values(values).execute();
}

/** An inspection with its unit's path, locked for the rest of the transaction (undefined when there is none). */
export async function lockInspection(trx: DbTransaction, id: string): Promise<InspectionRow | undefined> {
  return trx
    .selectFrom("inspections as i")
    .innerJoin("units as u", "u.id", "i.unit_id")
    .selectAll("i")
    .select("u.path as unit_path")
    .where("i.id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

/** Inserts a finding of an inspection. */
export async function insertFinding(db: DbExecutor, values: Insertable<InspectionFindingTable>): Promise<void> {
  await db.insertInto("inspection_findings").values(values).execute();
}

/** A finding with what the domain needs of its inspection to judge a plan around it. */
export interface FindingWithInspection {
  readonly id: string;
  readonly severity: InspectionFindingTable["severity"];
  readonly description: string;
  readonly recorded_on: string | null;
  readonly inspection_id: string;
  readonly unit_id: string;
  readonly inspecting_unit_id: string;
  readonly period: string;
  readonly planned_on: string;
}

/** A finding and its inspection (undefined when there is no such finding). */
export async function findFindingWithInspection(
  db: DbExecutor,
  findingId: string,
): Promise<FindingWithInspection | undefined> {
  return db
    .selectFrom("inspection_findings as f")
    .innerJoin("inspections as i", "i.id", "f.inspection_id")
    .select([
      "f.id",
      "f.severity",
      "f.description",
      "f.recorded_on",
      "i.id as inspection_id",
      "i.unit_id",
      "i.inspecting_unit_id",
      "i.period",
      "i.planned_on",
    ])
    .where("f.id", "=", findingId)
    .executeTakeFirst();
}

/** Inserts a corrective action of a finding. */
export async function insertCorrectiveAction(db: DbExecutor, values: Insertable<CorrectiveActionTable>): Promise<void> {
  await db.insertInto("corrective_actions").values(values).execute();
}

/** A corrective action, locked for the rest of the transaction (undefined when there is none). */
export async function lockCorrectiveAction(
  trx: DbTransaction,
  id: string,
): Promise<Selectable<CorrectiveActionTable> | undefined> {
  return trx.selectFrom("corrective_actions").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}
