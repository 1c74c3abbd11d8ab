import * as z from "zod/mini";
import type { DomainError } from "../errors/domain-error.js";
import { ok, type Result } from "../errors/result.js";
import { type ConversionError, convertQuantity } from "./convert-quantity.js";
import { findUnitOfMeasure } from "./find-unit-of-measure.js";
import type { Quantity } from "./quantity.js";
import { defaultUnitsOfMeasure, type UnitOfMeasure } from "./unit-of-measure.js";

/**
 * The locales quantities are written in.
 *
 * @example FormatLocaleSchema.parse("vi-VN")
 */
export const FormatLocaleSchema = z.enum(["vi-VN", "en"]);
/** A value parsed by {@link FormatLocaleSchema}. @example const value: FormatLocale = FormatLocaleSchema.parse(input); */
export type FormatLocale = z.infer<typeof FormatLocaleSchema>;

/**
 * Options of {@link formatQuantity}.
 *
 * @example formatQuantity(q, { locale: "en", unitCode: "million-vnd", maximumFractionDigits: 1 })
 */
export interface FormatQuantityOptions {
  readonly locale: FormatLocale;
  /** Write the value in this unit (same dimension) instead of choosing one. */
  readonly unitCode?: string;
  /** Defaults to 2 (0 for đồng). */
  readonly maximumFractionDigits?: number;
  readonly catalogue?: readonly UnitOfMeasure[];
}

/**
 * Writes a quantity the way a Vietnamese (or English) report does: `vi-VN` groups
 * thousands with "." and uses "," for decimals ("1.500 người", "3.450 kg", "2,1 tỷ
 * đồng", "95%"); `en` the other way round ("1,500 people", "2.1 billion VND").
 * Money picks the most readable magnitude (đồng, triệu đồng, tỷ đồng: the largest in which
 * the value is at least 1) unless `unitCode` forces one; other units stay
 * as recorded (3.450 kg is not turned into tonnes).
 *
 * @example
 * formatQuantity({ value: 2_100_000_000, unitCode: "vnd" }, { locale: "vi-VN" }) // ok("2,1 tỷ đồng")
 * formatQuantity({ value: 120, unitCode: "million-vnd" }, { locale: "en" }) // ok("120 million VND")
 * formatQuantity({ value: 2.1, unitCode: "billion-vnd" }, { locale: "vi-VN", unitCode: "million-vnd" }) // ok("2.100 triệu đồng")
 */
export function formatQuantity(
  quantity: Quantity,
  options: FormatQuantityOptions,
): Result<string, ConversionError | DomainError<"OUTCOME.UNKNOWN_UNIT">> {
  const catalogue = options.catalogue ?? defaultUnitsOfMeasure;
  const source = findUnitOfMeasure(quantity.unitCode, catalogue);
  if (!source.ok) return source;

  let target: Quantity = quantity;
  if (options.unitCode !== undefined) {
    const converted = convertQuantity(quantity, options.unitCode, catalogue);
    if (!converted.ok) return converted;
    target = converted.value;
  } else if (source.value.dimension === "money") {
    target = readableMoney(quantity, catalogue, options.maximumFractionDigits);
  }

  const unit = findUnitOfMeasure(target.unitCode, catalogue);
  if (!unit.ok) return unit;
  const digits = options.maximumFractionDigits ?? defaultFractionDigits(unit.value);
  const number = new Intl.NumberFormat(options.locale, { maximumFractionDigits: digits }).format(target.value);
  const symbol =
    options.locale === "en"
      ? new Intl.PluralRules("en", { maximumFractionDigits: digits }).select(target.value) === "one"
        ? (unit.value.symbol.enOne ?? unit.value.symbol.en)
        : unit.value.symbol.en
      : unit.value.symbol.vi;
  if (symbol === "") return ok(number);
  return ok(unit.value.attached ? `${number}${symbol}` : `${number} ${symbol}`);
}

function defaultFractionDigits(unit: UnitOfMeasure): number {
  return unit.dimension === "money" && unit.factor === 1 ? 0 : 2;
}

/**
 * The largest money unit in which the value is at least 1 — unless rounding in that unit
 * would reach the next one up (999.999.999 đồng is "1 tỷ", not "1.000 triệu").
 */
function readableMoney(quantity: Quantity, catalogue: readonly UnitOfMeasure[], digits: number | undefined): Quantity {
  const moneyUnits = catalogue.filter((u) => u.dimension === "money").sort((a, b) => b.factor - a.factor);
  for (const [i, unit] of moneyUnits.entries()) {
    const converted = convertQuantity(quantity, unit.code, catalogue);
    if (!converted.ok || Math.abs(converted.value.value) < 1) continue;
    const larger = moneyUnits[i - 1];
    if (larger !== undefined) {
      const scale = 10 ** (digits ?? defaultFractionDigits(unit));
      const rounded = Math.abs(Math.round(converted.value.value * scale) / scale);
      if (rounded * unit.factor >= larger.factor) {
        const up = convertQuantity(quantity, larger.code, catalogue);
        if (up.ok) return up.value;
      }
    }
    return converted.value;
  }
  return quantity;
}
