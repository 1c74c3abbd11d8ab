import type { UnitTree } from "./unit-tree.js";

/**
 * Whether `unitId` is `scopeRootId` or below it — the check behind "an officer sees
 * their unit and everything under it". O(1). An id not in the tree is in no scope.
 *
 * @example
 * isWithinScope(tree, "chi-bo-thanh-tra", "huyen-uy") // true
 * isWithinScope(tree, "huyen-uy", "chi-bo-thanh-tra") // false
 */
export function isWithinScope(tree: UnitTree, unitId: string, scopeRootId: string): boolean {
  const unit = tree.nodes.get(unitId);
  const root = tree.nodes.get(scopeRootId);
  if (unit === undefined || root === undefined) return false;
  return unit.index >= root.index && unit.index < root.index + root.size;
}
