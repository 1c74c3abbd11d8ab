import { hasConflictOfInterest, type PanelReviewer } from "@lantoa/domain/round";
import type { DbExecutor } from "../executor.js";

/** The pool's members (enabled users with the reviewer role) as `r`, with their unit as `u`. */
function poolMembers(db: DbExecutor) {
  return db
    .selectFrom("users as r")
    .leftJoin("units as u", "u.id", "r.unit_id")
    .where("r.disabled_at", "is", null)
    .where("r.id", "in", (eb) => eb.selectFrom("role_assignments").select("user_id").where("role", "=", "reviewer"));
}

/**
 * The reviewer pool: every enabled user holding the reviewer role, with the path of
 * their own unit (conflicts are judged from it).
 *
 * @example
 * (await reviewerPool(db)).map((r) => r.userId)
 */
export async function reviewerPool(db: DbExecutor): Promise<PanelReviewer[]> {
  const rows = await poolMembers(db).select(["r.id", "u.path"]).orderBy("r.id").execute();
  return rows.map((r) => ({ userId: r.id, unitPath: r.path ?? null }));
}

/**
 * The members of the reviewer pool among `usernames` (a name that is unknown, disabled
 * or without the reviewer role is simply absent).
 *
 * @example
 * (await findPoolReviewers(db, ["giamkhao.1", "xem"])).map((r) => r.username) // ["giamkhao.1"]
 */
export async function findPoolReviewers(
  db: DbExecutor,
  usernames: readonly string[],
): Promise<Array<PanelReviewer & { username: string }>> {
  if (usernames.length === 0) return [];
  const rows = await poolMembers(db)
    .select(["r.id", "r.username", "u.path"])
    .where("r.username", "in", [...usernames])
    .execute();
  return rows.map((r) => ({ userId: r.id, username: r.username, unitPath: r.path ?? null }));
}

/** A reviewer of the pool as a choice for one model of a round. */
export interface ReviewerCandidate {
  username: string;
  displayName: string;
  unitName: string | null;
  /** Their unit owns the model or is above its owner. */
  conflicted: boolean;
  conflictDeclared: boolean;
  assigned: boolean;
  /** Models they review in the round, declared conflicts not counted. */
  load: number;
}

/**
 * The reviewer pool for one model of a round, least loaded first: who may take it and
 * who may not (conflict by the unit tree, declared conflict, already assigned).
 *
 * @example
 * (await reviewerCandidates(db, roundId, modelId, "/1/4/")).filter((c) => !c.conflicted && !c.assigned)
 */
export async function reviewerCandidates(
  db: DbExecutor,
  roundId: string,
  modelId: string,
  modelOwnerPath: string,
): Promise<ReviewerCandidate[]> {
  const rows = await poolMembers(db)
    .leftJoin("reviewer_assignments as mine", (join) =>
      join
        .onRef("mine.reviewer_user_id", "=", "r.id")
        .on("mine.round_id", "=", roundId)
        .on("mine.model_id", "=", modelId),
    )
    .select((eb) => [
      "r.username",
      "r.display_name",
      "u.name as unit_name",
      "u.path as unit_path",
      "mine.id as assignment_id",
      "mine.conflict_declared_at",
      eb
        .selectFrom("reviewer_assignments as a")
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .whereRef("a.reviewer_user_id", "=", "r.id")
        .where("a.round_id", "=", roundId)
        .where("a.conflict_declared_at", "is", null)
        .as("load"),
    ])
    .execute();
  return rows
    .map((r) => ({
      username: r.username,
      displayName: r.display_name,
      unitName: r.unit_name,
      conflicted: hasConflictOfInterest(r.unit_path, modelOwnerPath),
      conflictDeclared: r.conflict_declared_at !== null,
      assigned: r.assignment_id !== null,
      load: Number(r.load ?? 0),
    }))
    .sort((a, b) => a.load - b.load || a.displayName.localeCompare(b.displayName, "vi"));
}
