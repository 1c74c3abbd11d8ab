import * as z from "zod";
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
  unitId: z.string().min(1),
  modelId: z.string().min(1).nullable(),
  indicatorCode: z.string().min(1),
  period: PeriodSchema,
  value: z.number(),
});
/** A value parsed by {@link IndicatorValueSchema}. @example const value: IndicatorValue = IndicatorValueSchema.parse(input); */
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;
