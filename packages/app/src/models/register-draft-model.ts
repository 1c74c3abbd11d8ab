import { findModelIdByCode, insertModel, loadUnitTreeFor, missingFieldCodes } from "@lantoa/db";
import { type DomainError, domainError, err, ok, type Result } from "@lantoa/domain/errors";
import { draftModel, type Model } from "@lantoa/domain/model";
import type * as z from "zod";
import { domainActorsOf } from "../access/roles.js";
import { forbidden } from "../errors/forbidden.js";
import type { UseCaseScope } from "../runner/use-case.js";
import type { ModelFieldsInput } from "./model-inputs.js";

/**
 * Decides and inserts a new draft model, the one way a model is registered (on its own
 * or as a replication): the domain's `draftModel` judges it for the actor's roles,
 * every field code must be in the catalogue (`MODEL.UNKNOWN_FIELD`), and the code must
 * be free (`MODEL.DUPLICATE_CODE`). `check` may refuse the decided model before it is
 * written (a replication checks its place in the tree).
 */
export async function registerDraftModel(
  scope: UseCaseScope,
  input: z.output<typeof ModelFieldsInput>,
  originModelId: string | null,
  check: (model: Model) => Result<unknown> = () => ok(undefined),
): Promise<Result<Model>> {
  const { trx, actor } = scope;
  const tree = await loadUnitTreeFor(trx, [input.ownerUnitId, ...actor.assignments.map((a) => a.unitId)]);
  const modelInput = {
    kind: "collective",
    id: scope.newId(),
    code: input.code,
    name: input.name,
    ownerUnitId: input.ownerUnitId,
    fieldCodes: input.fields,
    annualTheme: input.annualTheme ?? null,
    problem: input.problem,
    solution: input.solution,
    startDate: input.startDate,
    targets: [],
    evidence: [],
    originModelId,
  };
  let decided: ReturnType<typeof draftModel> | undefined;
  for (const domainActor of domainActorsOf(actor)) {
    decided = draftModel(modelInput, { actor: domainActor, at: scope.now.toISOString(), tree });
    if (decided.ok) break;
  }
  if (!decided?.ok) return err(decided?.error ?? forbidden());
  const model = decided.value.model;
  const checked = check(model);
  if (!checked.ok) return checked;
  const unknown = await missingFieldCodes(trx, model.fieldCodes);
  if (unknown.length > 0) return err(unknownFields(unknown));
  if ((await findModelIdByCode(trx, model.code)) !== undefined) return err(duplicateCode(model.code));
  await insertModel(trx, model, decided.value.entry, actor.displayName);
  return ok(model);
}

/** Some field codes are not in the catalogue. */
export function unknownFields(codes: readonly string[]): DomainError<"MODEL.UNKNOWN_FIELD"> {
  return domainError(
    "MODEL.UNKNOWN_FIELD",
    { vi: `Lĩnh vực không có trong danh mục: ${codes.join(", ")}.`, en: `Unknown field codes: ${codes.join(", ")}.` },
    { codes },
  );
}

function duplicateCode(code: string): DomainError<"MODEL.DUPLICATE_CODE"> {
  return domainError(
    "MODEL.DUPLICATE_CODE",
    { vi: `Mã mô hình ${code} đã được dùng.`, en: `The model code ${code} is already used.` },
    { code },
  );
}
