import { sql } from "kysely";
import type { DbExecutor } from "../executor.js";
import type { SessionUser } from "../users/sessions.js";

/** What waits for someone: the kinds of the "Việc cần làm" page. */
export type TaskKind =
  | "model-returned"
  | "self-assessment-due"
  | "scorecard-due"
  | "approval-waiting"
  | "scorecard-late"
  | "corrective-action-overdue";

/** One thing to do, with what its page needs to name it and link to it. */
export interface TaskRow {
  readonly kind: TaskKind;
  /** The model concerned (every kind has one: the corrective action's is its finding's, when it names one). */
  readonly model_id: string | null;
  readonly model_code: string | null;
  readonly model_name: string | null;
  readonly unit_name: string;
  readonly round_id: string | null;
  readonly round_name: string | null;
  /** The corrective action, for `corrective-action-overdue`. */
  readonly action_id: string | null;
  /** What a corrective action asks for; the reviewer's name on a late scorecard. */
  readonly description: string | null;
  /** The day it is due by, where one is known. */
  readonly due_on: string | null;
}

/** Who asks: their id and role assignments (a session's `SessionUser` is one). */
export type TaskViewer = Pick<SessionUser, "userId" | "assignments">;

/** Every kind's first `limit` tasks (oldest first) and how many there are in all. */
export interface TaskGroup {
  readonly kind: TaskKind;
  readonly total: number;
  readonly items: readonly TaskRow[];
}

function within(column: string, paths: readonly string[]) {
  // `LIKE ANY` of the subtrees: false for an empty list (the viewer holds no such role).
  return sql<boolean>`${sql.ref(column)} LIKE ANY (${sql.val(paths.map((p) => `${p}%`))}::text[])`;
}

/**
 * Review assignments still owed: no declared conflict, the model eligible in the round, and no
 * review submitted by that reviewer (a draft is still owed), with the round, model and unit joined.
 */
function openReviews(db: DbExecutor) {
  return db
    .selectFrom("reviewer_assignments as ra")
    .innerJoin("rounds as r", "r.id", "ra.round_id")
    .innerJoin("round_models as rm", (j) =>
      j.onRef("rm.round_id", "=", "ra.round_id").onRef("rm.model_id", "=", "ra.model_id"),
    )
    .innerJoin("models as m", "m.id", "ra.model_id")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .where("ra.conflict_declared_at", "is", null)
    .where("rm.eligible", "=", true)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("scorecards as s")
            .select("s.id")
            .whereRef("s.round_id", "=", "ra.round_id")
            .whereRef("s.model_id", "=", "ra.model_id")
            .where("s.kind", "=", "review")
            .whereRef("s.reviewer_user_id", "=", "ra.reviewer_user_id")
            .where("s.status", "=", "submitted"),
        ),
      ),
    );
}

/**
 * The viewer's to-do list, per kind: models of their units returned for changes and
 * self-assessments not yet submitted in rounds at that step (unit staff); scorecards
 * assigned to them and not submitted in rounds under review (reviewers); models submitted
 * by units below theirs waiting for approval, scorecards past the review deadline of
 * rounds their units organize (each with its reviewer's name as `description`) and
 * corrective actions past their due day without completion, of inspections their units
 * made or underwent (unit admins; a
 * system admin sees every one). One statement per kind; `today` is the caller's clock.
 */
export async function listTasks(
  db: DbExecutor,
  viewer: TaskViewer,
  options: { readonly today: string; readonly limit: number },
): Promise<TaskGroup[]> {
  const { today, limit } = options;
  const systemAdmin = viewer.assignments.some((a) => a.role === "system-admin");
  const pathsOf = (roles: readonly string[]) =>
    systemAdmin ? [""] : viewer.assignments.flatMap((a) => (roles.includes(a.role) && a.unitPath ? [a.unitPath] : []));
  // Unit staff (admins and officers) do their models' work; unit admins approve and follow up.
  const staff = pathsOf(["unit-admin", "unit-officer"]);
  const admin = pathsOf(["unit-admin"]);
  const total = sql<string>`count(*) over ()`.as("total");

  const returned = db
    .selectFrom("models as m")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .select([
      "m.id as model_id",
      "m.code as model_code",
      "m.name as model_name",
      "u.name as unit_name",
      sql<null>`null`.as("round_id"),
      sql<null>`null`.as("round_name"),
      sql<null>`null`.as("action_id"),
      sql<null>`null`.as("description"),
      sql<null>`null`.as("due_on"),
      total,
    ])
    .where("m.status", "=", "returned")
    .where(within("m.owner_path", staff))
    .orderBy("m.updated_at")
    .orderBy("m.code")
    .limit(limit)
    .execute();

  const selfAssessments = db
    .selectFrom("round_models as rm")
    .innerJoin("rounds as r", "r.id", "rm.round_id")
    .innerJoin("models as m", "m.id", "rm.model_id")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .select([
      "m.id as model_id",
      "m.code as model_code",
      "m.name as model_name",
      "u.name as unit_name",
      "r.id as round_id",
      "r.name as round_name",
      sql<null>`null`.as("action_id"),
      sql<null>`null`.as("description"),
      sql<string | null>`to_char(r.self_assessment_due, 'YYYY-MM-DD')`.as("due_on"),
      total,
    ])
    .where("rm.eligible", "=", true)
    .where("r.status", "=", "self-assessment")
    .where(within("m.owner_path", staff))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("scorecards as s")
            .select("s.id")
            .whereRef("s.round_id", "=", "rm.round_id")
            .whereRef("s.model_id", "=", "rm.model_id")
            .where("s.kind", "=", "self")
            .where("s.status", "=", "submitted"),
        ),
      ),
    )
    .orderBy(sql`r.self_assessment_due nulls last`)
    .orderBy("r.created_at")
    .orderBy("m.code")
    .limit(limit)
    .execute();

  const scorecards = openReviews(db)
    .select([
      "m.id as model_id",
      "m.code as model_code",
      "m.name as model_name",
      "u.name as unit_name",
      "r.id as round_id",
      "r.name as round_name",
      sql<null>`null`.as("action_id"),
      sql<null>`null`.as("description"),
      sql<string | null>`to_char(r.review_due, 'YYYY-MM-DD')`.as("due_on"),
      total,
    ])
    .where("ra.reviewer_user_id", "=", viewer.userId)
    .where("r.status", "=", "review")
    .orderBy(sql`r.review_due nulls last`)
    .orderBy("r.created_at")
    .orderBy("m.code")
    .limit(limit)
    .execute();

  // Approval is for an admin of a unit strictly above the owner (the domain's model lifecycle).
  const approvals = db
    .selectFrom("models as m")
    .innerJoin("units as u", "u.id", "m.owner_unit_id")
    .select([
      "m.id as model_id",
      "m.code as model_code",
      "m.name as model_name",
      "u.name as unit_name",
      sql<null>`null`.as("round_id"),
      sql<null>`null`.as("round_name"),
      sql<null>`null`.as("action_id"),
      sql<null>`null`.as("description"),
      sql<null>`null`.as("due_on"),
      total,
    ])
    .where("m.status", "=", "submitted")
    .where(
      systemAdmin
        ? sql<boolean>`true`
        : sql<boolean>`${within("m.owner_path", admin)} AND m.owner_path <> ALL (${sql.val(admin)}::text[])`,
    )
    .orderBy("m.updated_at")
    .orderBy("m.code")
    .limit(limit)
    .execute();

  // Scorecards past the round's review deadline, for the admins of the organizing unit (or above).
  const late = openReviews(db)
    .innerJoin("units as o", "o.id", "r.organizer_unit_id")
    .innerJoin("users as reviewer", "reviewer.id", "ra.reviewer_user_id")
    .select([
      "m.id as model_id",
      "m.code as model_code",
      "m.name as model_name",
      "u.name as unit_name",
      "r.id as round_id",
      "r.name as round_name",
      sql<null>`null`.as("action_id"),
      "reviewer.display_name as description",
      sql<string | null>`to_char(r.review_due, 'YYYY-MM-DD')`.as("due_on"),
      total,
    ])
    .where("r.status", "=", "review")
    .where("r.review_due", "<", today)
    .where(within("o.path", admin))
    .orderBy("r.review_due")
    .orderBy("m.code")
    .orderBy("reviewer.display_name")
    .limit(limit)
    .execute();

  // The inspected unit's staff do the work; the inspecting unit's admins follow it up.
  const overdue = db
    .selectFrom("corrective_actions as a")
    .innerJoin("inspection_findings as f", "f.id", "a.finding_id")
    .innerJoin("inspections as i", "i.id", "f.inspection_id")
    .innerJoin("units as u", "u.id", "i.unit_id")
    .innerJoin("units as iu", "iu.id", "i.inspecting_unit_id")
    .leftJoin("models as m", "m.id", "f.model_id")
    .select([
      "m.id as model_id",
      "m.code as model_code",
      "m.name as model_name",
      "u.name as unit_name",
      sql<null>`null`.as("round_id"),
      sql<null>`null`.as("round_name"),
      "a.id as action_id",
      "a.description as description",
      sql<string>`to_char(a.due_on, 'YYYY-MM-DD')`.as("due_on"),
      total,
    ])
    .where("a.completed_on", "is", null)
    .where("a.verified_on", "is", null)
    .where("a.due_on", "<", today)
    .where((eb) => eb.or([within("u.path", staff), within("iu.path", admin)]))
    .orderBy("a.due_on")
    .orderBy("a.id")
    .limit(limit)
    .execute();

  const groups: Array<[TaskKind, Promise<Array<Omit<TaskRow, "kind"> & { total: string }>>]> = [
    ["model-returned", returned],
    ["self-assessment-due", selfAssessments],
    ["scorecard-due", scorecards],
    ["approval-waiting", approvals],
    ["scorecard-late", late],
    ["corrective-action-overdue", overdue],
  ];
  const read = await Promise.all(groups.map(([, rows]) => rows));
  return groups.map(([kind], i) => {
    const rows = read[i] ?? [];
    return {
      kind,
      total: Number(rows[0]?.total ?? 0),
      items: rows.map(({ total: _total, ...row }) => ({ kind, ...row })),
    };
  });
}
