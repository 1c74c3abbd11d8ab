import type { RoundSettings } from "@lantoa/domain/round";
import type { DbTransaction } from "../executor.js";

/** A new round in draft, as a use case decided it. */
export interface NewRoundRow {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly criteriaVersionId: string;
  readonly organizerUnitId: string;
  readonly period: string;
  /** "YYYY-MM-DD". */
  readonly referenceDate: string;
  /** The scope as the organizer gave it (kept for the record). */
  readonly scope: unknown;
  readonly settings: RoundSettings;
  readonly drawSeed: string;
  /** Due dates of the steps ("YYYY-MM-DD"), each optional. */
  readonly deadlines?: RoundDeadlines;
}

/** Due dates of a round's steps ("YYYY-MM-DD"; null: none). */
export interface RoundDeadlines {
  readonly selfAssessment: string | null;
  readonly review: string | null;
  readonly council: string | null;
}

/**
 * Stores a round in draft at version 1.
 *
 * @example
 * await insertRound(trx, { id, code: "TL-2025", …, drawSeed })
 */
export async function insertRound(trx: DbTransaction, round: NewRoundRow): Promise<void> {
  await trx
    .insertInto("rounds")
    .values({
      id: round.id,
      code: round.code,
      name: round.name,
      criteria_version_id: round.criteriaVersionId,
      organizer_unit_id: round.organizerUnitId,
      status: "draft",
      period: round.period,
      reference_date: round.referenceDate,
      scope: JSON.stringify(round.scope),
      settings: JSON.stringify(round.settings),
      draw_seed: round.drawSeed,
      self_assessment_due: round.deadlines?.selfAssessment ?? null,
      review_due: round.deadlines?.review ?? null,
      council_due: round.deadlines?.council ?? null,
    })
    .execute();
}

/** A model in a round's scope with the outcome of each eligibility gate. */
export interface RoundModelEntry {
  readonly modelId: string;
  readonly eligible: boolean;
  readonly gates: ReadonlyArray<{ criterionId: string; label: unknown; passed: boolean; observed: unknown }>;
}

/**
 * Puts models in a round, a thousand rows per statement.
 *
 * @example
 * await insertRoundModels(trx, roundId, [{ modelId, eligible: true, gates: [] }])
 */
export async function insertRoundModels(
  trx: DbTransaction,
  roundId: string,
  entries: readonly RoundModelEntry[],
): Promise<void> {
  const rows = entries.map((e) => ({
    round_id: roundId,
    model_id: e.modelId,
    eligible: e.eligible,
    gate_outcomes: JSON.stringify(e.gates),
  }));
  for (let i = 0; i < rows.length; i += 1000)
    await trx
      .insertInto("round_models")
      .values(rows.slice(i, i + 1000))
      .execute();
}
