import * as z from "zod";

/**
 * A number with its unit of measure code.
 *
 * @example QuantitySchema.parse({ value: 120, unitCode: "million-vnd" })
 */
export const QuantitySchema = z.strictObject({
  value: z.number().finite(),
  unitCode: z.string().min(1),
});
/** A value parsed by {@link QuantitySchema}. @example const value: Quantity = QuantitySchema.parse(input); */
export type Quantity = z.infer<typeof QuantitySchema>;
