import { findCriteriaSetIdByCode, findCriteriaVersionsByIds, insertCriteriaSet } from "@lantoa/db";
import {
  type CriteriaSetDraft,
  CriteriaSetSchema,
  createDraftFromCriteriaSet,
  defaultCriteriaSet,
  validateCriteriaSet,
} from "@lantoa/domain/criteria";
import { type DomainError, domainError, err, ok, type Result } from "@lantoa/domain/errors";
import * as z from "zod";
import { defineUseCase, type UseCaseScope } from "../runner/use-case.js";
import { RecordId, requiredText } from "../shared/input-schemas.js";
import { blankCriteriaSet } from "./blank-criteria-set.js";
import { criteriaVersionNotFound } from "./criteria-errors.js";

/** What a new set starts from when it is not a copy: the default rubric or one criterion. */
export const CriteriaStart = z.enum(["DEFAULT", "BLANK"]);

/** A new criteria set: its code (letters, digits, - and _), names, and what its first draft starts from. */
export const CreateCriteriaSetInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/),
  name: requiredText(300),
  /** The English name; the Vietnamese one when absent. */
  nameEn: requiredText(300).nullish(),
  /** Ignored when `copyOfVersionId` is given; the default rubric when absent. */
  startFrom: CriteriaStart.nullish(),
  /** Start from a copy of this version (published or draft), with a lineage of its own. */
  copyOfVersionId: RecordId.nullish(),
});

/**
 * Creates a criteria set with a first draft, checked by the domain: the default rubric,
 * a blank one or a copy of a version, renamed to the new set. A code already used is
 * refused. Audited.
 */
export const createCriteriaSet = defineUseCase({
  name: "createCriteriaSet",
  input: CreateCriteriaSetInput,
  run: async (scope, input) => {
    const name = { vi: input.name, en: input.nameEn ?? input.name };
    const start = await startingPoint(scope, input, name);
    if (!start.ok) return start;
    const checked = validateCriteriaSet({
      ...JSON.parse(JSON.stringify(start.value)),
      id: input.code,
      name,
      basedOnVersion: null,
    });
    if (!checked.ok) return checked;
    if (await findCriteriaSetIdByCode(scope.trx, input.code)) return err(duplicateCode(input.code));
    const created = await insertCriteriaSet(scope.trx, {
      setId: scope.newId(),
      versionId: scope.newId(),
      code: input.code,
      name: name.vi,
      definition: checked.value,
    });
    await scope.audit({
      action: "createCriteriaSet",
      entity: "criteria_set",
      entityId: created.setId,
      after: { code: input.code, name, draftId: created.versionId, copyOf: input.copyOfVersionId ?? null },
    });
    return ok(created);
  },
});

async function startingPoint(
  scope: UseCaseScope,
  input: z.output<typeof CreateCriteriaSetInput>,
  name: { vi: string; en: string },
): Promise<Result<CriteriaSetDraft>> {
  if (input.copyOfVersionId) {
    const [source] = await findCriteriaVersionsByIds(scope.trx, [input.copyOfVersionId]);
    if (!source) return err(criteriaVersionNotFound(input.copyOfVersionId));
    const parsed = CriteriaSetSchema.parse(source.definition);
    return ok(parsed.status === "published" ? createDraftFromCriteriaSet(parsed) : parsed);
  }
  return ok(
    input.startFrom === "BLANK" ? blankCriteriaSet(input.code, name) : (defaultCriteriaSet as CriteriaSetDraft),
  );
}

function duplicateCode(code: string): DomainError<"CRITERIA.DUPLICATE_CODE"> {
  return domainError(
    "CRITERIA.DUPLICATE_CODE",
    {
      vi: `Mã bộ tiêu chí “${code}” đã được dùng. Hãy chọn mã khác.`,
      en: `The criteria-set code “${code}” is already used. Choose another.`,
    },
    { code },
  );
}
