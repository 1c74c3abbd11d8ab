import type { Locale } from "./i18n";
import { messagesEn } from "./messages-en";
import { messagesVi } from "./messages-vi";

const words = {
  vi: { locale: "vi-VN", table: messagesVi },
  en: { locale: "en", table: messagesEn },
} as const;

/**
 * An amount of đồng the way people say it, to one decimal of billions or millions.
 *
 * @example
 * formatVnd(2_100_000_000, "vi") // "2,1 tỷ đồng"
 * formatVnd(2_100_000_000, "en") // "2.1 billion VND"
 * formatVnd(120_000_000, "vi")   // "120 triệu đồng"
 */
export function formatVnd(value: number, locale: Locale): string {
  const size = Math.abs(value);
  const [scale, key] =
    size >= 1e9
      ? ([1e9, "money.billion"] as const)
      : size >= 1e6
        ? ([1e6, "money.million"] as const)
        : ([1, "money.plain"] as const);
  const { locale: tag, table } = words[locale];
  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: scale === 1 ? 0 : 1 }).format(value / scale);
  return table[key].replace("{value}", number);
}
