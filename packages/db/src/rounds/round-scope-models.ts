import { sql } from "kysely";
import type { DbExecutor } from "../executor.js";
import type { ModelStatus } from "../models/models.table.js";

/** Which models a round takes in: owned inside a subtree, optionally narrowed. */
export interface RoundModelFilter {
  /** The subtree's root path (every model owned at or below it). */
  readonly withinPath: string;
  readonly statuses: readonly ModelStatus[];
  /** The owner unit's level code. */
  readonly level?: string;
  /** A field code among the model's fields. */
  readonly field?: string;
  /** Nominated models, by code, matched without regard to case (an empty list takes none). */
  readonly modelCodes?: readonly string[];
  /** Started on or before this day. */
  readonly startedBy?: string;
}

/**
 * The ids of the models a round's scope takes in, by code.
 *
 * @example
 * await listModelsInRoundScope(trx, { withinPath: "/1/4/", statuses: ["active"], startedBy: "2022-06-30" })
 */
export async function listModelsInRoundScope(db: DbExecutor, filter: RoundModelFilter): Promise<string[]> {
  let query = db
    .selectFrom("models as m")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .select("m.id")
    .where("u.path", "like", `${filter.withinPath}%`)
    .where("m.status", "in", [...filter.statuses]);
  const { level, field, modelCodes, startedBy } = filter;
  if (level) query = query.where("u.level", "=", level);
  if (field) query = query.where((eb) => eb(eb.val(field), "=", eb.fn.any("m.fields")));
  if (modelCodes) {
    const lowered = modelCodes.length ? [...new Set(modelCodes.map((c) => c.toLowerCase()))] : [""];
    query = query.where(sql<string>`lower(m.code)`, "in", lowered);
  }
  if (startedBy) query = query.where("m.start_date", "<=", startedBy);
  return (await query.orderBy("m.code").execute()).map((m) => m.id);
}

/** A model found for a nominated code: what decides whether a round's scope may take it. */
export interface NominatedModel {
  readonly id: string;
  readonly code: string;
  readonly status: ModelStatus;
  /** The owner unit's materialized path. */
  readonly ownerPath: string;
}

/**
 * The models whose code matches one of `codes` without regard to case, with their status
 * and owner's path: what a round's creation tells about the nominated codes it left out.
 *
 * @example
 * await findNominatedModels(trx, ["hpn-2024-ux01", "TL-GEN-0182"])
 */
export async function findNominatedModels(db: DbExecutor, codes: readonly string[]): Promise<NominatedModel[]> {
  if (codes.length === 0) return [];
  const lowered = [...new Set(codes.map((c) => c.toLowerCase()))];
  const rows = await db
    .selectFrom("models as m")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .select(["m.id", "m.code", "m.status", "u.path"])
    .where(sql<string>`lower(m.code)`, "in", lowered)
    .orderBy("m.code")
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, status: r.status, ownerPath: r.path }));
}
