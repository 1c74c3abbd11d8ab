import * as z from "zod/mini";
import { PeriodSchema } from "./period.js";

/**
 * One measured value of an indicator for a unit (and, optionally, one of its models)
 * over a period, in the indicator's unit of measure.
 *
 * @example
 * IndicatorValueSchema.parse({ unitId: "chqs", modelId: "m-qs", indicatorCode: "road-length",
 *   period: { kind: "year", year: 2019 }, value: 3 })
 */
export const IndicatorValueSchema = z.strictObject({
  unitId: z.string().check(z.minLength(1)),
  modelId: z.nullable(z.string().check(z.minLength(1))),
  indicatorCode: z.string().check(z.minLength(1)),
  period: PeriodSchema,
  value: z.number(),
});
/** A value parsed by {@link IndicatorValueSchema}. @example const value: IndicatorValue = IndicatorValueSchema.parse(input); */
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;
