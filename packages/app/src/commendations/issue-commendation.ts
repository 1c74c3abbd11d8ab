import { hasLabel, insertCommendation, modelOwnerPath } from "@lantoa/db";
import { domainError, err, ok } from "@lantoa/domain/errors";
import { defaultCommendationForms, parseCommendation } from "@lantoa/domain/register";
import * as z from "zod";
import { notFound } from "../errors/not-found.js";
import { defineUseCase } from "../runner/use-case.js";
import { IsoDay, RecordId, requiredText } from "../shared/input-schemas.js";

/** A level or form code: lower-case words joined by hyphens. */
const CatalogueCode = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(64);

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
    const levelKnown = await hasLabel(scope.trx, "levels", input.level);
    if (!levelKnown || !defaultCommendationForms.some((f) => f.code === input.form)) {
      return err(
        domainError(
          "COMMENDATION.UNKNOWN_LEVEL_OR_FORM",
          {
            vi: "Cấp hoặc hình thức khen thưởng không có trong danh mục.",
            en: "The commendation level or form is not configured.",
          },
          { level: input.level, form: input.form },
        ),
      );
    }
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
