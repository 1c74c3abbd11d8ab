import { type DomainError, domainError, err, ok, type Result } from "@lantoa/domain/errors";
import type { Transaction } from "kysely";
import { appendAudit } from "../audit/append-audit.js";
import type { Database } from "../database.js";
import { loadRound } from "./load-round.js";
import { roundNotFound, wrongStage } from "./round-errors.js";

/** One commendation decision covering the models of some tiers of a finalized round. */
export interface RoundCommendationDecision {
  readonly tiers: readonly string[];
  readonly decisionNumber: string;
  /** "YYYY-MM-DD". */
  readonly decisionDate: string;
  readonly issuer: string;
  readonly level: string;
  readonly form: string;
  /** Also enter each commended model in its unit's golden book (verified, linked to the commendation). */
  readonly goldenBook: boolean;
}

/**
 * Issues commendations from a finalized (or published) round's results: one per model
 * whose final tier is among `tiers` and that was not disqualified, landing in the
 * model's record and, when chosen, in its unit's golden book. A model already
 * commended by the same decision number in this round is skipped. One audit entry.
 *
 * @example
 * await issueRoundCommendations(trx, roundId, { tiers: ["excellent"], decisionNumber: "12-QĐ/HU", … }, { actorUserId, at })
 */
export async function issueRoundCommendations(
  trx: Transaction<Database>,
  roundId: string,
  decision: RoundCommendationDecision,
  context: { actorUserId: string | null; at: string },
): Promise<Result<{ commended: number; goldenBookEntries: number }, DomainError>> {
  const round = await loadRound(trx, roundId, { forUpdate: true });
  if (!round) return err(roundNotFound(roundId));
  if (round.row.status !== "finalized" && round.row.status !== "published")
    return err(wrongStage(roundId, round.row.status, ["finalized", "published"]));
  const known = new Set(round.set.tiers.map((t) => t.id));
  const unknown = decision.tiers.filter((t) => !known.has(t));
  if (unknown.length > 0 || decision.tiers.length === 0) {
    return err(
      domainError(
        "ROUND.UNKNOWN_TIER",
        { vi: "Xếp loại không có trong bộ tiêu chí của đợt.", en: "A tier is not in the round's criteria set." },
        { unknown },
      ),
    );
  }
  const models = await trx
    .selectFrom("round_results as r")
    .innerJoin("models as m", "m.id", "r.model_id")
    .select(["m.id", "m.name", "m.owner_unit_id", "m.fields", "r.tier"])
    .where("r.round_id", "=", roundId)
    .where("r.eliminated", "=", false)
    .where("r.tier", "in", decision.tiers)
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
  let goldenBookEntries = 0;
  const tierLabel = new Map(round.set.tiers.map((t) => [t.id, t.label.vi]));
  for (const m of models) {
    const { id } = await trx
      .insertInto("commendations")
      .values({
        decision_number: decision.decisionNumber,
        decision_date: decision.decisionDate,
        issuer: decision.issuer,
        level: decision.level,
        form: decision.form,
        recipient_kind: "model",
        recipient_model_id: m.id,
        round_id: roundId,
        created_at: context.at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (decision.goldenBook) {
      const field = m.fields[0]
        ? await trx.selectFrom("fields").select("code").where("code", "=", m.fields[0]).executeTakeFirst()
        : undefined;
      await trx
        .insertInto("golden_book_entries")
        .values({
          unit_id: m.owner_unit_id,
          subject_kind: "collective",
          subject_name: m.name,
          deed: `Mô hình "${m.name}" đạt xếp loại ${tierLabel.get(m.tier ?? "") ?? m.tier} trong ${round.row.name} (Quyết định ${decision.decisionNumber}).`,
          field: field?.code ?? null,
          deed_date: decision.decisionDate,
          nominated_by: decision.issuer,
          verified_by: decision.issuer,
          verified_at: context.at,
          commendation_id: id,
          status: "verified",
        })
        .execute();
      goldenBookEntries++;
    }
  }
  await appendAudit(trx, {
    actorUserId: context.actorUserId,
    action: "round.commend",
    entity: "round",
    entityId: roundId,
    after: { ...decision, commended: models.map((m) => m.id) },
  });
  return ok({ commended: models.length, goldenBookEntries });
}
