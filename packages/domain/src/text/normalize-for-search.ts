import { removeDiacritics } from "./remove-diacritics.js";

/**
 * The search key of a text: lowercase, diacritics removed (see {@link removeDiacritics}),
 * runs of whitespace collapsed to one space, trimmed. Equivalent in SQL to
 * `trim(regexp_replace(lower(unaccent(s)), '\s+', ' ', 'g'))`.
 * Lowercasing happens first so `Đ` and `đ` meet at `d`. Idempotent.
 *
 * @example
 * normalizeForSearch("  Ngày THỨ Bảy\tcùng   dân ") // "ngay thu bay cung dan"
 */
export function normalizeForSearch(s: string): string {
  return removeDiacritics(s.toLowerCase()).replace(/\s+/gu, " ").trim();
}
