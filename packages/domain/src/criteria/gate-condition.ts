import * as z from "zod/mini";
import { InputCodeSchema } from "./indicator-rule.js";

/**
 * What a `gate` checks on a model's facts (a discriminated union on `kind`):
 * - `running-months`: running at least `months` full calendar months at the round's reference date;
 * - `evidence`: at least `atLeast` pieces of evidence attached;
 * - `not-disciplined`: the owner unit was not disciplined in the period;
 * - `indicator`: an indicator value compared with a number (a missing value fails);
 * - `formula`: a boolean formula over the inputs and facts.
 *
 * @example
 * GateConditionSchema.parse({ kind: "running-months", months: 12 })
 */
export const GateConditionSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("running-months"), months: z.int().check(z.nonnegative(), z.lte(1200)) }),
  z.strictObject({ kind: z.literal("evidence"), atLeast: z._default(z.int().check(z.positive()), 1) }),
  z.strictObject({ kind: z.literal("not-disciplined") }),
  z.strictObject({
    kind: z.literal("indicator"),
    input: InputCodeSchema,
    op: z.enum([">=", ">", "<=", "<", "==", "!="]),
    value: z.number(),
  }),
  z.strictObject({ kind: z.literal("formula"), expression: z.string().check(z.minLength(1)) }),
]);
/**
 * A value of {@link GateConditionSchema}.
 *
 * @example
 * const value: GateCondition = GateConditionSchema.parse(json);
 */
export type GateCondition = z.infer<typeof GateConditionSchema>;
