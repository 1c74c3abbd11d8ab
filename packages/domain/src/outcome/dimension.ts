import * as z from "zod/mini";

/**
 * What a unit of measure measures. Conversion is only possible within one dimension;
 * each dimension also decides which values are valid (see `validateIndicatorValue`).
 *
 * @example DimensionSchema.parse("money")
 */
export const DimensionSchema = z.enum([
  "length",
  "area",
  "mass",
  "money",
  "labour",
  "households",
  "cattle",
  "people",
  "count",
  "percent",
]);
/** A value parsed by {@link DimensionSchema}. @example const value: Dimension = DimensionSchema.parse(input); */
export type Dimension = z.infer<typeof DimensionSchema>;
