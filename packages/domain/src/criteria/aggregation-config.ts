import * as z from "zod/mini";

/**
 * How verifiers' ratings of one criterion combine (a discriminated union on `kind`):
 * `mean`; `median` (mean of the two middle ratings when even); `trimmed-mean` dropping
 * ⌊n × trimFraction⌋ ratings at each end (with 3 reviewers and 1/3, the high and the low).
 *
 * @example
 * AggregationMethodSchema.parse({ kind: "trimmed-mean", trimFraction: 0.2 })
 */
export const AggregationMethodSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("mean") }),
  z.strictObject({ kind: z.literal("median") }),
  z.strictObject({ kind: z.literal("trimmed-mean"), trimFraction: z.number().check(z.gte(0), z.lt(0.5)) }),
]);
/**
 * A value of {@link AggregationMethodSchema}.
 *
 * @example
 * const value: AggregationMethod = AggregationMethodSchema.parse(json);
 */
export type AggregationMethod = z.infer<typeof AggregationMethodSchema>;

/**
 * Aggregation across reviewers, in one place of the set:
 * - `method` combines verifiers' ratings per criterion;
 * - `minReviewers`: fewer verifiers than this is reported (not an error; none at all is);
 * - `disagreement`: when the spread (max − min) of reviewers' points on a rating
 *   criterion, or of their rating totals, exceeds the gap, another reviewer is required;
 * - `calibration`: z-score each verifier's ratings of a criterion across the round and
 *   map them back with the pooled mean and standard deviation, clamped to the scale;
 *   only for reviewers with at least `minRatingsPerReviewer` ratings of it.
 *
 * @example
 * AggregationConfigSchema.parse({}) // { method: { kind: "mean" }, minReviewers: 2, calibration: { enabled: false, minRatingsPerReviewer: 5 } }
 */
export const AggregationConfigSchema = z.strictObject({
  method: z._default(AggregationMethodSchema, { kind: "mean" }),
  minReviewers: z._default(z.int().check(z.positive(), z.lte(50)), 2),
  disagreement: z.optional(
    z.strictObject({
      criterionGap: z.optional(z.number().check(z.nonnegative())),
      totalGap: z.optional(z.number().check(z.nonnegative())),
    }),
  ),
  calibration: z._default(
    z.strictObject({
      enabled: z._default(z.boolean(), false),
      minRatingsPerReviewer: z._default(z.int().check(z.gte(2)), 5),
    }),
    { enabled: false, minRatingsPerReviewer: 5 },
  ),
});
/**
 * A value of {@link AggregationConfigSchema}.
 *
 * @example
 * const value: AggregationConfig = AggregationConfigSchema.parse(json);
 */
export type AggregationConfig = z.infer<typeof AggregationConfigSchema>;
