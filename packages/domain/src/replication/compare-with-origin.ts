import { type DomainError, domainError, type LocalizedText } from "../errors/domain-error.js";
import { err, ok, type Result } from "../errors/result.js";
import {
  addDecimals,
  decimalFromNumber,
  decimalToNumber,
  divideDecimal,
  type ExactDecimal,
} from "../internal/exact-decimal.js";
import { convertExact } from "../outcome/convert-quantity.js";
import { findUnitOfMeasure } from "../outcome/find-unit-of-measure.js";
import { defaultUnitsOfMeasure, type UnitOfMeasure } from "../outcome/unit-of-measure.js";

/**
 * One outcome figure of a model: an indicator's value in some unit.
 *
 * @example { indicatorCode: "road-length", value: 3, unitCode: "km" }
 */
export interface OutcomeFigure {
  readonly indicatorCode: string;
  readonly value: number;
  readonly unitCode: string;
}

/**
 * How an adopter did on one indicator, next to its origin.
 *
 * @example if (c.kind === "compared") c.ratio // 1.5
 */
export type IndicatorComparison =
  | {
      readonly kind: "compared";
      readonly indicatorCode: string;
      /** The origin's unit; the adopter's value is converted into it. */
      readonly unitCode: string;
      readonly origin: number;
      readonly adopter: number;
      /** adopter − origin. */
      readonly difference: number;
      /** adopter ÷ origin; `null` when the origin is 0. */
      readonly ratio: number | null;
    }
  | {
      readonly kind: "incomparable";
      readonly indicatorCode: string;
      readonly originUnitCode: string;
      readonly adopterUnitCode: string;
      readonly reason: LocalizedText;
    }
  | { readonly kind: "missing"; readonly indicatorCode: string; readonly missingFrom: "origin" | "adopter" };

/**
 * Errors of {@link compareWithOrigin}.
 *
 * @example if (!r.ok && r.error.code === "REPLICATION.DUPLICATE_FIGURE") r.error.details?.indicatorCode
 */
export type CompareWithOriginError = DomainError<"OUTCOME.UNKNOWN_UNIT" | "REPLICATION.DUPLICATE_FIGURE">;

/**
 * Compares an adopter's outcomes with its origin's, indicator by indicator (sorted by
 * code): the adopter's value converted into the origin's unit, the difference and the
 * ratio. Units of different dimensions (km against kg) are `incomparable`, never forced;
 * an indicator only one side has is `missing`.
 *
 * @example
 * compareWithOrigin({ origin: [{ indicatorCode: "road-length", value: 3, unitCode: "km" }],
 *   adopter: [{ indicatorCode: "road-length", value: 4500, unitCode: "m" }] })
 * // ok([{ kind: "compared", indicatorCode: "road-length", unitCode: "km", origin: 3, adopter: 4.5, difference: 1.5, ratio: 1.5 }])
 */
export function compareWithOrigin(input: {
  readonly origin: readonly OutcomeFigure[];
  readonly adopter: readonly OutcomeFigure[];
  readonly catalogue?: readonly UnitOfMeasure[];
}): Result<readonly IndicatorComparison[], CompareWithOriginError> {
  const catalogue = input.catalogue ?? defaultUnitsOfMeasure;
  const origin = index(input.origin, "origin");
  if (!origin.ok) return origin;
  const adopter = index(input.adopter, "adopter");
  if (!adopter.ok) return adopter;

  const codes = [...new Set([...origin.value.keys(), ...adopter.value.keys()])].sort();
  const out: IndicatorComparison[] = [];
  for (const indicatorCode of codes) {
    const o = origin.value.get(indicatorCode);
    const a = adopter.value.get(indicatorCode);
    if (o === undefined || a === undefined) {
      out.push({ kind: "missing", indicatorCode, missingFrom: o === undefined ? "origin" : "adopter" });
      continue;
    }
    for (const code of [o.unitCode, a.unitCode]) {
      const known = findUnitOfMeasure(code, catalogue);
      if (!known.ok) return known;
    }
    const converted = convertExact(decimalFromNumber(a.value), a.unitCode, o.unitCode, catalogue);
    if (!converted.ok) {
      out.push({
        kind: "incomparable",
        indicatorCode,
        originUnitCode: o.unitCode,
        adopterUnitCode: a.unitCode,
        reason: converted.error.message,
      });
      continue;
    }
    const originValue = decimalFromNumber(o.value);
    const adopterValue: ExactDecimal = converted.value;
    const difference = addDecimals(adopterValue, {
      coefficient: -originValue.coefficient,
      exponent: originValue.exponent,
    });
    out.push({
      kind: "compared",
      indicatorCode,
      unitCode: o.unitCode,
      origin: o.value,
      adopter: decimalToNumber(adopterValue),
      difference: decimalToNumber(difference),
      ratio: o.value === 0 ? null : ratio(adopterValue, originValue),
    });
  }
  return ok(out);
}

/** a ÷ b with b ≠ 0, exact to 24 significant digits. */
function ratio(a: ExactDecimal, b: ExactDecimal): number {
  const negative = b.coefficient < 0n;
  const q = divideDecimal(
    { coefficient: negative ? -a.coefficient : a.coefficient, exponent: a.exponent },
    negative ? -b.coefficient : b.coefficient,
  );
  return decimalToNumber({ coefficient: q.coefficient, exponent: q.exponent - b.exponent });
}

function index(
  figures: readonly OutcomeFigure[],
  side: "origin" | "adopter",
): Result<Map<string, OutcomeFigure>, DomainError<"REPLICATION.DUPLICATE_FIGURE">> {
  const map = new Map<string, OutcomeFigure>();
  for (const f of figures) {
    if (map.has(f.indicatorCode)) {
      return err(
        domainError(
          "REPLICATION.DUPLICATE_FIGURE",
          {
            vi: `Chỉ tiêu "${f.indicatorCode}" xuất hiện hai lần ở mô hình ${side === "origin" ? "gốc" : "nhân rộng"}`,
            en: `Indicator "${f.indicatorCode}" appears twice for the ${side}`,
          },
          { indicatorCode: f.indicatorCode, side },
        ),
      );
    }
    map.set(f.indicatorCode, f);
  }
  return ok(map);
}
