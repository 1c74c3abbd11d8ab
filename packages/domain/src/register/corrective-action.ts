import * as z from "zod/mini";
import { IsoDateSchema } from "../internal/iso-date.js";

/**
 * A corrective action required by a finding: what, by when, when it was completed and
 * when the inspecting unit verified it.
 *
 * @example CorrectiveActionSchema.parse({ id: "a1", description: "Bổ sung hồ sơ", dueDate: "2023-06-30", completedOn: null, verifiedOn: null })
 */
export const CorrectiveActionSchema = z
  .strictObject({
    id: z.string().check(z.minLength(1)),
    description: z.string().check(z.trim(), z.minLength(1)),
    dueDate: IsoDateSchema,
    completedOn: z.nullable(IsoDateSchema),
    verifiedOn: z.nullable(IsoDateSchema),
  })
  .check(
    z.refine((a) => a.verifiedOn === null || (a.completedOn !== null && a.completedOn <= a.verifiedOn), {
      message: "an action is verified only after it is completed",
      params: { vi: "biện pháp chỉ được xác nhận sau khi hoàn thành" },
      path: ["verifiedOn"],
    }),
  );
/** A value parsed by {@link CorrectiveActionSchema}. @example const value: CorrectiveAction = CorrectiveActionSchema.parse(input); */
export type CorrectiveAction = z.infer<typeof CorrectiveActionSchema>;
