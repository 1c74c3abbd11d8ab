import * as z from "zod/mini";
import { IsoDateTimeSchema } from "../internal/iso-date.js";
import { ModelActionSchema } from "./model-command.js";
import { ModelStatusSchema } from "./model-status.js";

/**
 * One line of a model's status history: who moved it from which status to which, when,
 * by which command and why. `from` is `null` for the entry that creates the draft.
 *
 * @example
 * StatusHistoryEntrySchema.parse({ modelId: "m1", from: "submitted", to: "returned", command: "return",
 *   by: "user-7", at: "2022-03-01T08:00:00+07:00", reason: "Thiếu minh chứng" })
 */
export const StatusHistoryEntrySchema = z.strictObject({
  modelId: z.string().check(z.minLength(1)),
  from: z.nullable(ModelStatusSchema),
  to: ModelStatusSchema,
  command: ModelActionSchema,
  by: z.string().check(z.minLength(1)),
  at: IsoDateTimeSchema,
  reason: z.nullable(z.string().check(z.trim(), z.minLength(1))),
});
/** A value parsed by {@link StatusHistoryEntrySchema}. @example const value: StatusHistoryEntry = StatusHistoryEntrySchema.parse(input); */
export type StatusHistoryEntry = z.infer<typeof StatusHistoryEntrySchema>;
