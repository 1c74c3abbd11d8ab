import type { DbExecutor, DbTransaction } from "../executor.js";

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
export function listChairDecisions(db: DbExecutor, roundId: string): Promise<ChairDecisionRow[]> {
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

/** A chair's decision on one model of a round; a later one on the same model replaces it. */
export interface ChairDecision {
  readonly roundId: string;
  readonly modelId: string;
  readonly decision: string;
  readonly reason: string;
  /** The deciding user; null for the command line. */
  readonly decidedBy: string | null;
  readonly decidedAt: string;
}

/**
 * Stores a chair's decision, replacing an earlier one on the same model.
 *
 * @example
 * await saveChairDecision(trx, { roundId, modelId, decision: "Giữ điểm", reason: "…", decidedBy, decidedAt })
 */
export async function saveChairDecision(trx: DbTransaction, chair: ChairDecision): Promise<void> {
  const values = {
    decision: chair.decision,
    reason: chair.reason,
    decided_by: chair.decidedBy,
    decided_at: chair.decidedAt,
  };
  await trx
    .insertInto("round_chair_decisions")
    .values({ round_id: chair.roundId, model_id: chair.modelId, ...values })
    .onConflict((oc) => oc.columns(["round_id", "model_id"]).doUpdateSet(values))
    .execute();
}
