/**
 * The index of the first string in `values` equal to an earlier one, or −1 when all
 * differ. A round checks every model id, 100,000 of them in a large round: an
 * open-addressing table of indices keyed by a 32-bit FNV-1a hash does it in about half
 * the time a `Set` of strings takes. Should the hash collide too often (ids crafted
 * against it), the check falls back to a `Set`, so it stays linear.
 *
 * @example
 * firstDuplicate(["m1", "m2", "m1"]) // 2
 * firstDuplicate(["m1", "m2"]) // -1
 */
export function firstDuplicate(values: readonly string[]): number {
  const n = values.length;
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  // slots[at]: 1 + the index of the value kept there, 0 when empty; hashes[at]: its hash.
  const slots = new Int32Array(size);
  const hashes = new Int32Array(size);
  let probes = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i] as string;
    const hash = fnv1a(value);
    let at = hash & mask;
    for (let kept = slots[at] as number; kept !== 0; kept = slots[at] as number) {
      if (hashes[at] === hash && values[kept - 1] === value) return i;
      if (++probes > 8 * n) return firstDuplicateInSet(values);
      at = (at + 1) & mask;
    }
    slots[at] = i + 1;
    hashes[at] = hash;
  }
  return -1;
}

function fnv1a(s: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let c = 0; c < s.length; c++) hash = Math.imul(hash ^ s.charCodeAt(c), 0x01000193);
  return hash;
}

function firstDuplicateInSet(values: readonly string[]): number {
  const seen = new Set<string>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    if (seen.has(value)) return i;
    seen.add(value);
  }
  return -1;
}
