import { type DomainError, domainError } from "../errors/domain-error.js";
import { err, ok, type Result } from "../errors/result.js";
import { decimalFromNumber, isWholeDecimal, multiplyDecimals } from "../internal/exact-decimal.js";
import { findUnitOfMeasure } from "./find-unit-of-measure.js";
import type { IndicatorDefinition } from "./indicator-definition.js";
import type { IndicatorValue } from "./indicator-value.js";
import { defaultUnitsOfMeasure, type UnitOfMeasure } from "./unit-of-measure.js";

/**
 * Errors of {@link validateIndicatorValue}.
 *
 * @example if (!r.ok) showFieldError(r.error.message.vi); // "Tỷ lệ phần trăm phải từ 0 đến 100"
 */
export type IndicatorValueError = DomainError<
  | "OUTCOME.NOT_FINITE"
  | "OUTCOME.NEGATIVE"
  | "OUTCOME.NOT_WHOLE"
  | "OUTCOME.PERCENT_OUT_OF_RANGE"
  | "OUTCOME.MONEY_FRACTIONAL_DONG"
  | "OUTCOME.WRONG_INDICATOR"
  | "OUTCOME.UNKNOWN_UNIT"
>;

/**
 * Checks a value against its indicator's unit: finite and non-negative always; a percent
 * within 0..100; households, head of cattle, people and counts whole; money a whole
 * number of đồng once converted (0.5 triệu đồng is fine, 0.0000005 triệu đồng is not).
 *
 * @example
 * validateIndicatorValue({ ...v, value: 101 }, percentIndicator) // err(OUTCOME.PERCENT_OUT_OF_RANGE)
 * validateIndicatorValue({ ...v, value: 2.5 }, peopleIndicator) // err(OUTCOME.NOT_WHOLE)
 */
export function validateIndicatorValue(
  value: IndicatorValue,
  definition: IndicatorDefinition,
  catalogue: readonly UnitOfMeasure[] = defaultUnitsOfMeasure,
): Result<IndicatorValue, IndicatorValueError> {
  const fail = (code: IndicatorValueError["code"], vi: string, en: string) =>
    err(domainError(code, { vi, en }, { indicatorCode: definition.code, unitId: value.unitId, value: value.value }));
  if (value.indicatorCode !== definition.code) {
    return fail(
      "OUTCOME.WRONG_INDICATOR",
      `Giá trị thuộc chỉ tiêu "${value.indicatorCode}", không phải "${definition.code}"`,
      `The value belongs to indicator "${value.indicatorCode}", not "${definition.code}"`,
    );
  }
  const unit = findUnitOfMeasure(definition.unitCode, catalogue);
  if (!unit.ok) return unit;
  const n = value.value;
  if (!Number.isFinite(n))
    return fail("OUTCOME.NOT_FINITE", "Giá trị phải là một số hữu hạn", "The value must be a finite number");
  if (n < 0) return fail("OUTCOME.NEGATIVE", "Giá trị không được âm", "The value must not be negative");

  const dimension = unit.value.dimension;
  switch (dimension) {
    case "percent":
      if (n > 100) {
        return fail(
          "OUTCOME.PERCENT_OUT_OF_RANGE",
          "Tỷ lệ phần trăm phải từ 0 đến 100",
          "A percentage must be between 0 and 100",
        );
      }
      break;
    case "households":
    case "cattle":
    case "people":
    case "count":
      if (!Number.isInteger(n)) {
        return fail(
          "OUTCOME.NOT_WHOLE",
          `Giá trị ${unit.value.symbol.vi || "đếm"} phải là số nguyên`,
          `A ${dimension} value must be a whole number`,
        );
      }
      break;
    case "money": {
      // factor counts the dimension's smallest unit, i.e. đồng.
      const inDong = multiplyDecimals(decimalFromNumber(n), { coefficient: BigInt(unit.value.factor), exponent: 0 });
      if (!isWholeDecimal(inDong)) {
        return fail(
          "OUTCOME.MONEY_FRACTIONAL_DONG",
          "Số tiền phải là số nguyên đồng",
          "A money amount must be a whole number of đồng",
        );
      }
      break;
    }
    case "length":
    case "area":
    case "mass":
    case "labour":
      break;
    default: {
      const never: never = dimension;
      return never;
    }
  }
  return ok(value);
}
