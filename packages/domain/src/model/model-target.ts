import * as z from "zod/mini";

/**
 * What a model commits to reach: an indicator, a target value and its unit of measure
 * (a code of the outcome unit catalogue, e.g. `km`, `million-vnd`, `people`).
 *
 * @example ModelTargetSchema.parse({ indicatorCode: "road-length", targetValue: 3, unitCode: "km" })
 */
export const ModelTargetSchema = z.strictObject({
  indicatorCode: z.string().check(z.minLength(1)),
  targetValue: z.number().check(z.nonnegative()),
  unitCode: z.string().check(z.minLength(1)),
});
/** A value parsed by {@link ModelTargetSchema}. @example const value: ModelTarget = ModelTargetSchema.parse(input); */
export type ModelTarget = z.infer<typeof ModelTargetSchema>;
