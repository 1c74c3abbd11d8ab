import type { DomainError } from "../errors/domain-error.js";
import { err, ok, type Result } from "../errors/result.js";
import type { Unit } from "./unit.js";
import { unitNotFound } from "./unit-not-found.js";
import type { UnitTree } from "./unit-tree.js";

/**
 * Every unit below `unitId` (not itself), in pre-order: each unit before its children.
 * O(size of the subtree).
 *
 * @example
 * descendantsOf(tree, "huyen-uy") // ok([chiBoThanhTra, xaThanhHa, ...])
 */
export function descendantsOf(
  tree: UnitTree,
  unitId: string,
): Result<readonly Unit[], DomainError<"ORG.UNIT_NOT_FOUND">> {
  const node = tree.nodes.get(unitId);
  if (node === undefined) return err(unitNotFound(unitId));
  return ok(tree.preorder.slice(node.index + 1, node.index + node.size).map((id) => tree.nodes.get(id)?.unit as Unit));
}
