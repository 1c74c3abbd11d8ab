import * as z from "zod/mini";
import { CriteriaIdSchema } from "./scale.js";

/**
 * A configured tie-break: among equal totals, more points on `criterionId` ranks higher
 * (`desc`, the default) or lower (`asc`). After the configured ones, scoring always
 * breaks ties by earlier registration and then by model id, so the order is total.
 *
 * @example
 * TieBreakSchema.parse({ criterionId: "effectiveness" }) // { criterionId: "effectiveness", direction: "desc" }
 */
export const TieBreakSchema = z.strictObject({
  criterionId: CriteriaIdSchema,
  direction: z._default(z.enum(["desc", "asc"]), "desc"),
});
/**
 * A value of {@link TieBreakSchema}.
 *
 * @example
 * const value: TieBreak = TieBreakSchema.parse(json);
 */
export type TieBreak = z.infer<typeof TieBreakSchema>;
