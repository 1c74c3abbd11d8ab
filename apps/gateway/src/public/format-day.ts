import type { Lang } from "./public-text.js";

/**
 * A day as readers of the language write it.
 *
 * @example formatDay("2022-12-28", "vi") // "28/12/2022"
 * @example formatDay("2022-12-28", "en") // "28 December 2022"
 */
export function formatDay(day: string, lang: Lang): string {
  const date = new Date(`${day}T00:00:00Z`);
  return lang === "vi"
    ? new Intl.DateTimeFormat("vi-VN", { timeZone: "UTC", day: "2-digit", month: "2-digit", year: "numeric" }).format(
        date,
      )
    : new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }).format(
        date,
      );
}
