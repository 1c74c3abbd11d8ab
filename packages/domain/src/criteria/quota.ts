import * as z from "zod";
import { CriteriaIdSchema } from "./scale.js";

/**
 * A cap on a tier: at most `percent` % of the number of models whose score falls in
 * tier `ofTierId` may end in tier `tierId` (practice: "excellent" ≤ 20 % of "good").
 *
 * The overflow rule, fixed and documented: the allowance is ⌊base × percent ÷ 100⌋,
 * where base counts qualified models whose *score* falls in `ofTierId`, before any
 * quota is applied; models of `tierId` beyond the allowance, taken in ranking order
 * (total, then tie-breaks), are demoted to the tier immediately below `tierId`.
 * Quotas apply from the highest tier down. With `scope: "unit-group"` each unit group
 * is counted and capped on its own.
 *
 * @example
 * QuotaSchema.parse({ kind: "share-of-tier", tierId: "excellent", ofTierId: "good", percent: 20 })
 */
export const QuotaSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("share-of-tier"),
    tierId: CriteriaIdSchema,
    ofTierId: CriteriaIdSchema,
    percent: z.number().nonnegative().max(1000),
    scope: z.enum(["round", "unit-group"]).default("round"),
  }),
]);
/**
 * A value of {@link QuotaSchema}.
 *
 * @example
 * const value: Quota = QuotaSchema.parse(json);
 */
export type Quota = z.infer<typeof QuotaSchema>;
