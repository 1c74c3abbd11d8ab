import * as z from "zod/mini";

/**
 * A number with its unit of measure code.
 *
 * @example QuantitySchema.parse({ value: 120, unitCode: "million-vnd" })
 */
export const QuantitySchema = z.strictObject({
  value: z.number(),
  unitCode: z.string().check(z.minLength(1)),
});
/** A value parsed by {@link QuantitySchema}. @example const value: Quantity = QuantitySchema.parse(input); */
export type Quantity = z.infer<typeof QuantitySchema>;
