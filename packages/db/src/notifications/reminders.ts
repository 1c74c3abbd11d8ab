import { sql } from "kysely";
import type { DbExecutor } from "../executor.js";

/** A person with work still open in a round step whose due date is near. */
export interface ReminderCandidate {
  readonly userId: string;
  readonly roundId: string;
  readonly roundCode: string;
  readonly roundName: string;
  readonly step: "self-assessment" | "review";
  /** "YYYY-MM-DD". */
  readonly due: string;
  /** Scorecards (review) or models (self-assessment) not yet submitted. */
  readonly open: number;
}

/**
 * Who still has work open in a step due between `today` and `today + withinDays` (inclusive):
 * reviewers with assigned scorecards not submitted in a round under review, and the staff of
 * units whose eligible models have no submitted self-assessment in a round in self-assessment.
 */
export async function reminderCandidates(
  db: DbExecutor,
  today: string,
  withinDays: number,
): Promise<ReminderCandidate[]> {
  const review = await sql<ReminderCandidate>`
    SELECT ra.reviewer_user_id AS "userId", r.id AS "roundId", r.code AS "roundCode", r.name AS "roundName",
      'review' AS step, r.review_due AS due, count(*)::int AS open
    FROM rounds r
    JOIN reviewer_assignments ra ON ra.round_id = r.id
    LEFT JOIN scorecards s ON s.round_id = r.id AND s.model_id = ra.model_id AND s.kind = 'review'
      AND s.reviewer_user_id = ra.reviewer_user_id AND s.status = 'submitted'
    WHERE r.status = 'review' AND r.review_due IS NOT NULL
      AND r.review_due >= ${today}::date AND r.review_due <= ${today}::date + ${withinDays}::int
      AND s.id IS NULL AND ra.conflict_declared_at IS NULL
    GROUP BY ra.reviewer_user_id, r.id`.execute(db);
  const self = await sql<ReminderCandidate>`
    SELECT a.user_id AS "userId", r.id AS "roundId", r.code AS "roundCode", r.name AS "roundName",
      'self-assessment' AS step, r.self_assessment_due AS due, count(DISTINCT m.id)::int AS open
    FROM rounds r
    JOIN round_models rm ON rm.round_id = r.id AND rm.eligible
    JOIN models m ON m.id = rm.model_id
    JOIN role_assignments a ON a.unit_id = m.owner_unit_id AND a.role IN ('unit-admin', 'unit-officer')
    LEFT JOIN scorecards s ON s.round_id = r.id AND s.model_id = m.id AND s.kind = 'self' AND s.status = 'submitted'
    WHERE r.status = 'self-assessment' AND r.self_assessment_due IS NOT NULL
      AND r.self_assessment_due >= ${today}::date AND r.self_assessment_due <= ${today}::date + ${withinDays}::int
      AND s.id IS NULL
    GROUP BY a.user_id, r.id`.execute(db);
  return [...review.rows, ...self.rows].map((r) => ({ ...r, due: String(r.due).slice(0, 10) }));
}

/**
 * Claims reminders in the caller's transaction: returns those not sent before (the primary key
 * of `reminders_sent` keeps each once, whoever else claims it at the same time).
 */
export async function claimReminders(
  db: DbExecutor,
  reminders: ReadonlyArray<{ userId: string; roundId: string; step: string; offsetDays: number }>,
  at: Date,
): Promise<Array<{ userId: string; roundId: string; step: string; offsetDays: number }>> {
  if (reminders.length === 0) return [];
  const rows = await db
    .insertInto("reminders_sent")
    .values(
      reminders.map((r) => ({
        user_id: r.userId,
        round_id: r.roundId,
        step: r.step,
        offset_days: r.offsetDays,
        sent_at: at,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .returning(["user_id", "round_id", "step", "offset_days"])
    .execute();
  return rows.map((r) => ({ userId: r.user_id, roundId: r.round_id, step: r.step, offsetDays: r.offset_days }));
}

/** A scorecard past its round's review deadline, not submitted. */
export interface LateScorecard {
  readonly modelId: string;
  readonly modelCode: string;
  readonly modelName: string;
  readonly reviewerUserId: string;
  readonly reviewerName: string;
  readonly due: string;
}

/**
 * The round's assigned scorecards not submitted while its review deadline has passed
 * (`today` after it), by model code then reviewer.
 */
export async function lateScorecards(db: DbExecutor, roundId: string, today: string): Promise<LateScorecard[]> {
  const { rows } = await sql<LateScorecard>`
    SELECT m.id AS "modelId", m.code AS "modelCode", m.name AS "modelName",
      u.id AS "reviewerUserId", u.display_name AS "reviewerName", r.review_due AS due
    FROM rounds r
    JOIN reviewer_assignments ra ON ra.round_id = r.id
    JOIN models m ON m.id = ra.model_id
    JOIN users u ON u.id = ra.reviewer_user_id
    LEFT JOIN scorecards s ON s.round_id = r.id AND s.model_id = ra.model_id AND s.kind = 'review'
      AND s.reviewer_user_id = ra.reviewer_user_id AND s.status = 'submitted'
    WHERE r.id = ${roundId} AND r.review_due IS NOT NULL AND r.review_due < ${today}::date
      AND r.status IN ('review', 'self-assessment', 'draft', 'council')
      AND s.id IS NULL AND ra.conflict_declared_at IS NULL
    ORDER BY m.code, u.display_name`.execute(db);
  return rows.map((r) => ({ ...r, due: String(r.due).slice(0, 10) }));
}
