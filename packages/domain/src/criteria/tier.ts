import * as z from "zod/mini";
import { LocalizedTextSchema } from "../errors/index.js";
import { CriteriaIdSchema } from "./scale.js";

/**
 * A tier (xếp loại): totals at or above `min` points, and below the next tier's `min`,
 * fall in it. A set lists its tiers from the highest `min` down to a last tier at 0,
 * so the bands are contiguous by construction (≥ 90, 70–<90, 50–<70, < 50).
 *
 * @example
 * TierSchema.parse({ id: "excellent", label: { vi: "Tiêu biểu xuất sắc", en: "Outstanding" }, min: 90 })
 */
export const TierSchema = z.strictObject({
  id: CriteriaIdSchema,
  label: LocalizedTextSchema,
  min: z.number().check(z.nonnegative()),
});
/**
 * A value of {@link TierSchema}.
 *
 * @example
 * const value: Tier = TierSchema.parse(json);
 */
export type Tier = z.infer<typeof TierSchema>;
