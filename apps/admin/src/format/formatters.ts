/**
 * The one way the admin app writes numbers, money, dates, periods and points, in Vietnamese
 * (1.234,5 · 01/03/2021 · 2,1 tỷ đồng) or English (1,234.5 · 01/03/2021 · 2.1 billion VND).
 * Dates are day/month/year in both languages, as Vietnamese offices write them. Pages reach
 * these through `useI18n()`, which fills in the locale.
 */
export type FormatLocale = "vi" | "en";

const intlTag: Record<FormatLocale, string> = { vi: "vi-VN", en: "en-GB" };
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: FormatLocale, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlTag[locale], options);
    numberFormats.set(key, format);
  }
  return format;
}

/** A number with the locale's marks: `formatNumber(1234.5, "vi")` → "1.234,5". */
export function formatNumber(value: number, locale: FormatLocale, options?: Intl.NumberFormatOptions): string {
  return numberFormat(locale, options).format(value);
}

/** A count: always a whole number ("1.500"). */
export function formatCount(value: number, locale: FormatLocale): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(Math.round(value));
}

/** A share in [0, 1] as a percentage to one decimal: `formatPercent(0.625, "vi")` → "62,5%". */
export function formatPercent(share: number, locale: FormatLocale): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share);
}

/**
 * Points as the API gives them (the engine's milli-points ÷ 1000), to the thousandth the
 * engine kept: taken back to whole milli-points once and never rounded again, so a total
 * reads the same on every page. `formatPoints(42.167, "vi")` → "42,167".
 */
export function formatPoints(points: number, locale: FormatLocale): string {
  const milli = Math.round(points * 1000);
  return numberFormat(locale, { maximumFractionDigits: 3 }).format(milli / 1000);
}

const moneyWords: Record<FormatLocale, { billion: string; million: string; plain: string }> = {
  vi: { billion: "{value} tỷ đồng", million: "{value} triệu đồng", plain: "{value} đồng" },
  en: { billion: "{value} billion VND", million: "{value} million VND", plain: "{value} VND" },
};

/**
 * An amount of đồng the way people say it, to one decimal of billions or millions.
 *
 * @example
 * formatVnd(2_100_000_000, "vi") // "2,1 tỷ đồng"
 * formatVnd(2_100_000_000, "en") // "2.1 billion VND"
 * formatVnd(120_000_000, "vi")   // "120 triệu đồng"
 */
export function formatVnd(value: number, locale: FormatLocale): string {
  const size = Math.abs(value);
  const [scale, word] =
    size >= 1e9
      ? ([1e9, moneyWords[locale].billion] as const)
      : size >= 1e6
        ? ([1e6, moneyWords[locale].million] as const)
        : ([1, moneyWords[locale].plain] as const);
  const number = formatNumber(value / scale, locale, { maximumFractionDigits: scale === 1 ? 0 : 1 });
  return word.replace("{value}", number);
}

const pad = (n: number) => String(n).padStart(2, "0");
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date as dd/mm/yyyy. A calendar date ("2021-03-01") is written as it is, never shifted by
 * the time zone; an instant is shown in the browser's time zone, with hours and minutes when
 * `withTime` is set.
 *
 * @example
 * formatDate("2021-03-01") // "01/03/2021"
 * formatDate("2021-03-01T02:30:00Z", true) // "01/03/2021 09:30" in Hà Nội
 */
export function formatDate(value: string | Date, withTime = false): string {
  if (typeof value === "string") {
    const day = isoDate.exec(value);
    if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  }
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  const text = `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
  return withTime ? `${text} ${pad(date.getHours())}:${pad(date.getMinutes())}` : text;
}

/** A span of days: "01/01/2022 – 31/12/2022", or one date when it starts and ends the same day. */
export function formatDateRange(from: string | null | undefined, to: string | null | undefined): string {
  if (!from && !to) return "—";
  if (!from || !to || from === to) return formatDate((from ?? to) as string);
  return `${formatDate(from)} – ${formatDate(to)}`;
}

/**
 * A reporting period as written in reports: a year stays "2022"; a quarter is "Quý 1/2022"
 * or "Q1 2022"; a month "Tháng 3/2022" or "03/2022". Anything else is returned as it is.
 */
export function formatReportingPeriod(period: string, locale: FormatLocale): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return locale === "vi" ? `Quý ${quarter[2]}/${quarter[1]}` : `Q${quarter[2]} ${quarter[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return locale === "vi" ? `Tháng ${Number(month[2])}/${month[1]}` : `${month[2]}/${month[1]}`;
  return period;
}

/** A file size: "12 KB", "1,5 MB". */
export function formatBytes(bytes: number, locale: FormatLocale): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(bytes / 1024 / 1024, locale, { maximumFractionDigits: 1 })} MB`;
  return `${formatCount(Math.max(1, bytes / 1024), locale)} KB`;
}
