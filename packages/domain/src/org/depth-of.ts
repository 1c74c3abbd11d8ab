import type { DomainError } from "../errors/domain-error.js";
import { err, ok, type Result } from "../errors/result.js";
import { unitNotFound } from "./unit-not-found.js";
import type { UnitTree } from "./unit-tree.js";

/**
 * How many units are above `unitId`: 0 for a root. O(1).
 *
 * @example depthOf(tree, "chi-bo-thanh-tra") // ok(2)
 */
export function depthOf(tree: UnitTree, unitId: string): Result<number, DomainError<"ORG.UNIT_NOT_FOUND">> {
  const node = tree.nodes.get(unitId);
  return node === undefined ? err(unitNotFound(unitId)) : ok(node.depth);
}
