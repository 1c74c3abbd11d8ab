import { findCriteriaVersionsByIds, insertCriteriaDraft, lockCriteriaSetDraft } from "@lantoa/db";
import { CriteriaSetSchema, createDraftFromCriteriaSet } from "@lantoa/domain/criteria";
import { domainError, err, ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";
import { RecordId } from "../shared/input-schemas.js";
import { criteriaVersionNotFound } from "./criteria-errors.js";

/** The published version the next draft starts from. */
export const NewCriteriaDraftInput = z.object({ fromVersionId: RecordId });

/**
 * Starts the next draft of a set from one of its published versions (the domain's
 * `createDraftFromCriteriaSet`), numbered after the set's highest version. A set has at
 * most one draft: the set is locked, so two admins asking at once get one draft and one
 * `CRITERIA.DRAFT_EXISTS`. Audited.
 */
export const newCriteriaDraft = defineUseCase({
  name: "newCriteriaDraft",
  input: NewCriteriaDraftInput,
  run: async (scope, input) => {
    const [source] = await findCriteriaVersionsByIds(scope.trx, [input.fromVersionId]);
    if (!source) return err(criteriaVersionNotFound(input.fromVersionId));
    const parsed = CriteriaSetSchema.parse(source.definition);
    if (parsed.status !== "published") {
      return err(
        domainError(
          "CRITERIA.NOT_PUBLISHED",
          {
            vi: "Chỉ tạo được bản nháp mới từ một phiên bản đã ban hành. Hãy sửa trực tiếp bản nháp này.",
            en: "A new draft starts from a published version. Edit this draft instead.",
          },
          { id: source.id },
        ),
      );
    }
    const existing = await lockCriteriaSetDraft(scope.trx, source.criteria_set_id);
    if (existing) {
      return err(
        domainError(
          "CRITERIA.DRAFT_EXISTS",
          {
            vi: `Bộ tiêu chí này đã có bản nháp (phiên bản ${existing.version_number}). Hãy sửa hoặc ban hành bản nháp đó trước.`,
            en: `This criteria set already has a draft (version ${existing.version_number}). Edit or publish that draft first.`,
          },
          { draftId: existing.id },
        ),
      );
    }
    const created = await insertCriteriaDraft(scope.trx, {
      setId: source.criteria_set_id,
      versionId: scope.newId(),
      definition: createDraftFromCriteriaSet(parsed),
    });
    await scope.audit({
      action: "newCriteriaDraft",
      entity: "criteria_set_version",
      entityId: created.versionId,
      after: { fromVersionId: source.id, versionNumber: created.versionNumber },
    });
    return ok({ versionId: created.versionId });
  },
});
