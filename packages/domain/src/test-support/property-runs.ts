import fc from "fast-check";

/**
 * How many cases a property test that asks for `wanted` tries: `wanted`, unless a global
 * setting asks for fewer (mutation runs set 20, see test/stryker-setup.ts), since a
 * test's own `numRuns` overrides the global one.
 *
 * @example fc.assert(property, { numRuns: propertyRuns(150) })
 */
export function propertyRuns(wanted: number): number {
  const global = fc.readConfigureGlobal().numRuns;
  return global === undefined ? wanted : Math.min(wanted, global);
}
