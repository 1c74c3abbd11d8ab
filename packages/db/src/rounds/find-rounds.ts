import type { DbExecutor } from "../executor.js";
import type { RoundStatus } from "./rounds.table.js";

/** A round as the API reads it: its row with the organizer's path and the pinned version. */
export interface RoundNodeRow {
  id: string;
  code: string;
  name: string;
  status: RoundStatus;
  period: string;
  reference_date: string;
  organizer_unit_id: string;
  organizer_path: string;
  criteria_version_number: number;
  criteria_set_code: string;
  settings: unknown;
  draw_seed: string | null;
  results_hash: string | null;
  finalized_at: Date | string | null;
  published_at: Date | string | null;
  self_assessment_due: string | null;
  review_due: string | null;
  council_due: string | null;
  version: number;
}

/**
 * Rounds by id, in the order asked (null where missing), with what access checks need.
 *
 * @example
 * const [round] = await findRoundsByIds(db, [id]); round?.organizer_path // "/1/4/"
 */
export async function findRoundsByIds(db: DbExecutor, ids: readonly string[]): Promise<(RoundNodeRow | null)[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("rounds as r")
    .innerJoin("units as u", "u.id", "r.organizer_unit_id")
    .innerJoin("criteria_set_versions as v", "v.id", "r.criteria_version_id")
    .innerJoin("criteria_sets as s", "s.id", "v.criteria_set_id")
    .select([
      "r.id",
      "r.code",
      "r.name",
      "r.status",
      "r.period",
      "r.reference_date",
      "r.organizer_unit_id",
      "u.path as organizer_path",
      "v.version_number as criteria_version_number",
      "s.code as criteria_set_code",
      "r.settings",
      "r.draw_seed",
      "r.results_hash",
      "r.finalized_at",
      "r.published_at",
      "r.self_assessment_due",
      "r.review_due",
      "r.council_due",
      "r.version",
    ])
    .where("r.id", "in", [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, { ...r, reference_date: String(r.reference_date).slice(0, 10) }]));
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * The round with this code (id, status, version), if any.
 *
 * @example
 * (await findRoundByCode(db, "TL-BINHXET-2022"))?.status // "published"
 */
export function findRoundByCode(
  db: DbExecutor,
  code: string,
): Promise<{ id: string; status: RoundStatus; version: number } | undefined> {
  return db.selectFrom("rounds").select(["id", "status", "version"]).where("code", "=", code).executeTakeFirst();
}

/**
 * A round's status and its organizer's path (what access to the round is judged by), if the round exists.
 *
 * @example
 * (await findRoundOrganizer(db, roundId))?.path // "/1/4/"
 */
export function findRoundOrganizer(
  db: DbExecutor,
  roundId: string,
): Promise<{ path: string; status: RoundStatus } | undefined> {
  return db
    .selectFrom("rounds as r")
    .innerJoin("units as u", "u.id", "r.organizer_unit_id")
    .select(["u.path", "r.status"])
    .where("r.id", "=", roundId)
    .executeTakeFirst();
}

/**
 * The ids of the rounds organized within the subtrees at `adminPaths` (every round
 * with `allRounds`), or where `reviewerUserId` reviews, newest first.
 *
 * @example
 * await listRoundIdsFor(db, { allRounds: false, adminPaths: ["/1/4/"], reviewerUserId: viewer.userId })
 */
export async function listRoundIdsFor(
  db: DbExecutor,
  who: { allRounds: boolean; adminPaths: readonly string[]; reviewerUserId: string },
): Promise<string[]> {
  const rows = await db
    .selectFrom("rounds as r")
    .innerJoin("units as u", "u.id", "r.organizer_unit_id")
    .select("r.id")
    .where((eb) =>
      eb.or([
        ...(who.allRounds ? [eb.lit(true)] : []),
        ...who.adminPaths.map((path) => eb("u.path", "like", `${path}%`)),
        eb(
          "r.id",
          "in",
          eb.selectFrom("reviewer_assignments").select("round_id").where("reviewer_user_id", "=", who.reviewerUserId),
        ),
      ]),
    )
    .orderBy("r.created_at", "desc")
    .execute();
  return rows.map((r) => r.id);
}

/** A round's scope: every model with its eligibility gates, by code. */
export function listRoundModels(db: DbExecutor, roundId: string) {
  return db
    .selectFrom("round_models as rm")
    .innerJoin("models as m", "m.id", "rm.model_id")
    .select(["rm.model_id", "m.code", "m.name", "rm.eligible", "rm.gate_outcomes"])
    .where("rm.round_id", "=", roundId)
    .orderBy("m.code")
    .execute();
}

/** Whether a model owned within one of the subtrees at `paths` takes part in the round. */
export async function roundHasModelWithin(db: DbExecutor, roundId: string, paths: readonly string[]): Promise<boolean> {
  if (paths.length === 0) return false;
  const row = await db
    .selectFrom("round_models as rm")
    .innerJoin("models as m", "m.id", "rm.model_id")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .select("rm.model_id")
    .where("rm.round_id", "=", roundId)
    .where((eb) => eb.or(paths.map((path) => eb("u.path", "like", `${path}%`))))
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/**
 * The self-assessments owed or filed for eligible models owned within the subtrees at
 * `paths`, in rounds past their draft: newest round first, then by model code, at most `limit`.
 *
 * @example
 * await listSelfAssessments(db, ["/1/4/9/"], 1000)
 */
export async function listSelfAssessments(db: DbExecutor, paths: readonly string[], limit: number) {
  if (paths.length === 0) return [];
  return db
    .selectFrom("round_models as rm")
    .innerJoin("rounds as r", "r.id", "rm.round_id")
    .innerJoin("models as m", "m.id", "rm.model_id")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .leftJoin("scorecards as s", (join) =>
      join.onRef("s.round_id", "=", "rm.round_id").onRef("s.model_id", "=", "rm.model_id").on("s.kind", "=", "self"),
    )
    .select([
      "rm.round_id",
      "rm.model_id",
      "m.code as model_code",
      "m.name as model_name",
      "u.name as unit_name",
      "s.status as scorecard_status",
    ])
    .where("rm.eligible", "=", true)
    .where("r.status", "!=", "draft")
    .where((eb) => eb.or(paths.map((path) => eb("u.path", "like", `${path}%`))))
    .orderBy("r.created_at", "desc")
    .orderBy("m.code")
    .limit(limit)
    .execute();
}
