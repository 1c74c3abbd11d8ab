import type { MessageKey } from "../i18n/messages-vi";

/** A year (2022), a quarter (2022-Q1) or a month (2022-03), as the gateway accepts them. */
const periodPattern = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

/** Dimensions whose values are counted, so they must be whole numbers (the domain's `validateIndicatorValue`). */
const wholeDimensions: readonly string[] = ["households", "cattle", "people", "count"];

/** Whether `text` names a reporting period: `2023`, `2023-Q2` or `2023-03`. */
export function isPeriod(text: string): boolean {
  return periodPattern.test(text);
}

/**
 * The browser's copy of the domain's value rules, so the officer sees them beside the field
 * before anything is sent: no negatives, percentages 0..100, whole numbers for counts.
 * The gateway checks again (OUTCOME.*) and has the last word.
 *
 * @example checkOutcomeValue(101, "percent") // "outcomes.percentRange"
 */
export function checkOutcomeValue(value: number | string, dimension: string | null | undefined): MessageKey | null {
  const n = typeof value === "number" ? value : Number.NaN;
  if (!Number.isFinite(n)) return "outcomes.valueRequired";
  if (n < 0) return "outcomes.valueNegative";
  if (dimension === "percent" && n > 100) return "outcomes.percentRange";
  if (dimension && wholeDimensions.includes(dimension) && !Number.isInteger(n)) return "outcomes.wholeNumber";
  return null;
}
