import * as z from "zod/mini";

/**
 * Bounds that keep a formula cheap to parse and evaluate whatever an admin types.
 * Evaluation has no loops, so the step bound is a second line of defence: every node
 * is visited at most once, and `maxSteps` caps that count.
 *
 * @example
 * FormulaLimitsSchema.parse({}) // { maxSourceLength: 2000, maxNodes: 500, maxDepth: 64, maxSteps: 10000 }
 */
export const FormulaLimitsSchema = z.strictObject({
  maxSourceLength: z._default(z.int().check(z.positive()), 2000),
  maxNodes: z._default(z.int().check(z.positive()), 500),
  maxDepth: z._default(z.int().check(z.positive(), z.lte(256)), 64),
  maxSteps: z._default(z.int().check(z.positive()), 10_000),
});
/**
 * A value of {@link FormulaLimitsSchema}.
 *
 * @example
 * const value: FormulaLimits = FormulaLimitsSchema.parse(json);
 */
export type FormulaLimits = z.infer<typeof FormulaLimitsSchema>;

/**
 * The limits used when none are given.
 *
 * @example
 * DEFAULT_FORMULA_LIMITS.maxDepth // 64
 */
export const DEFAULT_FORMULA_LIMITS: FormulaLimits = Object.freeze(FormulaLimitsSchema.parse({}));
