import { type DomainError, domainError } from "../errors/domain-error.js";
import { err, ok, type Result } from "../errors/result.js";
import { findUnitOfMeasure } from "./find-unit-of-measure.js";
import type { IndicatorDefinition } from "./indicator-definition.js";
import { defaultUnitsOfMeasure, type UnitOfMeasure } from "./unit-of-measure.js";

/**
 * Errors of {@link validateIndicatorDefinitions}.
 *
 * @example if (!r.ok && r.error.code === "OUTCOME.PERCENT_NOT_SUMMABLE") suggestWeightedAverage();
 */
export type IndicatorDefinitionError = DomainError<
  | "OUTCOME.UNKNOWN_UNIT"
  | "OUTCOME.DUPLICATE_INDICATOR"
  | "OUTCOME.PERCENT_NOT_SUMMABLE"
  | "OUTCOME.UNKNOWN_WEIGHT_INDICATOR"
  | "OUTCOME.INVALID_WEIGHT_INDICATOR"
>;

/**
 * Checks a set of indicator definitions together: codes unique, units known, a percent
 * never aggregated by `sum`, and every weight indicator present and itself a summable,
 * non-percent indicator.
 *
 * @example
 * validateIndicatorDefinitions([{ code: "x", name, unitCode: "percent", aggregation: { kind: "sum" } }])
 * // err(OUTCOME.PERCENT_NOT_SUMMABLE)
 */
export function validateIndicatorDefinitions(
  definitions: readonly IndicatorDefinition[],
  catalogue: readonly UnitOfMeasure[] = defaultUnitsOfMeasure,
): Result<readonly IndicatorDefinition[], IndicatorDefinitionError> {
  const byCode = new Map<string, IndicatorDefinition>();
  for (const d of definitions) {
    if (byCode.has(d.code)) {
      return err(
        domainError(
          "OUTCOME.DUPLICATE_INDICATOR",
          { vi: `Trùng mã chỉ tiêu "${d.code}"`, en: `Duplicate indicator code "${d.code}"` },
          { indicatorCode: d.code },
        ),
      );
    }
    byCode.set(d.code, d);
  }
  for (const d of definitions) {
    const unit = findUnitOfMeasure(d.unitCode, catalogue);
    if (!unit.ok) return unit;
    if (unit.value.dimension === "percent" && d.aggregation.kind === "sum") {
      return err(
        domainError(
          "OUTCOME.PERCENT_NOT_SUMMABLE",
          {
            vi: `Chỉ tiêu "${d.code}" tính bằng % nên không được cộng dồn; hãy dùng bình quân gia quyền hoặc không tổng hợp`,
            en: `Indicator "${d.code}" is a percentage and cannot be summed; use a weighted average or no aggregation`,
          },
          { indicatorCode: d.code },
        ),
      );
    }
    if (d.aggregation.kind === "weighted-average") {
      const weight = byCode.get(d.aggregation.weightIndicatorCode);
      if (weight === undefined) {
        return err(
          domainError(
            "OUTCOME.UNKNOWN_WEIGHT_INDICATOR",
            {
              vi: `Chỉ tiêu trọng số "${d.aggregation.weightIndicatorCode}" không tồn tại`,
              en: `Weight indicator "${d.aggregation.weightIndicatorCode}" does not exist`,
            },
            { indicatorCode: d.code, weightIndicatorCode: d.aggregation.weightIndicatorCode },
          ),
        );
      }
      const weightUnit = findUnitOfMeasure(weight.unitCode, catalogue);
      if (!weightUnit.ok) return weightUnit;
      if (weight.aggregation.kind !== "sum" || weightUnit.value.dimension === "percent") {
        return err(
          domainError(
            "OUTCOME.INVALID_WEIGHT_INDICATOR",
            {
              vi: `Chỉ tiêu trọng số "${weight.code}" phải là chỉ tiêu cộng dồn được`,
              en: `Weight indicator "${weight.code}" must be a summed, non-percent indicator`,
            },
            { indicatorCode: d.code, weightIndicatorCode: weight.code },
          ),
        );
      }
    }
  }
  return ok(definitions);
}
