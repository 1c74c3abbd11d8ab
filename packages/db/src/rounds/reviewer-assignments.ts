import { hasConflictOfInterest, type PanelModel } from "@lantoa/domain/round";
import type { DbExecutor, DbTransaction } from "../executor.js";
import type { ReviewerAssignmentTable } from "./rounds.table.js";

/** How an assignment came about: by hand, in bulk, by the draw, or drawn on a disagreement. */
export type AssignmentSource = ReviewerAssignmentTable["source"];

/**
 * The panel inputs of a round: its eligible models with their owner's path, current
 * assignments (only those of `sources`, all by default; declared conflicts never count
 * as assigned) and declared conflicts.
 *
 * @example
 * await listPanelModels(db, roundId, { sources: ["manual", "bulk"] }) // what a replay of the draw starts from
 */
export async function listPanelModels(
  db: DbExecutor,
  roundId: string,
  options: { sources?: readonly AssignmentSource[] } = {},
): Promise<Required<PanelModel>[]> {
  const models = await db
    .selectFrom("round_models as rm")
    .innerJoin("models as m", "m.id", "rm.model_id")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .select(["rm.model_id", "u.path"])
    .where("rm.round_id", "=", roundId)
    .where("rm.eligible", "=", true)
    .execute();
  const assignments = await db
    .selectFrom("reviewer_assignments")
    .select(["model_id", "reviewer_user_id", "source", "conflict_declared_at"])
    .where("round_id", "=", roundId)
    .execute();
  const counts = (source: AssignmentSource) => options.sources?.includes(source) ?? true;
  return models.map((m) => {
    const mine = assignments.filter((a) => a.model_id === m.model_id);
    return {
      modelId: m.model_id,
      ownerPath: m.path,
      assigned: mine.filter((a) => a.conflict_declared_at === null && counts(a.source)).map((a) => a.reviewer_user_id),
      declaredConflicts: mine.filter((a) => a.conflict_declared_at !== null).map((a) => a.reviewer_user_id),
    };
  });
}

/** A reviewer assigned to a model of a round. */
export interface NewAssignment {
  readonly roundId: string;
  readonly modelId: string;
  readonly reviewerUserId: string;
  readonly source: AssignmentSource;
}

/**
 * Stores assignments, a thousand rows per statement (a drawn panel of a large round
 * holds tens of thousands).
 *
 * @example
 * await insertReviewerAssignments(trx, [{ roundId, modelId, reviewerUserId, source: "manual" }])
 */
export async function insertReviewerAssignments(
  trx: DbTransaction,
  assignments: readonly NewAssignment[],
): Promise<void> {
  const rows = assignments.map((a) => ({
    round_id: a.roundId,
    model_id: a.modelId,
    reviewer_user_id: a.reviewerUserId,
    source: a.source,
  }));
  for (let i = 0; i < rows.length; i += 1000)
    await trx
      .insertInto("reviewer_assignments")
      .values(rows.slice(i, i + 1000))
      .execute();
}

/** The assignments the panel draw made in a round (model, reviewer). */
export function listDrawnAssignments(
  db: DbExecutor,
  roundId: string,
): Promise<Array<{ model_id: string; reviewer_user_id: string }>> {
  return db
    .selectFrom("reviewer_assignments")
    .select(["model_id", "reviewer_user_id"])
    .where("round_id", "=", roundId)
    .where("source", "=", "draw")
    .execute();
}

/** One model's assignments in a round, each with its scorecard's status (null while none is saved). */
export function listModelAssignments(db: DbExecutor, roundId: string, modelId: string) {
  return db
    .selectFrom("reviewer_assignments as a")
    .leftJoin("scorecards as s", (join) =>
      join
        .onRef("s.round_id", "=", "a.round_id")
        .onRef("s.model_id", "=", "a.model_id")
        .onRef("s.reviewer_user_id", "=", "a.reviewer_user_id"),
    )
    .select(["a.reviewer_user_id", "a.source", "a.conflict_declared_at", "s.status"])
    .where("a.round_id", "=", roundId)
    .where("a.model_id", "=", modelId)
    .execute();
}

/**
 * Records a reviewer's declared conflict on their assignment; false when they hold no
 * such assignment, or declared already.
 *
 * @example
 * await markConflictDeclared(trx, { roundId, modelId, reviewerUserId, reason: "…", at }) // true
 */
export async function markConflictDeclared(
  trx: DbTransaction,
  declaration: { roundId: string; modelId: string; reviewerUserId: string; reason: string; at: string },
): Promise<boolean> {
  const updated = await trx
    .updateTable("reviewer_assignments")
    .set({ conflict_declared_at: declaration.at, conflict_reason: declaration.reason })
    .where("round_id", "=", declaration.roundId)
    .where("model_id", "=", declaration.modelId)
    .where("reviewer_user_id", "=", declaration.reviewerUserId)
    .where("conflict_declared_at", "is", null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/**
 * Whether a reviewer may read or write a model's review scorecard in a round: assigned,
 * no declared conflict, and the model not owned by their unit or a unit below it.
 *
 * @example
 * await mayReview(trx, roundId, modelId, userId) // false for a conflicted reviewer
 */
export async function mayReview(
  db: DbExecutor,
  roundId: string,
  modelId: string,
  reviewerUserId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("reviewer_assignments as a")
    .innerJoin("models as m", "m.id", "a.model_id")
    .innerJoin("units as owner", "owner.id", "m.owner_unit_id")
    .innerJoin("users as r", "r.id", "a.reviewer_user_id")
    .leftJoin("units as ru", "ru.id", "r.unit_id")
    .select(["a.conflict_declared_at", "owner.path as owner_path", "ru.path as reviewer_path"])
    .where("a.round_id", "=", roundId)
    .where("a.model_id", "=", modelId)
    .where("a.reviewer_user_id", "=", reviewerUserId)
    .executeTakeFirst();
  return !!row && row.conflict_declared_at === null && !hasConflictOfInterest(row.reviewer_path, row.owner_path);
}

/** An assignment as a round lists it: model and its owner unit, reviewer, source, declared conflict and scorecard status. */
export interface RoundAssignmentRow {
  model_id: string;
  model_code: string;
  model_name: string;
  unit_name: string;
  username: string;
  display_name: string;
  source: AssignmentSource;
  conflict_declared_at: Date | string | null;
  conflict_reason: string | null;
  scorecard_status: "draft" | "submitted" | null;
}

/**
 * A round's assignments by model code and username: all of them, or one reviewer's.
 *
 * @example
 * await listRoundAssignments(db, roundId, { reviewerUserId: viewer.userId })
 */
export function listRoundAssignments(
  db: DbExecutor,
  roundId: string,
  only: { reviewerUserId?: string } = {},
): Promise<RoundAssignmentRow[]> {
  return db
    .selectFrom("reviewer_assignments as a")
    .innerJoin("models as m", "m.id", "a.model_id")
    .innerJoin("units as owner", "owner.id", "m.owner_unit_id")
    .innerJoin("users as u", "u.id", "a.reviewer_user_id")
    .leftJoin("scorecards as s", (join) =>
      join
        .onRef("s.round_id", "=", "a.round_id")
        .onRef("s.model_id", "=", "a.model_id")
        .onRef("s.reviewer_user_id", "=", "a.reviewer_user_id"),
    )
    .select([
      "a.model_id",
      "m.code as model_code",
      "m.name as model_name",
      "owner.name as unit_name",
      "u.username",
      "u.display_name",
      "a.source",
      "a.conflict_declared_at",
      "a.conflict_reason",
      "s.status as scorecard_status",
    ])
    .where("a.round_id", "=", roundId)
    .$if(only.reviewerUserId !== undefined, (q) => q.where("a.reviewer_user_id", "=", only.reviewerUserId ?? ""))
    .orderBy("m.code")
    .orderBy("u.username")
    .execute();
}

/** Whether the user is assigned to review anything in the round. */
export async function isReviewerInRound(db: DbExecutor, roundId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("reviewer_assignments")
    .select("id")
    .where("round_id", "=", roundId)
    .where("reviewer_user_id", "=", userId)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/** One assignment about to be removed: its reviewer and whether a scorecard of theirs exists for the model. */
export interface AssignmentToRemove {
  readonly reviewerUserId: string;
  readonly scorecardStatus: "draft" | "submitted" | null;
  readonly source: AssignmentSource;
}

/**
 * A reviewer's assignment to a model of a round, by username, with the status of the
 * reviewer's scorecard for it (null while none is saved); undefined when not assigned.
 *
 * @example
 * await findAssignment(trx, roundId, modelId, "giamkhao.1") // { reviewerUserId, scorecardStatus: null, source: "draw" }
 */
export async function findAssignment(
  db: DbExecutor,
  roundId: string,
  modelId: string,
  username: string,
): Promise<AssignmentToRemove | undefined> {
  const row = await db
    .selectFrom("reviewer_assignments as a")
    .innerJoin("users as u", "u.id", "a.reviewer_user_id")
    .leftJoin("scorecards as s", (join) =>
      join
        .onRef("s.round_id", "=", "a.round_id")
        .onRef("s.model_id", "=", "a.model_id")
        .onRef("s.reviewer_user_id", "=", "a.reviewer_user_id"),
    )
    .select(["a.reviewer_user_id", "a.source", "s.status"])
    .where("a.round_id", "=", roundId)
    .where("a.model_id", "=", modelId)
    .where("u.username", "=", username)
    .executeTakeFirst();
  return row
    ? { reviewerUserId: row.reviewer_user_id, scorecardStatus: row.status ?? null, source: row.source }
    : undefined;
}

/**
 * Removes a reviewer's assignment to a model of a round; false when there was none.
 *
 * @example
 * await deleteReviewerAssignment(trx, { roundId, modelId, reviewerUserId })
 */
export async function deleteReviewerAssignment(
  trx: DbTransaction,
  pair: { roundId: string; modelId: string; reviewerUserId: string },
): Promise<boolean> {
  const deleted = await trx
    .deleteFrom("reviewer_assignments")
    .where("round_id", "=", pair.roundId)
    .where("model_id", "=", pair.modelId)
    .where("reviewer_user_id", "=", pair.reviewerUserId)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}

/**
 * The models of a round by code, each with whether it is eligible, its owner's path, who
 * is assigned to it (declared conflicts not counted) and who declared a conflict.
 *
 * @example
 * (await listRoundModelsByCode(db, roundId)).get("tl-2018-hugao") // keys are lower-cased codes
 */
export async function listRoundModelsByCode(
  db: DbExecutor,
  roundId: string,
): Promise<
  Map<
    string,
    { modelId: string; code: string; eligible: boolean; ownerPath: string; assigned: string[]; declared: string[] }
  >
> {
  const models = await db
    .selectFrom("round_models as rm")
    .innerJoin("models as m", "m.id", "rm.model_id")
    .select(["rm.model_id", "m.code", "rm.eligible", "m.owner_path"])
    .where("rm.round_id", "=", roundId)
    .execute();
  const assignments = await db
    .selectFrom("reviewer_assignments")
    .select(["model_id", "reviewer_user_id", "conflict_declared_at"])
    .where("round_id", "=", roundId)
    .execute();
  return new Map(
    models.map((m) => {
      const mine = assignments.filter((a) => a.model_id === m.model_id);
      return [
        m.code.toLowerCase(),
        {
          modelId: m.model_id,
          code: m.code,
          eligible: m.eligible,
          ownerPath: m.owner_path,
          assigned: mine.filter((a) => a.conflict_declared_at === null).map((a) => a.reviewer_user_id),
          declared: mine.filter((a) => a.conflict_declared_at !== null).map((a) => a.reviewer_user_id),
        },
      ];
    }),
  );
}
