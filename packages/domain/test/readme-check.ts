import { expect } from "vitest";

/**
 * What a README line `expression; // → value` asserts: the expression gives the value,
 * matched partially for objects and arrays of objects (a README shows what matters).
 *
 * @example
 * check(() => removeDiacritics("Đường"), "Duong", 12)
 */
export function check(actual: () => unknown, expected: unknown, line: number): void {
  const value = actual();
  const message = `README.md line ${line}`;
  if (expected !== null && typeof expected === "object") expect(value, message).toMatchObject(expected as object);
  else expect(value, message).toEqual(expected);
}
