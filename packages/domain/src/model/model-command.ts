import * as z from "zod/mini";

const reason = z.optional(z.string());

/**
 * A request to move a model through its lifecycle. Whether `reason` is required is
 * decided by the lifecycle rule (return, suspend and archive need one), so a missing
 * reason surfaces as `MODEL.REASON_REQUIRED`, not a schema error.
 *
 * @example ModelCommandSchema.parse({ kind: "return", reason: "Thiếu số liệu kết quả" })
 */
export const ModelCommandSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("submit"), reason }),
  z.strictObject({ kind: z.literal("withdraw"), reason }),
  z.strictObject({ kind: z.literal("approve"), reason }),
  z.strictObject({ kind: z.literal("return"), reason }),
  z.strictObject({ kind: z.literal("activate"), reason }),
  z.strictObject({ kind: z.literal("suspend"), reason, findingId: z.optional(z.string().check(z.minLength(1))) }),
  z.strictObject({ kind: z.literal("reinstate"), reason }),
  z.strictObject({ kind: z.literal("archive"), reason }),
]);
/** A value parsed by {@link ModelCommandSchema}. @example const value: ModelCommand = ModelCommandSchema.parse(input); */
export type ModelCommand = z.infer<typeof ModelCommandSchema>;

/**
 * The command names, plus `draft` (creating a model), as used by lifecycle rules.
 *
 * @example ModelActionSchema.parse("draft")
 */
export const ModelActionSchema = z.enum([
  "draft",
  "submit",
  "withdraw",
  "approve",
  "return",
  "activate",
  "suspend",
  "reinstate",
  "archive",
]);
/** A value parsed by {@link ModelActionSchema}. @example const value: ModelAction = ModelActionSchema.parse(input); */
export type ModelAction = z.infer<typeof ModelActionSchema>;
