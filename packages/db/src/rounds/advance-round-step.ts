import { type DomainError, err, ok, type Result } from "@lantoa/domain/errors";
import {
  advanceRound,
  type CouncilDecision,
  type CouncilVotes,
  decideCouncil,
  isRoundLocked,
  type RoundProgress,
  type RoundStatus,
  type RoundStep,
} from "@lantoa/domain/round";
import { type Kysely, sql, type Transaction } from "kysely";
import { appendAudit } from "../audit/append-audit.js";
import type { Database } from "../database.js";
import { staleVersion } from "../shared/stale-version.js";
import { updateVersioned } from "../shared/update-versioned.js";
import { computeRoundResults, hashRoundResults } from "./compute-round-results.js";
import { eligibleInRound, type LoadedRound, loadRound } from "./load-round.js";
import { modelNotInRound, roundLocked, roundNotFound, wrongStage } from "./round-errors.js";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Where a round's work stands, as the step rules read it: eligible models, missing
 * self-assessments and reviews, the latest council outcome. Disagreements are left
 * empty here: they need scoring, which `advanceRoundStep` does on opening the council.
 *
 * @example
 * (await roundProgress(db, round)).missingReviews.length
 */
export async function roundProgress(
  db: Db,
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
 * Takes one step of a round (see `advanceRound` for what each requires) in the
 * caller's transaction: opening the council computes the results first (and refuses
 * while disagreements are unresolved: flagged by the engine, with no further reviewer's
 * submitted scorecard and no chair's decision); finalizing stores the results' content
 * hash. Checks the version the client read; one audit entry.
 *
 * @example
 * await advanceRoundStep(trx, roundId, "finalize", { expectedVersion: 5, actorUserId, at })
 */
export async function advanceRoundStep(
  trx: Transaction<Database>,
  roundId: string,
  step: RoundStep,
  context: { expectedVersion: number; actorUserId: string | null; at: string },
): Promise<Result<{ status: RoundStatus; version: number; resultsHash: string | null }, DomainError>> {
  const round = await loadRound(trx, roundId, { forUpdate: true });
  if (!round) return err(roundNotFound(roundId));
  if (round.row.version !== context.expectedVersion)
    return err(staleVersion("rounds", roundId, context.expectedVersion));
  const progress: RoundProgress = await roundProgress(trx, round);
  let checked = progress;
  if (step === "open-council" && round.row.status === "review" && progress.missingReviews.length === 0) {
    const scored = await computeRoundResults(trx, round, { computedAt: context.at });
    if (!scored.ok) return scored;
    const chair = await trx
      .selectFrom("round_chair_decisions")
      .select("model_id")
      .where("round_id", "=", roundId)
      .execute();
    const extra = await trx
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
    const resolved = new Set([...chair, ...extra].map((r) => r.model_id));
    checked = {
      ...progress,
      unresolvedDisagreements: scored.value.needsAnotherReviewer.filter((m) => !resolved.has(m)),
    };
  }
  const decided = advanceRound(round.row.status, step, checked);
  if (!decided.ok) return decided;
  const resultsHash = step === "finalize" ? await hashRoundResults(trx, roundId) : round.row.results_hash;
  const saved = await updateVersioned(trx, "rounds", roundId, context.expectedVersion, {
    status: decided.value.status,
    ...(step === "finalize" ? { results_hash: resultsHash, finalized_at: context.at } : {}),
    ...(step === "publish" ? { published_at: context.at } : {}),
  });
  if (!saved.ok) return saved;
  await appendAudit(trx, {
    actorUserId: context.actorUserId,
    action: `round.${step}`,
    entity: "round",
    entityId: roundId,
    before: { status: round.row.status, version: round.row.version },
    after: { status: decided.value.status, version: saved.value.version, resultsHash },
  });
  return ok({ status: decided.value.status, version: saved.value.version, resultsHash });
}

/**
 * Records a council sitting on a round in council: quorum and approval threshold from
 * the round's settings decide the outcome, stored with the counts and the chair's note.
 *
 * @example
 * await recordCouncilDecision(trx, roundId, { members: 9, present: 8, votesFor: 7, votesAgainst: 1, abstentions: 0 }, { note, at, actorUserId })
 */
export async function recordCouncilDecision(
  trx: Transaction<Database>,
  roundId: string,
  votes: CouncilVotes,
  context: { note: string | null; at: string; actorUserId: string | null },
): Promise<Result<CouncilDecision, DomainError>> {
  const round = await loadRound(trx, roundId, { forUpdate: true });
  if (!round) return err(roundNotFound(roundId));
  if (isRoundLocked(round.row.status)) return err(roundLocked(roundId, round.row.status));
  if (round.row.status !== "council") return err(wrongStage(roundId, round.row.status, ["council"]));
  const decided = decideCouncil(votes, round.settings);
  if (!decided.ok) return decided;
  await trx
    .insertInto("council_decisions")
    .values({
      round_id: roundId,
      members: votes.members,
      present: votes.present,
      votes_for: votes.votesFor,
      votes_against: votes.votesAgainst,
      abstentions: votes.abstentions,
      outcome: decided.value.outcome,
      chair_note: context.note,
      decided_at: context.at,
    })
    .execute();
  await appendAudit(trx, {
    actorUserId: context.actorUserId,
    action: "round.councilDecision",
    entity: "round",
    entityId: roundId,
    after: { ...votes, ...decided.value, note: context.note },
  });
  return ok(decided.value);
}

/**
 * The chair's decision on a model whose reviewers disagree beyond the gap (e.g. keep
 * the scores as they are, when no further reviewer is free), with the reason.
 *
 * @example
 * await recordChairDecision(trx, roundId, modelId, { decision: "accept", reason: "…", actorUserId, at })
 */
export async function recordChairDecision(
  trx: Transaction<Database>,
  roundId: string,
  modelId: string,
  context: { decision: string; reason: string; actorUserId: string | null; at: string },
): Promise<Result<true, DomainError>> {
  const round = await loadRound(trx, roundId, { forUpdate: true });
  if (!round) return err(roundNotFound(roundId));
  if (isRoundLocked(round.row.status)) return err(roundLocked(roundId, round.row.status));
  if (round.row.status !== "review") return err(wrongStage(roundId, round.row.status, ["review"]));
  if (!(await eligibleInRound(trx, roundId, modelId))) return err(modelNotInRound(modelId));
  await trx
    .insertInto("round_chair_decisions")
    .values({
      round_id: roundId,
      model_id: modelId,
      decision: context.decision,
      reason: context.reason,
      decided_by: context.actorUserId,
      decided_at: context.at,
    })
    .onConflict((oc) =>
      oc.columns(["round_id", "model_id"]).doUpdateSet({
        decision: context.decision,
        reason: context.reason,
        decided_by: context.actorUserId,
        decided_at: context.at,
      }),
    )
    .execute();
  await appendAudit(trx, {
    actorUserId: context.actorUserId,
    action: "round.chairDecision",
    entity: "round",
    entityId: roundId,
    after: { modelId, decision: context.decision, reason: context.reason },
  });
  return ok(true);
}

/** A chair's decision as listed on the round: the model, what was decided, why, by whom, when. */
export interface ChairDecisionRow {
  modelId: string;
  modelCode: string;
  decision: string;
  reason: string;
  decidedBy: string | null;
  decidedAt: Date | string;
}

/**
 * The chair's decisions of a round, by model code.
 *
 * @example
 * (await listChairDecisions(db, roundId))[0] // { modelCode: "TL-2018-CAMERA", decision: "Giữ điểm", reason: "…", … }
 */
export function listChairDecisions(db: Kysely<Database>, roundId: string): Promise<ChairDecisionRow[]> {
  return db
    .selectFrom("round_chair_decisions as d")
    .innerJoin("models as m", "m.id", "d.model_id")
    .leftJoin("users as u", "u.id", "d.decided_by")
    .select([
      "d.model_id as modelId",
      "m.code as modelCode",
      "d.decision",
      "d.reason",
      "u.display_name as decidedBy",
      "d.decided_at as decidedAt",
    ])
    .where("d.round_id", "=", roundId)
    .orderBy("m.code")
    .execute();
}
