import type { DomainError } from "../errors/domain-error.js";
import { err, ok, type Result } from "../errors/result.js";
import type { Unit } from "./unit.js";
import { unitNotFound } from "./unit-not-found.js";
import type { UnitTree, UnitTreeNode } from "./unit-tree.js";

/**
 * The units above `unitId`, nearest first (parent, grandparent, ..., root). O(depth).
 *
 * @example
 * ancestorsOf(tree, "chi-bo-thanh-tra") // ok([huyenUy, tinhUy])
 */
export function ancestorsOf(
  tree: UnitTree,
  unitId: string,
): Result<readonly Unit[], DomainError<"ORG.UNIT_NOT_FOUND">> {
  const node = tree.nodes.get(unitId);
  if (node === undefined) return err(unitNotFound(unitId));
  const ancestors: Unit[] = [];
  // A built tree has every parent: the walk ends at a root.
  for (let parentId = node.unit.parentId; parentId !== null; ) {
    const parent = (tree.nodes.get(parentId) as UnitTreeNode).unit;
    ancestors.push(parent);
    parentId = parent.parentId;
  }
  return ok(ancestors);
}
