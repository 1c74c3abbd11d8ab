import { insertRoundCommendation, insertVerifiedGoldenBookEntry, listCommendableResults } from "@lantoa/db";
import { domainError, err, ok } from "@lantoa/domain/errors";
import { defaultCommendationForms } from "@lantoa/domain/register";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";
import { IsoDay, RecordId, requiredText } from "../shared/input-schemas.js";
import { openRound } from "./open-round.js";

const formCodes = defaultCommendationForms.map((f) => f.code) as [string, ...string[]];

/** One commendation decision covering the models of some tiers of a finalized round. */
export const IssueRoundCommendationsInput = z.object({
  roundId: RecordId,
  tiers: z.array(z.string().max(64)).min(1).max(10),
  decisionNumber: requiredText(100),
  decisionDate: IsoDay,
  issuer: requiredText(300),
  level: requiredText(64),
  /** A commendation form's code (`defaultCommendationForms`). */
  form: z.enum(formCodes),
  /** Also enter each commended model in its unit's golden book (verified, linked to the commendation). */
  goldenBook: z.boolean().nullish(),
});

/**
 * Issues commendations from a finalized (or published) round's results: one per model
 * whose final tier is among `tiers` and that was not disqualified, landing in the
 * model's record and, when chosen, in its unit's golden book. A model already
 * commended by the same decision number in this round is skipped. An admin of the
 * organizer. Audited `round.commend`.
 */
export const issueRoundCommendations = defineUseCase({
  name: "issueRoundCommendations",
  input: IssueRoundCommendationsInput,
  run: async (scope, input) => {
    const round = await openRound(scope, input.roundId, { stages: ["finalized", "published"], administer: true });
    if (!round.ok) return round;
    const { row, set } = round.value;
    const known = new Set(set.tiers.map((t) => t.id));
    const unknown = input.tiers.filter((t) => !known.has(t));
    if (unknown.length > 0) {
      return err(
        domainError(
          "ROUND.UNKNOWN_TIER",
          { vi: "Xếp loại không có trong bộ tiêu chí của đợt.", en: "A tier is not in the round's criteria set." },
          { unknown },
        ),
      );
    }
    const { roundId, ...given } = input;
    const decision = { ...given, goldenBook: input.goldenBook ?? false };
    const at = scope.now.toISOString();
    const tierLabel = new Map(set.tiers.map((t) => [t.id, t.label.vi]));
    const models = await listCommendableResults(scope.trx, roundId, decision);
    let goldenBookEntries = 0;
    for (const m of models) {
      const commendationId = scope.newId();
      await insertRoundCommendation(scope.trx, {
        id: commendationId,
        roundId,
        modelId: m.id,
        decisionNumber: decision.decisionNumber,
        decisionDate: decision.decisionDate,
        issuer: decision.issuer,
        level: decision.level,
        form: decision.form,
        createdAt: at,
      });
      if (!decision.goldenBook) continue;
      await insertVerifiedGoldenBookEntry(scope.trx, {
        id: scope.newId(),
        unitId: m.owner_unit_id,
        subjectName: m.name,
        deed: `Mô hình "${m.name}" đạt xếp loại ${tierLabel.get(m.tier ?? "") ?? m.tier} trong ${row.name} (Quyết định ${decision.decisionNumber}).`,
        field: m.field,
        deedDate: decision.decisionDate,
        by: decision.issuer,
        verifiedAt: at,
        commendationId,
      });
      goldenBookEntries++;
    }
    await scope.audit({
      action: "round.commend",
      entity: "round",
      entityId: roundId,
      after: { ...decision, commended: models.map((m) => m.id) },
    });
    return ok({ id: roundId, commended: models.length, goldenBookEntries });
  },
});
