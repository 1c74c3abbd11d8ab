import * as z from "zod/mini";

/**
 * Where a model is in its lifecycle: `draft` → `submitted` → `approved` | `returned`
 * (`returned` → `submitted` after edits) → `active` → `archived`, and `suspended`
 * (from `approved` or `active`, after an inspection finding) until reinstated.
 *
 * @example ModelStatusSchema.parse("submitted")
 */
export const ModelStatusSchema = z.enum([
  "draft",
  "submitted",
  "returned",
  "approved",
  "active",
  "suspended",
  "archived",
]);
/** A value parsed by {@link ModelStatusSchema}. @example const value: ModelStatus = ModelStatusSchema.parse(input); */
export type ModelStatus = z.infer<typeof ModelStatusSchema>;
