/**
 * Looks up property names met while enumerating objects (`for…in`), remembering the names
 * met at each position of the last enumeration: objects built the same way (every
 * scorecard of a JSON body, say) list the same names in the same order, so nearly every
 * lookup is one string comparison, where a `Map` would hash the name each time.
 *
 * @example
 * const index = new NameIndex(new Map([["novelty", 0], ["reach", 1]]));
 * let at = 0; for (const name in scores) index.get(name, at++) // 0, then 1; -1 for an unknown name
 */
export class NameIndex {
  private readonly names: string[] = [];
  private readonly values: number[] = [];

  constructor(private readonly index: ReadonlyMap<string, number>) {}

  /** The value of `name`, met at position `at` of an enumeration; −1 when it is not in the index. */
  get(name: string, at: number): number {
    if (this.names[at] === name) return this.values[at] as number;
    const value = this.index.get(name) ?? -1;
    this.names[at] = name;
    this.values[at] = value;
    return value;
  }
}
