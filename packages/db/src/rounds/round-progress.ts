import type { RoundProgress } from "@lantoa/domain/round";
import { sql } from "kysely";
import type { DbExecutor } from "../executor.js";
import type { LoadedRound } from "./load-round.js";

/**
 * Where a round's work stands, as the step rules read it: eligible models, missing
 * self-assessments and reviews, the latest council outcome. Disagreements are left
 * empty here: they need scoring, which advancing to the council does.
 *
 * @example
 * (await roundProgress(db, round)).missingReviews.length
 */
export async function roundProgress(
  db: DbExecutor,
  round: LoadedRound,
): Promise<RoundProgress & { reviewsSubmitted: number; reviewsAssigned: number }> {
  const id = round.row.id;
  const rows = await db
    .selectFrom("round_models as rm")
    .select("rm.model_id")
    .select((eb) => [
      eb
        .selectFrom("scorecards as s")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("s.model_id", "=", "rm.model_id")
        .where("s.round_id", "=", id)
        .where("s.kind", "=", "self")
        .where("s.status", "=", "submitted")
        .as("self"),
      eb
        .selectFrom("reviewer_assignments as a")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("a.model_id", "=", "rm.model_id")
        .where("a.round_id", "=", id)
        .where("a.conflict_declared_at", "is", null)
        .as("assigned"),
      eb
        .selectFrom("reviewer_assignments as a")
        .innerJoin("scorecards as s", (join) =>
          join
            .onRef("s.round_id", "=", "a.round_id")
            .onRef("s.model_id", "=", "a.model_id")
            .onRef("s.reviewer_user_id", "=", "a.reviewer_user_id"),
        )
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("a.model_id", "=", "rm.model_id")
        .where("a.round_id", "=", id)
        .where("a.conflict_declared_at", "is", null)
        .where("s.status", "=", "submitted")
        .as("submitted"),
    ])
    .where("rm.round_id", "=", id)
    .where("rm.eligible", "=", true)
    .orderBy("rm.model_id")
    .execute();
  const council = await db
    .selectFrom("council_decisions")
    .select("outcome")
    .where("round_id", "=", id)
    .orderBy("decided_at", "desc")
    .orderBy(sql`ctid`, "desc")
    .executeTakeFirst();
  const need = round.settings.reviewersPerModel;
  return {
    eligibleModels: rows.length,
    missingSelfAssessments: rows.filter((r) => Number(r.self) === 0).map((r) => r.model_id),
    missingReviews: rows
      .filter((r) => Number(r.submitted) < need || Number(r.submitted) < Number(r.assigned))
      .map((r) => r.model_id),
    unresolvedDisagreements: [],
    resultsCurrent: true,
    councilOutcome: council?.outcome ?? null,
    reviewsSubmitted: rows.reduce((sum, r) => sum + Number(r.submitted), 0),
    reviewsAssigned: rows.reduce((sum, r) => sum + Number(r.assigned), 0),
  };
}

/**
 * The models of a round whose reviewers' disagreement has been dealt with: a chair's
 * decision on record, or a further reviewer's (`disagreement`) scorecard submitted.
 *
 * @example
 * new Set(await resolvedDisagreements(trx, roundId)).has(modelId)
 */
export async function resolvedDisagreements(db: DbExecutor, roundId: string): Promise<string[]> {
  const chair = await db
    .selectFrom("round_chair_decisions")
    .select("model_id")
    .where("round_id", "=", roundId)
    .execute();
  const extra = await db
    .selectFrom("reviewer_assignments as a")
    .innerJoin("scorecards as s", (join) =>
      join
        .onRef("s.round_id", "=", "a.round_id")
        .onRef("s.model_id", "=", "a.model_id")
        .onRef("s.reviewer_user_id", "=", "a.reviewer_user_id"),
    )
    .select("a.model_id")
    .where("a.round_id", "=", roundId)
    .where("a.source", "=", "disagreement")
    .where("s.status", "=", "submitted")
    .execute();
  return [...new Set([...chair, ...extra].map((r) => r.model_id))];
}
