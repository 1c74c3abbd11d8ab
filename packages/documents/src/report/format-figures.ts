import { type FormatLocale, formatQuantity } from "@lantoa/domain/outcome";

/**
 * A count the Vietnamese way ("1.530"), or the English way ("1,530").
 *
 * @example formatCount(1530) // "1.530"
 */
export function formatCount(value: number, locale: FormatLocale = "vi-VN"): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/**
 * A rolled-up outcome with its unit ("3.450 kg", "2,155 tỷ đồng", "25 con"); money keeps
 * three decimals in its readable unit so a report's sum is exact to the million.
 *
 * @example formatOutcome(2_155_000_000, "vnd") // "2,155 tỷ đồng"
 */
export function formatOutcome(value: number, unitCode: string, locale: FormatLocale = "vi-VN"): string {
  const written = formatQuantity(
    { value, unitCode },
    unitCode.endsWith("vnd") ? { locale, maximumFractionDigits: 3 } : { locale },
  );
  return written.ok ? written.value : `${formatCount(value, locale)} ${unitCode}`;
}
