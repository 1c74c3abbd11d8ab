import * as z from "zod";

/**
 * Bounds that keep a formula cheap to parse and evaluate whatever an admin types.
 * Evaluation has no loops, so the step bound is a second line of defence: every node
 * is visited at most once, and `maxSteps` caps that count.
 *
 * @example
 * FormulaLimitsSchema.parse({}) // { maxSourceLength: 2000, maxNodes: 500, maxDepth: 64, maxSteps: 10000 }
 */
export const FormulaLimitsSchema = z.strictObject({
  maxSourceLength: z.number().int().positive().default(2000),
  maxNodes: z.number().int().positive().default(500),
  maxDepth: z.number().int().positive().max(256).default(64),
  maxSteps: z.number().int().positive().default(10_000),
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
