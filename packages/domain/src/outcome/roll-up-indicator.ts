import type { DomainError, LocalizedText } from "../errors/domain-error.js";
import { domainError } from "../errors/domain-error.js";
import { err, ok, type Result } from "../errors/result.js";
import {
  addDecimals,
  decimalFromNumber,
  decimalToNumber,
  decimalToString,
  divideDecimal,
  type ExactDecimal,
  multiplyDecimals,
  ZERO_DECIMAL,
} from "../internal/exact-decimal.js";
import { unitNotFound } from "../org/unit-not-found.js";
import type { UnitTree } from "../org/unit-tree.js";
import { findUnitOfMeasure } from "./find-unit-of-measure.js";
import type { IndicatorDefinition } from "./indicator-definition.js";
import type { IndicatorValue } from "./indicator-value.js";
import { type Period, periodContains, periodKey, periodsOverlap } from "./period.js";
import type { UnitOfMeasure } from "./unit-of-measure.js";
import { defaultUnitsOfMeasure } from "./unit-of-measure.js";
import { type IndicatorValueError, validateIndicatorValue } from "./validate-indicator-value.js";

/**
 * A sum: the nearest number, the exact decimal as a string, and how many values it adds.
 *
 * @example { value: 3450, exact: "3450", count: 3 }
 */
export interface SumCell {
  readonly value: number;
  readonly exact: string;
  readonly count: number;
}

/**
 * A weighted average (`null` when there is no weight), the total weight, and how many values.
 *
 * @example { value: 86, weight: "50", count: 2 }
 */
export interface AverageCell {
  readonly value: number | null;
  readonly weight: string;
  readonly count: number;
}

/**
 * The roll-up of one indicator over the whole unit tree, for every unit: `own` (values
 * recorded on the unit itself) and `total` (the unit and everything below it).
 * `not-aggregated` lists the values instead, with the reason.
 *
 * @example if (r.kind === "sum") r.units["huyen"]?.total.exact // "3450"
 */
export type IndicatorRollUp =
  | {
      readonly kind: "sum";
      readonly indicatorCode: string;
      readonly unitCode: string;
      readonly units: Readonly<Record<string, { readonly own: SumCell; readonly total: SumCell }>>;
    }
  | {
      readonly kind: "weighted-average";
      readonly indicatorCode: string;
      readonly unitCode: string;
      readonly weightIndicatorCode: string;
      readonly units: Readonly<Record<string, { readonly own: AverageCell; readonly total: AverageCell }>>;
      /** Values left out because no weight was recorded for the same unit, model and period. */
      readonly unweighted: readonly IndicatorValue[];
    }
  | {
      readonly kind: "not-aggregated";
      readonly indicatorCode: string;
      readonly unitCode: string;
      readonly reason: LocalizedText;
      readonly values: readonly IndicatorValue[];
    };

/**
 * Errors of {@link rollUpIndicator}.
 *
 * @example if (!r.ok && r.error.code === "OUTCOME.OVERLAPPING_PERIODS") r.error.details?.periods // ["2022", "2022-05"]
 */
export type RollUpError =
  | IndicatorValueError
  | DomainError<
      | "OUTCOME.DUPLICATE_VALUE"
      | "OUTCOME.PERCENT_NOT_SUMMABLE"
      | "OUTCOME.OVERLAPPING_PERIODS"
      | "OUTCOME.UNKNOWN_WEIGHT_INDICATOR"
      | "ORG.UNIT_NOT_FOUND"
    >;

/**
 * Input of {@link rollUpIndicator}.
 *
 * @example rollUpIndicator({ tree, indicator, definitions, values, period: { kind: "year", year: 2022 } })
 */
export interface RollUpInput {
  readonly tree: UnitTree;
  readonly indicator: IndicatorDefinition;
  /** Every indicator definition, to find the weight indicator of a weighted average. */
  readonly definitions?: readonly IndicatorDefinition[];
  /** Values of any indicator; those of other indicators (and the weight's) are picked out. */
  readonly values: readonly IndicatorValue[];
  /** Only values whose period lies within it; `null` or absent = all periods. */
  readonly period?: Period | null;
  readonly catalogue?: readonly UnitOfMeasure[];
}

const NOT_AGGREGATED_REASON: LocalizedText = {
  vi: "Chỉ tiêu này không được tổng hợp (tỷ lệ phần trăm hoặc chỉ số không cộng dồn được)",
  en: "This indicator is not aggregated (a percentage or an index that cannot be summed)",
};

/**
 * Rolls one indicator up the unit tree and across periods, respecting what may be summed:
 * a `sum` indicator adds exactly (decimal, never float drift); a `weighted-average` one
 * (e.g. % of complaints resolved) averages by its weight indicator's values recorded for
 * the same unit, model and period; a `none` indicator — any percentage without a weight —
 * is never summed and comes back as `not-aggregated` with its values. Every value is
 * validated first; the same unit/model/indicator recorded twice for one period, or for
 * periods that overlap (a year and one of its months), is an error rather than a double
 * count. Runs in O(units + values).
 *
 * @example
 * const r = rollUpIndicator({ tree, indicator: riceDonated, values, period: { kind: "year", year: 2022 } });
 * if (r.ok && r.value.kind === "sum") r.value.units["huyen"]?.total.value; // 3450
 */
export function rollUpIndicator(input: RollUpInput): Result<IndicatorRollUp, RollUpError> {
  const { tree, indicator, period = null, catalogue = defaultUnitsOfMeasure } = input;
  const aggregation = indicator.aggregation;

  // Guard here too, not only in validateIndicatorDefinitions: a summed percent is never shown.
  const unit = findUnitOfMeasure(indicator.unitCode, catalogue);
  if (!unit.ok) return unit;
  if (unit.value.dimension === "percent" && aggregation.kind === "sum") {
    return err(
      domainError(
        "OUTCOME.PERCENT_NOT_SUMMABLE",
        {
          vi: `Chỉ tiêu "${indicator.code}" tính bằng % nên không được cộng dồn`,
          en: `Indicator "${indicator.code}" is a percentage and cannot be summed`,
        },
        { indicatorCode: indicator.code },
      ),
    );
  }

  const own = collect(input.values, indicator, period, tree, catalogue);
  if (!own.ok) return own;

  switch (aggregation.kind) {
    case "none":
      return ok({
        kind: "not-aggregated",
        indicatorCode: indicator.code,
        unitCode: indicator.unitCode,
        reason: NOT_AGGREGATED_REASON,
        values: own.value,
      });
    case "sum": {
      const ownSums = new Map<string, { exact: ExactDecimal; count: number }>();
      for (const v of own.value) {
        const cell = ownSums.get(v.unitId) ?? { exact: ZERO_DECIMAL, count: 0 };
        ownSums.set(v.unitId, { exact: addDecimals(cell.exact, decimalFromNumber(v.value)), count: cell.count + 1 });
      }
      const totals = accumulate(tree, ownSums, { exact: ZERO_DECIMAL, count: 0 }, (a, b) => ({
        exact: addDecimals(a.exact, b.exact),
        count: a.count + b.count,
      }));
      const units: Record<string, { own: SumCell; total: SumCell }> = {};
      for (const id of tree.preorder) {
        units[id] = {
          own: sumCell(ownSums.get(id) ?? { exact: ZERO_DECIMAL, count: 0 }),
          total: sumCell(totals.get(id) ?? { exact: ZERO_DECIMAL, count: 0 }),
        };
      }
      return ok({ kind: "sum", indicatorCode: indicator.code, unitCode: indicator.unitCode, units });
    }
    case "weighted-average": {
      const weightDefinition = input.definitions?.find((d) => d.code === aggregation.weightIndicatorCode);
      if (weightDefinition === undefined) {
        return err(
          domainError(
            "OUTCOME.UNKNOWN_WEIGHT_INDICATOR",
            {
              vi: `Thiếu định nghĩa chỉ tiêu trọng số "${aggregation.weightIndicatorCode}"`,
              en: `The weight indicator "${aggregation.weightIndicatorCode}" is not among the definitions`,
            },
            { indicatorCode: indicator.code, weightIndicatorCode: aggregation.weightIndicatorCode },
          ),
        );
      }
      const weights = collect(input.values, weightDefinition, period, tree, catalogue);
      if (!weights.ok) return weights;
      const weightByKey = new Map(weights.value.map((w) => [valueKey(w), w.value]));
      type Acc = { weighted: ExactDecimal; weight: ExactDecimal; count: number };
      const empty: Acc = { weighted: ZERO_DECIMAL, weight: ZERO_DECIMAL, count: 0 };
      const ownAcc = new Map<string, Acc>();
      const unweighted: IndicatorValue[] = [];
      for (const v of own.value) {
        const w = weightByKey.get(valueKey(v));
        if (w === undefined) {
          unweighted.push(v);
          continue;
        }
        const weight = decimalFromNumber(w);
        const cell = ownAcc.get(v.unitId) ?? empty;
        ownAcc.set(v.unitId, {
          weighted: addDecimals(cell.weighted, multiplyDecimals(decimalFromNumber(v.value), weight)),
          weight: addDecimals(cell.weight, weight),
          count: cell.count + 1,
        });
      }
      const totals = accumulate(tree, ownAcc, empty, (a, b) => ({
        weighted: addDecimals(a.weighted, b.weighted),
        weight: addDecimals(a.weight, b.weight),
        count: a.count + b.count,
      }));
      const averageCell = (acc: Acc): AverageCell => ({
        value: acc.weight.coefficient === 0n ? null : decimalToNumber(divideExact(acc.weighted, acc.weight)),
        weight: decimalToString(acc.weight),
        count: acc.count,
      });
      const units: Record<string, { own: AverageCell; total: AverageCell }> = {};
      for (const id of tree.preorder) {
        units[id] = { own: averageCell(ownAcc.get(id) ?? empty), total: averageCell(totals.get(id) ?? empty) };
      }
      return ok({
        kind: "weighted-average",
        indicatorCode: indicator.code,
        unitCode: indicator.unitCode,
        weightIndicatorCode: weightDefinition.code,
        units,
        unweighted,
      });
    }
    default: {
      const never: never = aggregation;
      return never;
    }
  }
}

function sumCell(acc: { exact: ExactDecimal; count: number }): SumCell {
  return { value: decimalToNumber(acc.exact), exact: decimalToString(acc.exact), count: acc.count };
}

/** a ÷ b for decimals, through an integer divisor: (a × 10^k) ÷ (b × 10^k). */
function divideExact(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  // b = c × 10^e  ⇒  a ÷ b = (a ÷ c) × 10^-e
  const quotient = divideDecimal(
    b.coefficient < 0n ? { coefficient: -a.coefficient, exponent: a.exponent } : a,
    b.coefficient < 0n ? -b.coefficient : b.coefficient,
  );
  return { coefficient: quotient.coefficient, exponent: quotient.exponent - b.exponent };
}

/** Adds each unit's own accumulator into its parent's, children first (reverse pre-order). */
function accumulate<A>(tree: UnitTree, own: ReadonlyMap<string, A>, empty: A, add: (a: A, b: A) => A): Map<string, A> {
  const totals = new Map<string, A>();
  for (let i = tree.preorder.length - 1; i >= 0; i--) {
    const id = tree.preorder[i] as string;
    const total = add(own.get(id) ?? empty, totals.get(id) ?? empty);
    totals.set(id, total);
    const parentId = tree.nodes.get(id)?.unit.parentId;
    if (parentId !== null && parentId !== undefined) totals.set(parentId, add(totals.get(parentId) ?? empty, total));
  }
  return totals;
}

function valueKey(v: IndicatorValue): string {
  return `${v.unitId}\u0000${v.modelId ?? ""}\u0000${periodKey(v.period)}`;
}

/** The valid values of one indicator within the period, with duplicates and overlaps refused. */
function collect(
  values: readonly IndicatorValue[],
  definition: IndicatorDefinition,
  period: Period | null,
  tree: UnitTree,
  catalogue: readonly UnitOfMeasure[],
): Result<IndicatorValue[], RollUpError> {
  const picked: IndicatorValue[] = [];
  const seen = new Map<string, IndicatorValue[]>();
  for (const v of values) {
    if (v.indicatorCode !== definition.code) continue;
    if (period !== null && !periodContains(period, v.period)) continue;
    if (!tree.nodes.has(v.unitId)) return err(unitNotFound(v.unitId));
    const valid = validateIndicatorValue(v, definition, catalogue);
    if (!valid.ok) return valid;
    const seriesKey = `${v.unitId}\u0000${v.modelId ?? ""}\u0000${v.period.year}`;
    const series = seen.get(seriesKey) ?? [];
    const clash = series.find((other) => periodsOverlap(other.period, v.period));
    if (clash !== undefined) {
      const same = periodKey(clash.period) === periodKey(v.period);
      const details = {
        indicatorCode: definition.code,
        unitId: v.unitId,
        modelId: v.modelId,
        periods: [periodKey(clash.period), periodKey(v.period)],
      };
      return err(
        same
          ? domainError(
              "OUTCOME.DUPLICATE_VALUE",
              {
                vi: `Chỉ tiêu "${definition.code}" của đơn vị ${v.unitId} được nhập hai lần cho kỳ ${periodKey(v.period)}`,
                en: `Indicator "${definition.code}" of unit ${v.unitId} is recorded twice for ${periodKey(v.period)}`,
              },
              details,
            )
          : domainError(
              "OUTCOME.OVERLAPPING_PERIODS",
              {
                vi: `Chỉ tiêu "${definition.code}" của đơn vị ${v.unitId} có số liệu cho các kỳ chồng nhau (${details.periods.join(", ")}), sẽ bị tính hai lần`,
                en: `Indicator "${definition.code}" of unit ${v.unitId} has values for overlapping periods (${details.periods.join(", ")}) that would be counted twice`,
              },
              details,
            ),
      );
    }
    series.push(v);
    seen.set(seriesKey, series);
    picked.push(v);
  }
  return ok(picked);
}
