import { CriteriaSetSchema } from "@lantoa/domain/criteria";
import { type DomainError, domainError, err, type Result } from "@lantoa/domain/errors";
import { type RoundComparison, rescoreRound } from "@lantoa/domain/scoring";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../database.js";
import { loadRound } from "./load-round.js";
import { loadScoringSubjects } from "./load-scoring-subjects.js";
import { roundNotFound, wrongStage } from "./round-errors.js";

/**
 * What-if: a finalized round rescored under another criteria-set version, side by side
 * with its own version. Reads only: the round and its stored results do not change.
 *
 * @example
 * const cmp = await whatIfRound(db, roundId, otherVersionId); cmp.ok && cmp.value.rows.filter((r) => r.tierChanged)
 */
export async function whatIfRound(
  db: Kysely<Database> | Transaction<Database>,
  roundId: string,
  alternativeVersionId: string,
): Promise<Result<RoundComparison, DomainError>> {
  const round = await loadRound(db, roundId);
  if (!round) return err(roundNotFound(roundId));
  if (round.row.status !== "finalized" && round.row.status !== "published")
    return err(wrongStage(roundId, round.row.status, ["finalized", "published"]));
  const version = await db
    .selectFrom("criteria_set_versions")
    .select("definition")
    .where("id", "=", alternativeVersionId)
    .executeTakeFirst();
  const parsed = version ? CriteriaSetSchema.safeParse(version.definition) : undefined;
  if (!parsed?.success) {
    return err(
      domainError(
        "ROUND.CRITERIA_NOT_FOUND",
        { vi: "Không tìm thấy phiên bản bộ tiêu chí.", en: "No such criteria-set version." },
        { alternativeVersionId },
      ),
    );
  }
  const subjects = await loadScoringSubjects(db, round.row);
  return rescoreRound({ set: round.set, subjects, options: { referenceDate: round.row.reference_date } }, parsed.data);
}
