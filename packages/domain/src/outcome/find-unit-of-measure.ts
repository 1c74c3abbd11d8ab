import { type DomainError, domainError } from "../errors/domain-error.js";
import { err, ok, type Result } from "../errors/result.js";
import { defaultUnitsOfMeasure, type UnitOfMeasure } from "./unit-of-measure.js";

/**
 * Looks a unit of measure up by code; `OUTCOME.UNKNOWN_UNIT` if the catalogue lacks it.
 *
 * @example findUnitOfMeasure("km") // ok({ code: "km", dimension: "length", factor: 1000, ... })
 */
export function findUnitOfMeasure(
  code: string,
  catalogue: readonly UnitOfMeasure[] = defaultUnitsOfMeasure,
): Result<UnitOfMeasure, DomainError<"OUTCOME.UNKNOWN_UNIT">> {
  const unit = catalogue.find((u) => u.code === code);
  if (unit !== undefined) return ok(unit);
  return err(
    domainError(
      "OUTCOME.UNKNOWN_UNIT",
      { vi: `Không có đơn vị tính "${code}"`, en: `Unknown unit of measure "${code}"` },
      { unitCode: code },
    ),
  );
}
