import { type DomainError, domainError, err, ok, type Result } from "@lantoa/domain/errors";
import {
  drawPanel,
  hasConflictOfInterest,
  isRoundLocked,
  type PanelDraw,
  type PanelReviewer,
} from "@lantoa/domain/round";
import type { Kysely, Transaction } from "kysely";
import { appendAudit } from "../audit/append-audit.js";
import type { Database } from "../database.js";
import { type LoadedRound, loadRound } from "./load-round.js";
import {
  conflictOfInterest,
  modelNotInRound,
  notAssigned,
  roundLocked,
  roundNotFound,
  wrongStage,
} from "./round-errors.js";

type Db = Kysely<Database> | Transaction<Database>;

const ASSIGNABLE = ["draft", "self-assessment", "review"] as const;

/**
 * The reviewer pool: every enabled user holding the reviewer role, with the path of
 * their own unit (conflicts are judged from it).
 *
 * @example
 * (await reviewerPool(db)).map((r) => r.userId)
 */
export async function reviewerPool(db: Db): Promise<PanelReviewer[]> {
  const rows = await poolMembers(db).select(["r.id", "u.path"]).orderBy("r.id").execute();
  return rows.map((r) => ({ userId: r.id, unitPath: r.path ?? null }));
}

/** The pool's members (enabled users with the reviewer role) as `r`, with their unit as `u`. */
function poolMembers(db: Db) {
  return db
    .selectFrom("users as r")
    .leftJoin("units as u", "u.id", "r.unit_id")
    .where("r.disabled_at", "is", null)
    .where("r.id", "in", (eb) => eb.selectFrom("role_assignments").select("user_id").where("role", "=", "reviewer"));
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
  db: Db,
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

async function openForAssignment(
  trx: Transaction<Database>,
  roundId: string,
): Promise<Result<LoadedRound, DomainError>> {
  const round = await loadRound(trx, roundId, { forUpdate: true });
  if (!round) return err(roundNotFound(roundId));
  if (isRoundLocked(round.row.status)) return err(roundLocked(roundId, round.row.status));
  if (!(ASSIGNABLE as readonly string[]).includes(round.row.status))
    return err(wrongStage(roundId, round.row.status, ASSIGNABLE));
  return ok(round);
}

/** The panel inputs of a round: its eligible models with current assignments and declared conflicts. */
async function panelModels(db: Db, roundId: string, keep: (source: string) => boolean) {
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
  return models.map((m) => {
    const mine = assignments.filter((a) => a.model_id === m.model_id);
    return {
      modelId: m.model_id,
      ownerPath: m.path,
      assigned: mine.filter((a) => a.conflict_declared_at === null && keep(a.source)).map((a) => a.reviewer_user_id),
      declaredConflicts: mine.filter((a) => a.conflict_declared_at !== null).map((a) => a.reviewer_user_id),
    };
  });
}

/**
 * Assigns reviewers by hand (one pair, `manual`) or in bulk (`bulk`), refusing any
 * pair with a conflict of interest from the unit tree or a declared one, and anyone
 * without the reviewer role. Pairs already assigned are left as they are.
 *
 * @example
 * await assignReviewers(trx, roundId, [{ modelId, reviewerUserId }], { source: "manual", actorUserId })
 */
export async function assignReviewers(
  trx: Transaction<Database>,
  roundId: string,
  pairs: ReadonlyArray<{ modelId: string; reviewerUserId: string }>,
  options: { source: "manual" | "bulk"; actorUserId: string | null },
): Promise<Result<{ assigned: number }, DomainError>> {
  const round = await openForAssignment(trx, roundId);
  if (!round.ok) return round;
  const pool = new Map((await reviewerPool(trx)).map((r) => [r.userId, r]));
  const models = new Map((await panelModels(trx, roundId, () => true)).map((m) => [m.modelId, m]));
  const rows = [];
  for (const pair of pairs) {
    const model = models.get(pair.modelId);
    const reviewer = pool.get(pair.reviewerUserId);
    if (!model) return err(modelNotInRound(pair.modelId));
    if (!reviewer) {
      return err(
        domainError(
          "ROUND.NOT_A_REVIEWER",
          {
            vi: "Người được phân công không có vai trò giám khảo.",
            en: "The assignee does not hold the reviewer role.",
          },
          { userId: pair.reviewerUserId },
        ),
      );
    }
    if (model.declaredConflicts.includes(reviewer.userId) || hasConflictOfInterest(reviewer.unitPath, model.ownerPath))
      return err(conflictOfInterest(model.modelId, reviewer.userId));
    if (model.assigned.includes(reviewer.userId)) continue;
    rows.push({
      round_id: roundId,
      model_id: pair.modelId,
      reviewer_user_id: pair.reviewerUserId,
      source: options.source,
    });
  }
  if (rows.length > 0) await trx.insertInto("reviewer_assignments").values(rows).execute();
  await appendAudit(trx, {
    actorUserId: options.actorUserId,
    action: `round.assign.${options.source}`,
    entity: "round",
    entityId: roundId,
    after: { pairs: rows.map((r) => ({ modelId: r.model_id, reviewerUserId: r.reviewer_user_id })) },
  });
  return ok({ assigned: rows.length });
}

/**
 * Draws the missing reviewers of every eligible model from the pool with the round's
 * recorded seed (see `drawPanel`): reviewers already assigned are kept, conflicted or
 * declared ones never drawn. Saved as `draw` assignments; one audit entry with the seed.
 *
 * @example
 * const drawn = await drawRoundPanel(trx, roundId, { actorUserId }); drawn.ok && drawn.value.assigned
 */
export async function drawRoundPanel(
  trx: Transaction<Database>,
  roundId: string,
  options: { actorUserId: string | null },
): Promise<Result<{ assigned: number; seed: string }, DomainError>> {
  const round = await openForAssignment(trx, roundId);
  if (!round.ok) return round;
  const seed = round.value.row.draw_seed ?? roundId;
  const drawn = drawPanel({
    seed,
    size: round.value.settings.reviewersPerModel,
    models: await panelModels(trx, roundId, () => true),
    pool: await reviewerPool(trx),
  });
  if (!drawn.ok) return drawn;
  const rows = drawn.value.flatMap((d) =>
    d.reviewerIds.map((r) => ({
      round_id: roundId,
      model_id: d.modelId,
      reviewer_user_id: r,
      source: "draw" as const,
    })),
  );
  for (let i = 0; i < rows.length; i += 1000)
    await trx
      .insertInto("reviewer_assignments")
      .values(rows.slice(i, i + 1000))
      .execute();
  await appendAudit(trx, {
    actorUserId: options.actorUserId,
    action: "round.draw",
    entity: "round",
    entityId: roundId,
    after: { seed, assigned: rows.length },
  });
  return ok({ assigned: rows.length, seed });
}

/**
 * Re-runs the round's draw from its recorded seed against the hand-made assignments
 * (drawn ones set aside) and says whether it gives the recorded panel: anyone can
 * check that nobody hand-picked a "random" panel.
 *
 * @example
 * (await replayPanelDraw(db, roundId)).matches // true
 */
export async function replayPanelDraw(
  db: Db,
  roundId: string,
): Promise<{ seed: string; matches: boolean; draws: PanelDraw[] } | null> {
  const round = await loadRound(db, roundId);
  if (!round) return null;
  const seed = round.row.draw_seed ?? roundId;
  const models = await panelModels(db, roundId, (source) => source === "manual" || source === "bulk");
  const drawn = drawPanel({ seed, size: round.settings.reviewersPerModel, models, pool: await reviewerPool(db) });
  const recorded = await db
    .selectFrom("reviewer_assignments")
    .select(["model_id", "reviewer_user_id"])
    .where("round_id", "=", roundId)
    .where("source", "=", "draw")
    .execute();
  const key = (pairs: Array<[string, string]>) =>
    pairs
      .map(([m, r]) => `${m}:${r}`)
      .sort()
      .join(",");
  const draws = drawn.ok ? drawn.value : [];
  const matches =
    drawn.ok &&
    key(draws.flatMap((d) => d.reviewerIds.map((r) => [d.modelId, r] as [string, string]))) ===
      key(recorded.map((r) => [r.model_id, r.reviewer_user_id]));
  return { seed, matches, draws };
}

/**
 * A reviewer declares a conflict of interest with a model: from then on they can
 * neither read nor write its scorecard, and their scores (if any) no longer count.
 *
 * @example
 * await declareConflict(trx, roundId, modelId, { reviewerUserId, reason: "Tôi từng công tác tại đơn vị này", at })
 */
export async function declareConflict(
  trx: Transaction<Database>,
  roundId: string,
  modelId: string,
  declaration: { reviewerUserId: string; reason: string; at: string },
): Promise<Result<true, DomainError>> {
  const round = await loadRound(trx, roundId, { forUpdate: true });
  if (!round) return err(roundNotFound(roundId));
  if (isRoundLocked(round.row.status)) return err(roundLocked(roundId, round.row.status));
  const updated = await trx
    .updateTable("reviewer_assignments")
    .set({ conflict_declared_at: declaration.at, conflict_reason: declaration.reason })
    .where("round_id", "=", roundId)
    .where("model_id", "=", modelId)
    .where("reviewer_user_id", "=", declaration.reviewerUserId)
    .where("conflict_declared_at", "is", null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return err(notAssigned(modelId, declaration.reviewerUserId));
  await appendAudit(trx, {
    actorUserId: declaration.reviewerUserId,
    action: "round.declareConflict",
    entity: "round",
    entityId: roundId,
    after: { modelId, reason: declaration.reason },
  });
  return ok(true);
}
