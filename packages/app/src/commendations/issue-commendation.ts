import { insertCommendation, modelOwnerPath } from "@lantoa/db";
import { err, ok } from "@lantoa/domain/errors";
import { parseCommendation } from "@lantoa/domain/register";
import * as z from "zod";
import { notFound } from "../errors/not-found.js";
import { defineUseCase } from "../runner/use-case.js";
import { IsoDay, RecordId, requiredText } from "../shared/input-schemas.js";
import { CatalogueCode, unknownLevelOrForm } from "./commendation-catalogue.js";

/** A commendation decided outside a round, for a model. */
export const IssueCommendationInput = z.object({
  modelId: RecordId,
  decisionNumber: requiredText(64),
  decisionDate: IsoDay,
  /** Who decided (e.g. Ban Thường vụ Huyện ủy). */
  issuer: requiredText(300),
  /** A level code (see the configured levels). */
  level: CatalogueCode,
  /** A form code (see the domain's commendation forms). */
  form: CatalogueCode,
  /** Last day it is valid; open-ended when absent. */
  validUntil: IsoDay.nullish(),
  /** Why it is given, as the certificate prints it; a sentence naming the model when absent. */
  reason: requiredText(2000).nullish(),
});

/**
 * Records a manual commendation decision for a model: the level must be configured and
 * the form one the domain knows; the domain checks the record (validity not ending
 * before the decision). Audited.
 */
export const issueCommendation = defineUseCase({
  name: "issueCommendation",
  input: IssueCommendationInput,
  run: async (scope, input) => {
    if ((await modelOwnerPath(scope.trx, input.modelId)) === null) return err(notFound("model", input.modelId));
    const unknown = await unknownLevelOrForm(scope.trx, input.level, input.form);
    if (unknown) return err(unknown);
    const parsed = parseCommendation({
      id: scope.newId(),
      decisionNumber: input.decisionNumber,
      decisionDate: input.decisionDate,
      issuerUnitId: input.issuer,
      levelCode: input.level,
      formCode: input.form,
      recipient: { kind: "model", modelId: input.modelId },
      ...(input.reason ? { achievement: input.reason } : {}),
      validUntil: input.validUntil ?? null,
      suspensions: [],
      revocation: null,
    });
    if (!parsed.ok) return parsed;
    await insertCommendation(scope.trx, parsed.value);
    await scope.audit({
      action: "issueCommendation",
      entity: "commendation",
      entityId: parsed.value.id,
      after: parsed.value,
    });
    return ok({ id: parsed.value.id });
  },
});
