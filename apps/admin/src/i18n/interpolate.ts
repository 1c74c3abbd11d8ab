/** Whether a count, as a number or as formatted ("1", "1,0"), is one. */
function isOne(value: string | number): boolean {
  return typeof value === "number" ? value === 1 : /^1(?:[.,]0+)?$/.test(value.trim());
}

/**
 * A message with its parameters: "{name}" is replaced by the value, and "{count:entry|entries}"
 * by its first form when the count is one, else the second (English needs it; Vietnamese does not).
 * A parameter not given stays as written.
 *
 * @example
 * interpolate("{count} {count:entry|entries}", { count: "1" }) // "1 entry"
 */
export function interpolate(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text
    .replace(/\{(\w+):([^|}]*)\|([^}]*)\}/g, (whole, name: string, one: string, other: string) => {
      const value = params[name];
      return value === undefined ? whole : isOne(value) ? one : other;
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
