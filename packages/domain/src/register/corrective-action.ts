import * as z from "zod";
import { IsoDateSchema } from "../internal/iso-date.js";

/**
 * A corrective action required by a finding: what, by when, when it was completed and
 * when the inspecting unit verified it.
 *
 * @example CorrectiveActionSchema.parse({ id: "a1", description: "Bổ sung hồ sơ", dueDate: "2023-06-30", completedOn: null, verifiedOn: null })
 */
export const CorrectiveActionSchema = z
  .strictObject({
    id: z.string().min(1),
    description: z.string().trim().min(1),
    dueDate: IsoDateSchema,
    completedOn: IsoDateSchema.nullable(),
    verifiedOn: IsoDateSchema.nullable(),
  })
  .refine((a) => a.verifiedOn === null || (a.completedOn !== null && a.completedOn <= a.verifiedOn), {
    message: "an action is verified only after it is completed",
    path: ["verifiedOn"],
  });
/** A value parsed by {@link CorrectiveActionSchema}. @example const value: CorrectiveAction = CorrectiveActionSchema.parse(input); */
export type CorrectiveAction = z.infer<typeof CorrectiveActionSchema>;
