import { type CriteriaSet, CriteriaSetSchema } from "@lantoa/domain/criteria";
import { type RoundSettings, RoundSettingsSchema } from "@lantoa/domain/round";
import type { Selectable } from "kysely";
import type { DbExecutor } from "../executor.js";
import type { RoundTable } from "./rounds.table.js";

/** A round with its organizer's path, parsed settings and pinned criteria set. */
export interface LoadedRound {
  readonly row: Selectable<RoundTable>;
  readonly organizerPath: string;
  readonly settings: RoundSettings;
  readonly set: CriteriaSet;
  readonly criteriaVersionNumber: number;
}

/**
 * Loads a round, optionally locking its row for the rest of the transaction (every
 * write to a round's parts takes this lock first, so a finalization cannot interleave).
 *
 * @example
 * const round = await loadRound(trx, id, { forUpdate: true }); round?.settings.reviewersPerModel // 2
 */
export async function loadRound(
  db: DbExecutor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedRound | null> {
  let query = db
    .selectFrom("rounds as r")
    .innerJoin("units as u", "u.id", "r.organizer_unit_id")
    .innerJoin("criteria_set_versions as v", "v.id", "r.criteria_version_id")
    .selectAll("r")
    .select(["u.path as organizer_path", "v.definition", "v.version_number"])
    .where("r.id", "=", id);
  if (options.forUpdate) query = query.forUpdate("r");
  const found = await query.executeTakeFirst();
  if (!found) return null;
  const { organizer_path, definition, version_number, ...row } = found;
  return {
    row: { ...row, reference_date: isoDate(row.reference_date) },
    organizerPath: organizer_path,
    settings: RoundSettingsSchema.parse(row.settings ?? {}),
    set: CriteriaSetSchema.parse(definition),
    criteriaVersionNumber: version_number,
  };
}

/** A `date` column as "YYYY-MM-DD", whether the driver gave a string or a Date. */
export function isoDate(value: unknown): string {
  if (value instanceof Date) {
    const local = new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
    return local.toISOString().slice(0, 10);
  }
  return String(value).slice(0, 10);
}

/** Whether the model is in the round's scope and eligible. */
export async function eligibleInRound(db: DbExecutor, roundId: string, modelId: string): Promise<boolean> {
  const row = await db
    .selectFrom("round_models")
    .select("eligible")
    .where("round_id", "=", roundId)
    .where("model_id", "=", modelId)
    .executeTakeFirst();
  return row?.eligible === true;
}
