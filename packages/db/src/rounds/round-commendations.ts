import { sql } from "kysely";
import type { DbExecutor, DbTransaction } from "../executor.js";

/**
 * The models a round's commendation decision covers: not disqualified, final tier among
 * `tiers`, not yet commended by `decisionNumber` in this round; best rank first. Each
 * with its name, owner unit, tier and first field (null unless it is a configured field).
 *
 * @example
 * await listCommendableResults(trx, roundId, { tiers: ["excellent"], decisionNumber: "12-QĐ/HU" })
 */
export function listCommendableResults(
  db: DbExecutor,
  roundId: string,
  decision: { tiers: readonly string[]; decisionNumber: string },
) {
  return db
    .selectFrom("round_results as r")
    .innerJoin("models as m", "m.id", "r.model_id")
    .leftJoin("fields as f", (join) => join.on("f.code", "=", sql<string>`m.fields[1]`))
    .select(["m.id", "m.name", "m.owner_unit_id", "f.code as field", "r.tier"])
    .where("r.round_id", "=", roundId)
    .where("r.eliminated", "=", false)
    .where("r.tier", "in", [...decision.tiers])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("commendations as c")
            .select("c.id")
            .whereRef("c.recipient_model_id", "=", "m.id")
            .where("c.round_id", "=", roundId)
            .where("c.decision_number", "=", decision.decisionNumber),
        ),
      ),
    )
    .orderBy("r.rank")
    .orderBy("m.id")
    .execute();
}

/** A commendation a round's decision gives one model. */
export interface RoundCommendation {
  readonly id: string;
  readonly roundId: string;
  readonly modelId: string;
  readonly decisionNumber: string;
  /** "YYYY-MM-DD". */
  readonly decisionDate: string;
  readonly issuer: string;
  readonly level: string;
  readonly form: string;
  readonly createdAt: string;
}

/** Stores a model's commendation from a round. */
export async function insertRoundCommendation(trx: DbTransaction, c: RoundCommendation): Promise<void> {
  await trx
    .insertInto("commendations")
    .values({
      id: c.id,
      decision_number: c.decisionNumber,
      decision_date: c.decisionDate,
      issuer: c.issuer,
      level: c.level,
      form: c.form,
      recipient_kind: "model",
      recipient_model_id: c.modelId,
      round_id: c.roundId,
      created_at: c.createdAt,
    })
    .execute();
}

/** A verified golden-book entry of a collective, linked to the commendation it comes from. */
export interface VerifiedGoldenBookEntry {
  readonly id: string;
  readonly unitId: string;
  readonly subjectName: string;
  readonly deed: string;
  readonly field: string | null;
  readonly deedDate: string;
  /** Who nominated and verified it (the issuer of the commendation). */
  readonly by: string;
  readonly verifiedAt: string;
  readonly commendationId: string;
}

/** Stores a golden-book entry verified at once (a commendation's, not a nomination waiting for a decision). */
export async function insertVerifiedGoldenBookEntry(trx: DbTransaction, e: VerifiedGoldenBookEntry): Promise<void> {
  await trx
    .insertInto("golden_book_entries")
    .values({
      id: e.id,
      unit_id: e.unitId,
      subject_kind: "collective",
      subject_name: e.subjectName,
      deed: e.deed,
      field: e.field,
      deed_date: e.deedDate,
      nominated_by: e.by,
      verified_by: e.by,
      verified_at: e.verifiedAt,
      commendation_id: e.commendationId,
      status: "verified",
    })
    .execute();
}
