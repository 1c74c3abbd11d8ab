/**
 * A UUID that is random-looking but fixed by `(seed, kind, index)`, and unique by
 * construction: the last 12 hex digits are the kind and the index, the first ones a
 * hash. Scale data needs ids before it loads rows (a unit's path holds its
 * ancestors' ids) and the same seed must give the same ids on every machine.
 *
 * @example deterministicUuid(1, 2, 41) // "…-…-4…-8…-200000000029": kind 2, index 41 in the last group
 */
export function deterministicUuid(seed: number, kind: number, index: number): string {
  if (kind < 0 || kind > 15 || index < 0 || index >= 2 ** 44) throw new Error("deterministicUuid: out of range");
  const a = mix(seed ^ Math.imul(kind + 1, 0x9e3779b1), index);
  const b = mix(a, index ^ 0x5bd1e995);
  const tail = (kind * 2 ** 44 + index).toString(16).padStart(12, "0");
  const head = hex8(a) + hex8(b);
  // Version 4 and variant bits, so the value is a well-formed random UUID.
  return `${head.slice(0, 8)}-${head.slice(8, 12)}-4${head.slice(13, 16)}-8${hex8(a ^ b).slice(0, 3)}-${tail}`;
}

function mix(seed: number, value: number): number {
  let h = (seed ^ Math.imul(value | 0, 0x85ebca6b) ^ Math.floor(value / 2 ** 32)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

function hex8(value: number): string {
  return (value >>> 0).toString(16).padStart(8, "0");
}
