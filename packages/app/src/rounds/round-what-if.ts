import { findCriteriaVersionByNumber, loadScoringSubjects } from "@lantoa/db";
import { CriteriaSetSchema } from "@lantoa/domain/criteria";
import { domainError, err } from "@lantoa/domain/errors";
import { rescoreRound } from "@lantoa/domain/scoring";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";
import { RecordId } from "../shared/input-schemas.js";
import { openRound } from "./open-round.js";

/** A finalized round and the published criteria version to rescore it under. */
export const RoundWhatIfInput = z.object({
  roundId: RecordId,
  criteriaSetCode: z.string().max(64),
  criteriaVersion: z.number().int().min(1),
});

/**
 * What-if: a finalized (or published) round rescored under another published
 * criteria-set version, side by side with its own (an admin of the organizer). Reads
 * only: nothing is saved or audited.
 */
export const roundWhatIf = defineUseCase({
  name: "roundWhatIf",
  input: RoundWhatIfInput,
  run: async (scope, input) => {
    const round = await openRound(scope, input.roundId, {
      stages: ["finalized", "published"],
      administer: true,
      lock: false,
    });
    if (!round.ok) return round;
    const version = await findCriteriaVersionByNumber(scope.trx, input.criteriaSetCode, input.criteriaVersion);
    const parsed = version?.status === "published" ? CriteriaSetSchema.safeParse(version.definition) : undefined;
    if (!parsed?.success) {
      return err(
        domainError(
          "ROUND.CRITERIA_NOT_FOUND",
          { vi: "Không tìm thấy phiên bản bộ tiêu chí.", en: "No such criteria-set version." },
          { criteriaSetCode: input.criteriaSetCode, criteriaVersion: input.criteriaVersion },
        ),
      );
    }
    const { row, set } = round.value;
    const subjects = await loadScoringSubjects(scope.trx, row);
    return rescoreRound({ set, subjects, options: { referenceDate: row.reference_date } }, parsed.data);
  },
});
