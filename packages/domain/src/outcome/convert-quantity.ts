import { type DomainError, domainError } from "../errors/domain-error.js";
import { err, ok, type Result } from "../errors/result.js";
import {
  decimalFromNumber,
  decimalToNumber,
  divideDecimal,
  type ExactDecimal,
  multiplyDecimals,
} from "../internal/exact-decimal.js";
import { findUnitOfMeasure } from "./find-unit-of-measure.js";
import type { Quantity } from "./quantity.js";
import { defaultUnitsOfMeasure, type UnitOfMeasure } from "./unit-of-measure.js";

/**
 * Errors of {@link convertQuantity}.
 *
 * @example if (!r.ok && r.error.code === "OUTCOME.INCOMPATIBLE_UNITS") showUnitMismatch(r.error);
 */
export type ConversionError = DomainError<"OUTCOME.UNKNOWN_UNIT" | "OUTCOME.INCOMPATIBLE_UNITS">;

/**
 * Converts a quantity to another unit of the same dimension. The arithmetic is exact in
 * decimal (2.1 tỷ đồng is 2,100 triệu đồng, not 2,100.0000000000005); the result is the
 * nearest JS number. Converting across dimensions (km → kg) is `OUTCOME.INCOMPATIBLE_UNITS`.
 *
 * @example
 * convertQuantity({ value: 2.1, unitCode: "billion-vnd" }, "million-vnd") // ok({ value: 2100, unitCode: "million-vnd" })
 * convertQuantity({ value: 3, unitCode: "km" }, "kg") // err(OUTCOME.INCOMPATIBLE_UNITS)
 */
export function convertQuantity(
  quantity: Quantity,
  toUnitCode: string,
  catalogue: readonly UnitOfMeasure[] = defaultUnitsOfMeasure,
): Result<Quantity, ConversionError> {
  const exact = convertExact(decimalFromNumber(quantity.value), quantity.unitCode, toUnitCode, catalogue);
  if (!exact.ok) return exact;
  return ok({ value: decimalToNumber(exact.value), unitCode: toUnitCode });
}

/**
 * {@link convertQuantity} on exact decimals, for roll-ups that must not round.
 *
 * @example convertExact(decimalFromNumber(3), "km", "m") // ok(3000 exactly)
 */
export function convertExact(
  value: ExactDecimal,
  fromUnitCode: string,
  toUnitCode: string,
  catalogue: readonly UnitOfMeasure[] = defaultUnitsOfMeasure,
): Result<ExactDecimal, ConversionError> {
  const from = findUnitOfMeasure(fromUnitCode, catalogue);
  if (!from.ok) return from;
  const to = findUnitOfMeasure(toUnitCode, catalogue);
  if (!to.ok) return to;
  if (from.value.dimension !== to.value.dimension) {
    return err(
      domainError(
        "OUTCOME.INCOMPATIBLE_UNITS",
        {
          vi: `Không thể đổi ${from.value.symbol.vi || from.value.code} sang ${to.value.symbol.vi || to.value.code}: khác loại đại lượng`,
          en: `Cannot convert ${from.value.code} (${from.value.dimension}) to ${to.value.code} (${to.value.dimension})`,
        },
        { from: fromUnitCode, to: toUnitCode, fromDimension: from.value.dimension, toDimension: to.value.dimension },
      ),
    );
  }
  const inBase = multiplyDecimals(value, { coefficient: BigInt(from.value.factor), exponent: 0 });
  return ok(divideDecimal(inBase, BigInt(to.value.factor)));
}
