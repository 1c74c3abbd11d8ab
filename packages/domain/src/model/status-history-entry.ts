import * as z from "zod";
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
  modelId: z.string().min(1),
  from: ModelStatusSchema.nullable(),
  to: ModelStatusSchema,
  command: ModelActionSchema,
  by: z.string().min(1),
  at: IsoDateTimeSchema,
  reason: z.string().trim().min(1).nullable(),
});
/** A value parsed by {@link StatusHistoryEntrySchema}. @example const value: StatusHistoryEntry = StatusHistoryEntrySchema.parse(input); */
export type StatusHistoryEntry = z.infer<typeof StatusHistoryEntrySchema>;
