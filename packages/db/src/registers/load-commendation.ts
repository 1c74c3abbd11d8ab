import type { Commendation } from "@lantoa/domain/register";
import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database } from "../database.js";
import { commendationFromRow } from "./commendation-from-row.js";
import type { CommendationSuspensionTable, CommendationTable } from "./registers.table.js";

/** A commendation as the domain sees it, the version to save against, and the unit path it belongs to. */
export interface LoadedCommendation {
  readonly commendation: Commendation;
  readonly version: number;
  readonly row: Selectable<CommendationTable>;
  /** The path of the recipient model's owner unit, or of the recipient unit; null for a person without a unit. */
  readonly unitPath: string | null;
}

/**
 * Loads one commendation with its suspensions (the "load" of load → decide → save);
 * `null` when there is none. Pass a transaction and `forUpdate` to lock the row.
 *
 * @example const loaded = await loadCommendation(trx, id, { forUpdate: true });
 */
export async function loadCommendation(
  db: Kysely<Database> | Transaction<Database>,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedCommendation | null> {
  let query = db.selectFrom("commendations").selectAll().where("id", "=", id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return null;
  const [suspensions, unitPath] = await Promise.all([
    db.selectFrom("commendation_suspensions").selectAll().where("commendation_id", "=", id).execute(),
    commendationUnitPath(db, row),
  ]);
  return { commendation: commendationFromRow(row, suspensions), version: row.version, row, unitPath };
}

async function commendationUnitPath(
  db: Kysely<Database> | Transaction<Database>,
  row: Selectable<CommendationTable>,
): Promise<string | null> {
  if (row.recipient_model_id !== null) {
    const owner = await db
      .selectFrom("models as m")
      .innerJoin("units as u", "u.id", "m.owner_unit_id")
      .select("u.path")
      .where("m.id", "=", row.recipient_model_id)
      .executeTakeFirst();
    return owner?.path ?? null;
  }
  if (row.recipient_unit_id === null) return null;
  const unit = await db.selectFrom("units").select("path").where("id", "=", row.recipient_unit_id).executeTakeFirst();
  return unit?.path ?? null;
}

/** Suspensions of many commendations, grouped in the order asked (a DataLoader batch). */
export async function suspensionsOfCommendations(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Selectable<CommendationSuspensionTable>[][]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("commendation_suspensions")
    .selectAll()
    .where("commendation_id", "in", ids)
    .orderBy("suspended_from")
    .execute();
  return ids.map((id) => rows.filter((r) => r.commendation_id === id));
}
