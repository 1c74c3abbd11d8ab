import { renameCriteriaSet, saveCriteriaDraftDefinition } from "@lantoa/db";
import { type CriteriaSet, type CriteriaSetDraft, CriteriaSetSchema } from "@lantoa/domain/criteria";
import { ok } from "@lantoa/domain/errors";
import * as z from "zod";
import { defineUseCase } from "../runner/use-case.js";
import { ExpectedVersion, RecordId } from "../shared/input-schemas.js";
import { CriteriaDefinitionText, parseCriteriaDefinition } from "./criteria-definition.js";
import { criteriaProblemsOf } from "./criteria-problems.js";
import { lockCriteriaDraft } from "./lock-criteria-draft.js";

/** A draft's new definition (JSON text), against the draft's version the editor read. */
export const SaveCriteriaDraftInput = z.object({
  versionId: RecordId,
  definition: CriteriaDefinitionText,
  expectedVersion: ExpectedVersion,
});

/**
 * Replaces a draft's definition. Work in progress is kept with the problems the domain
 * finds (returned, so the editor shows what still keeps it from being published); only a
 * malformed definition (not JSON, wrong structure) is refused, as `CRITERIA.SHAPE`. The
 * server owns identity and lineage: the set's id and the draft's base version stay
 * whatever the editor sends. The set takes the draft's Vietnamese name. Audited.
 */
export const saveCriteriaDraft = defineUseCase({
  name: "saveCriteriaDraft",
  input: SaveCriteriaDraftInput,
  run: async (scope, input) => {
    const locked = await lockCriteriaDraft(scope.trx, input.versionId, input.expectedVersion);
    if (!locked.ok) return locked;
    const row = locked.value;
    const checked = parseCriteriaDefinition(input.definition);
    if (!checked.ok && checked.error.code === "CRITERIA.SHAPE") return checked;
    const shaped = checked.ok ? checked.value : CriteriaSetSchema.parse(JSON.parse(input.definition));
    const before = row.definition as CriteriaSetDraft;
    const definition: CriteriaSet = {
      ...shaped,
      status: "draft",
      id: row.set_code,
      basedOnVersion: before.basedOnVersion ?? null,
    } as CriteriaSetDraft;
    const saved = await saveCriteriaDraftDefinition(scope.trx, row.id, input.expectedVersion, definition);
    if (!saved.ok) return saved;
    if (definition.name.vi !== row.set_name)
      await renameCriteriaSet(scope.trx, row.criteria_set_id, definition.name.vi);
    await scope.audit({
      action: "saveCriteriaDraft",
      entity: "criteria_set_version",
      entityId: row.id,
      before: { version: row.version, definition: row.definition },
      after: { version: saved.value.version, definition },
    });
    return ok({ versionId: row.id, problems: checked.ok ? [] : criteriaProblemsOf(checked.error) });
  },
});
