import * as z from "zod/mini";
import { type DomainError, domainError } from "../errors/domain-error.js";
import { err, type Result } from "../errors/result.js";
import type { Model } from "./model.js";
import type { ModelStatus } from "./model-status.js";
import { parseModel } from "./parse-model.js";

/**
 * What the owner unit may change in a model's description; a field left out keeps its
 * value, `annualTheme: null` clears it. `personName` applies to individual models only.
 *
 * @example ModelChangesSchema.parse({ name: "Heo đất nghĩa tình", fieldCodes: ["social-welfare"] })
 */
export const ModelChangesSchema = z.partial(
  z.strictObject({
    name: z.string(),
    personName: z.string(),
    fieldCodes: z.array(z.string()),
    annualTheme: z.nullable(z.string()),
    problem: z.string(),
    solution: z.string(),
    startDate: z.string(),
  }),
);
/** A value parsed by {@link ModelChangesSchema}. @example const value: ModelChanges = ModelChangesSchema.parse(input); */
export type ModelChanges = z.infer<typeof ModelChangesSchema>;

/** Statuses in which a model's description may still change: before approval, or sent back. */
export const editableModelStatuses: readonly ModelStatus[] = ["draft", "returned"];

/**
 * Applies changes to a draft or returned model and checks the result with the model
 * schema. `MODEL.NOT_EDITABLE` once it is submitted or later (its description is what
 * was approved); `MODEL.INVALID` with `details.issues` when the result breaks the schema.
 * A blank annual theme clears it. Nothing is mutated.
 *
 * @example
 * editModel(draft, { name: "Heo đất nghĩa tình" }) // ok(model with the new name)
 * editModel(submitted, { name: "x" }) // err(MODEL.NOT_EDITABLE)
 */
export function editModel(
  model: Model,
  changes: ModelChanges,
): Result<Model, DomainError<"MODEL.NOT_EDITABLE" | "MODEL.INVALID">> {
  if (!editableModelStatuses.includes(model.status)) {
    return err(
      domainError(
        "MODEL.NOT_EDITABLE",
        {
          vi: "Chỉ sửa được mô hình đang là bản nháp hoặc bị trả lại.",
          en: "Only a draft or returned model can be edited.",
        },
        { status: model.status },
      ),
    );
  }
  const { personName, annualTheme, ...rest } = changes;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  return parseModel({
    ...model,
    ...defined,
    ...(personName === undefined || model.kind !== "individual" ? {} : { personName }),
    ...(annualTheme === undefined ? {} : { annualTheme: annualTheme?.trim() || null }),
  });
}
