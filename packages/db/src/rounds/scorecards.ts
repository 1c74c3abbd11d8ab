import type { DbExecutor, DbTransaction } from "../executor.js";
import type { ScorecardTable } from "./rounds.table.js";

/** Whose scorecard: the unit's self-assessment (`reviewerUserId` null) or one reviewer's, of a model in a round. */
export interface ScorecardKey {
  readonly roundId: string;
  readonly modelId: string;
  readonly kind: ScorecardTable["kind"];
  readonly reviewerUserId: string | null;
}

/**
 * The scorecard saved under `key` (id, status, version), if any.
 *
 * @example
 * (await findScorecard(trx, { roundId, modelId, kind: "self", reviewerUserId: null }))?.status // "draft"
 */
export function findScorecard(
  db: DbExecutor,
  key: ScorecardKey,
): Promise<{ id: string; status: ScorecardTable["status"]; version: number } | undefined> {
  return db
    .selectFrom("scorecards")
    .select(["id", "status", "version"])
    .where("round_id", "=", key.roundId)
    .where("model_id", "=", key.modelId)
    .where("kind", "=", key.kind)
    .where((eb) =>
      key.reviewerUserId === null
        ? eb("reviewer_user_id", "is", null)
        : eb("reviewer_user_id", "=", key.reviewerUserId),
    )
    .executeTakeFirst();
}

/** What a scorecard holds: ratings and comments by criterion id, and whether it is submitted. */
export interface ScorecardContent {
  readonly ratings: Readonly<Record<string, number>>;
  readonly comments: Readonly<Record<string, string>>;
  readonly status: ScorecardTable["status"];
  /** When submitted (null for a draft). */
  readonly submittedAt: string | null;
  readonly updatedAt: string;
}

/** A scorecard's content as its columns. */
export function scorecardColumns(content: ScorecardContent) {
  return {
    ratings: JSON.stringify(content.ratings),
    comments: JSON.stringify(content.comments),
    status: content.status,
    submitted_at: content.submittedAt,
    updated_at: content.updatedAt,
  };
}

/**
 * Stores a first scorecard under `key` at version 1 (later saves go through
 * `updateVersioned(trx, "scorecards", …)` with `scorecardColumns`).
 *
 * @example
 * await insertScorecard(trx, id, { roundId, modelId, kind: "review", reviewerUserId }, content) // { version: 1 }
 */
export async function insertScorecard(
  trx: DbTransaction,
  id: string,
  key: ScorecardKey,
  content: ScorecardContent,
): Promise<{ version: number }> {
  return trx
    .insertInto("scorecards")
    .values({
      id,
      round_id: key.roundId,
      model_id: key.modelId,
      kind: key.kind,
      reviewer_user_id: key.reviewerUserId,
      ...scorecardColumns(content),
    })
    .returning("version")
    .executeTakeFirstOrThrow();
}

/** A scorecard as a reader sees it, with the reviewer's display name. */
export interface ScorecardRow {
  id: string;
  kind: ScorecardTable["kind"];
  reviewer_user_id: string | null;
  display_name: string | null;
  ratings: unknown;
  comments: unknown;
  status: ScorecardTable["status"];
  submitted_at: Date | string | null;
  updated_at: Date | string;
  version: number;
}

/** Every scorecard of one model in a round: the self-assessment first, then reviewers by name. */
export function listScorecardsOfModel(db: DbExecutor, roundId: string, modelId: string): Promise<ScorecardRow[]> {
  return db
    .selectFrom("scorecards as s")
    .leftJoin("users as u", "u.id", "s.reviewer_user_id")
    .select([
      "s.id",
      "s.kind",
      "s.reviewer_user_id",
      "u.display_name",
      "s.ratings",
      "s.comments",
      "s.status",
      "s.submitted_at",
      "s.updated_at",
      "s.version",
    ])
    .where("s.round_id", "=", roundId)
    .where("s.model_id", "=", modelId)
    .orderBy("s.kind", "desc")
    .orderBy("u.display_name")
    .execute();
}
