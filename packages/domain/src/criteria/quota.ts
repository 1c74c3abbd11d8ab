import * as z from "zod/mini";
import { CriteriaIdSchema } from "./scale.js";

/**
 * A cap on a tier (a discriminated union on `kind`):
 * - `share-of-tier`: at most `percent` % of the number of models whose score falls in
 *   tier `ofTierId` may end in tier `tierId` (practice: "excellent" ≤ 20 % of "good");
 * - `share-of-qualified`: at most `percent` % of the qualified models may end in tier
 *   `tierId` (the way Vietnamese commendation rules are usually written: "không quá 20 %").
 *
 * The overflow rule, fixed and documented: the allowance is ⌊base × percent ÷ 100⌋,
 * where base counts qualified models whose *score* falls in `ofTierId` (or every
 * qualified model), before any quota is applied; models of `tierId` beyond the
 * allowance, taken in ranking order (total, then tie-breaks, then earlier registration,
 * then model id), are demoted to the tier immediately below `tierId`. A tie on merit at
 * the boundary is therefore broken by registration time, and the result says so.
 * Quotas apply from the highest tier down. With `scope: "unit-group"` each unit group is
 * counted and capped on its own.
 *
 * @example
 * QuotaSchema.parse({ kind: "share-of-tier", tierId: "excellent", ofTierId: "good", percent: 20 })
 * QuotaSchema.parse({ kind: "share-of-qualified", tierId: "excellent", percent: 20 })
 */
export const QuotaSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("share-of-tier"),
    tierId: CriteriaIdSchema,
    ofTierId: CriteriaIdSchema,
    percent: z.number().check(z.nonnegative(), z.lte(1000)),
    scope: z._default(z.enum(["round", "unit-group"]), "round"),
  }),
  z.strictObject({
    kind: z.literal("share-of-qualified"),
    tierId: CriteriaIdSchema,
    percent: z.number().check(z.nonnegative(), z.lte(100)),
    scope: z._default(z.enum(["round", "unit-group"]), "round"),
  }),
]);
/**
 * A value of {@link QuotaSchema}.
 *
 * @example
 * const value: Quota = QuotaSchema.parse(json);
 */
export type Quota = z.infer<typeof QuotaSchema>;
