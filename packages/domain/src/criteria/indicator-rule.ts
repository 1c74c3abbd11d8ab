import * as z from "zod/mini";

/**
 * The code of a declared input: an identifier usable in formulas.
 *
 * @example
 * InputCodeSchema.parse("adopters")
 */
export const InputCodeSchema = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z_][A-Za-z0-9_]*$/));

/**
 * How an `indicator` criterion turns a model's indicator value into points
 * (a discriminated union on `kind`; results are clamped to [0, points]):
 * - `linear`: 0 at `from`, full points at `to` (use `from > to` when lower is better);
 * - `thresholds`: the points of the highest step whose `atLeast` the value reaches, else 0;
 * - `ratio-to-target`: points × min(value ÷ target, cap);
 * - `relative-to-best`: points × value ÷ the highest value in the round (0 if the best is ≤ 0).
 *
 * @example
 * IndicatorRuleSchema.parse({ kind: "relative-to-best", input: "votes" }) // 20 × votes ÷ highest votes
 */
export const IndicatorRuleSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("linear"), input: InputCodeSchema, from: z.number(), to: z.number() }),
  z.strictObject({
    kind: z.literal("thresholds"),
    input: InputCodeSchema,
    steps: z
      .array(z.strictObject({ atLeast: z.number(), points: z.number().check(z.nonnegative()) }))
      .check(z.minLength(1), z.maxLength(50)),
  }),
  z.strictObject({
    kind: z.literal("ratio-to-target"),
    input: InputCodeSchema,
    target: z.number().check(z.positive()),
    cap: z._default(z.number().check(z.positive(), z.lte(1)), 1),
  }),
  z.strictObject({ kind: z.literal("relative-to-best"), input: InputCodeSchema }),
]);
/**
 * A value of {@link IndicatorRuleSchema}.
 *
 * @example
 * const value: IndicatorRule = IndicatorRuleSchema.parse(json);
 */
export type IndicatorRule = z.infer<typeof IndicatorRuleSchema>;
