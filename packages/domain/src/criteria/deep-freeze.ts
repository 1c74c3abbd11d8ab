/**
 * Freezes a JSON-like value and everything inside it; returns it.
 *
 * @example
 * Object.isFrozen(deepFreeze({ a: [1] }).a) // true
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
