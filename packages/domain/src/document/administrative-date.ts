import type { IsoDate } from "../internal/iso-date.js";

/**
 * A day as Vietnamese administrative documents write it (Nghị định 30/2020/NĐ-CP):
 * days below 10 and the months January and February take a leading zero, so a date
 * cannot be altered by writing a digit in front of it.
 *
 * @example administrativeDate("2023-01-05") // "ngày 05 tháng 01 năm 2023"
 * @example administrativeDate("2022-12-28") // "ngày 28 tháng 12 năm 2022"
 */
export function administrativeDate(day: IsoDate): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const dd = date < 10 ? `0${date}` : String(date);
  const mm = month < 3 ? `0${month}` : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

/**
 * The place-and-date line at the head of a document: "<place>, ngày … tháng … năm …".
 *
 * @example placeAndDate("Thanh Liêm", "2022-12-30") // "Thanh Liêm, ngày 30 tháng 12 năm 2022"
 */
export function placeAndDate(place: string, day: IsoDate): string {
  const where = place.trim();
  return where === "" ? administrativeDate(day) : `${where}, ${administrativeDate(day)}`;
}
