import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../test-support/property-runs.js";
import { firstDuplicate } from "./first-duplicate.js";

/** The definition, written the slow way: the first index whose value occurs earlier. */
function firstDuplicateByScan(values: readonly string[]): number {
  return values.findIndex((v, i) => values.indexOf(v) < i);
}

/** 32-bit FNV-1a, written out independently of the module, to craft colliding ids. */
function fnv1a(s: string): number {
  let hash = 0x811c9dc5;
  for (const c of s) hash = Math.imul(hash ^ (c.codePointAt(0) as number), 0x01000193) >>> 0;
  return hash;
}

describe("firstDuplicate", () => {
  it("is −1 when every value differs, including none", () => {
    expect(firstDuplicate([])).toBe(-1);
    expect(firstDuplicate(["m1", "m2", "m10", "M1"])).toBe(-1);
  });

  it("gives the index of the first value seen before, in order", () => {
    expect(firstDuplicate(["a", "b", "b", "a"])).toBe(2);
    expect(firstDuplicate(["a", "b", "c", "a", "b"])).toBe(3);
    expect(firstDuplicate(["", ""])).toBe(1);
  });

  it("agrees with a plain scan on any strings", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 60 }), (values) => {
        expect(firstDuplicate(values)).toBe(firstDuplicateByScan(values));
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it("still finds the duplicate among ids crafted so that their hashes share the table slot", () => {
    // 300 ids whose hashes agree on their low 12 bits land in one run of the table (of 1,024
    // slots): the probes pass their bound and the check goes on with a Set.
    const ids: string[] = [];
    for (let i = 0; ids.length < 300; i++) if ((fnv1a(`m${i}`) & 0xfff) === 0) ids.push(`m${i}`);
    expect(firstDuplicate(ids)).toBe(-1);
    expect(firstDuplicate([...ids, ids[150] as string, ids[0] as string])).toBe(300);
  });
});
