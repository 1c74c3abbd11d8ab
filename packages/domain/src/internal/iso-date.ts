import * as z from "zod/mini";

/**
 * A calendar date `YYYY-MM-DD` (no time zone: the product records dates as written
 * on decisions and reports).
 *
 * @example IsoDateSchema.parse("2025-07-01")
 */
export const IsoDateSchema = z.iso.date();
/** A value parsed by {@link IsoDateSchema}. @example const value: IsoDate = IsoDateSchema.parse(input); */
export type IsoDate = z.infer<typeof IsoDateSchema>;

/**
 * An instant with an explicit offset, e.g. `2025-07-01T08:00:00+07:00` or `...Z`.
 *
 * @example IsoDateTimeSchema.parse("2025-07-01T08:00:00Z")
 */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });
/** A value parsed by {@link IsoDateTimeSchema}. @example const value: IsoDateTime = IsoDateTimeSchema.parse(input); */
export type IsoDateTime = z.infer<typeof IsoDateTimeSchema>;

/**
 * Whole days from `from` to `to` (both `YYYY-MM-DD`), negative when `to` is earlier.
 * Computed on UTC midnights so daylight-saving never shifts the count.
 *
 * @example daysBetween("2022-01-01", "2022-03-01") // 59
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
