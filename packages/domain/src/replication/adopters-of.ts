import type { ReplicationForest } from "./replication-forest.js";

/**
 * An adopter below a model, with its generation (1 = direct adopter).
 *
 * @example { modelId: "m-kb", generation: 1 }
 */
export interface Adopter {
  readonly modelId: string;
  readonly generation: number;
}

/**
 * Every model that replicates `modelId`, directly (generation 1) or through other
 * adopters, breadth first. O(number of adopters).
 *
 * @example adoptersOf(forest, "m-qs").filter((a) => a.generation === 1).length // direct adopters
 */
export function adoptersOf(forest: ReplicationForest, modelId: string): readonly Adopter[] {
  const out: Adopter[] = [];
  let frontier = [modelId];
  for (let generation = 1; frontier.length > 0; generation++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const adopter of forest.adoptersOf.get(id) ?? []) {
        out.push({ modelId: adopter, generation });
        next.push(adopter);
      }
    }
    frontier = next;
  }
  return out;
}
