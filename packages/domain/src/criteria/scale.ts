import * as z from "zod/mini";
import { LocalizedTextSchema } from "../errors/index.js";

/**
 * An identifier of a criterion, group, scale, band, tier or quota: letters, digits, `-`, `_`.
 *
 * @example
 * CriteriaIdSchema.parse("running-12-months")
 */
export const CriteriaIdSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/));

/**
 * A described band of a rating scale, an inclusive range of scale values
 * ("entirely new: 27–30").
 *
 * @example
 * ScaleBandSchema.parse({ id: "entirely-new", label: { vi: "Hoàn toàn mới", en: "Entirely new" }, min: 27, max: 30 })
 */
export const ScaleBandSchema = z.strictObject({
  id: CriteriaIdSchema,
  label: LocalizedTextSchema,
  description: z.optional(LocalizedTextSchema),
  min: z.number(),
  max: z.number(),
});
/**
 * A value of {@link ScaleBandSchema}.
 *
 * @example
 * const value: ScaleBand = ScaleBandSchema.parse(json);
 */
export type ScaleBand = z.infer<typeof ScaleBandSchema>;

/**
 * A rating scale reviewers score on: `min`..`max` in steps of `step`, with described
 * bands. Values must have at most three decimals (they are handled as milli-units).
 *
 * @example
 * ScaleSchema.parse({ id: "novelty-30", label: { vi: "Thang 0–30", en: "0–30 scale" }, min: 0, max: 30, step: 1, bands: [] })
 */
export const ScaleSchema = z.strictObject({
  id: CriteriaIdSchema,
  label: LocalizedTextSchema,
  min: z.number(),
  max: z.number(),
  step: z.number().check(z.positive()),
  bands: z._default(z.array(ScaleBandSchema).check(z.maxLength(50)), []),
});
/**
 * A value of {@link ScaleSchema}.
 *
 * @example
 * const value: Scale = ScaleSchema.parse(json);
 */
export type Scale = z.infer<typeof ScaleSchema>;
