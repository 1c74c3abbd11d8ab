import type { DomainError } from "../errors/domain-error.js";
import { ok, type Result } from "../errors/result.js";
import { ancestorsOf } from "./ancestors-of.js";
import type { Unit } from "./unit.js";
import type { UnitTree } from "./unit-tree.js";

/**
 * The units from the root down to `unitId`, both included — a breadcrumb.
 *
 * @example
 * pathTo(tree, "chi-bo-thanh-tra") // ok([tinhUy, huyenUy, chiBoThanhTra])
 */
export function pathTo(tree: UnitTree, unitId: string): Result<readonly Unit[], DomainError<"ORG.UNIT_NOT_FOUND">> {
  const ancestors = ancestorsOf(tree, unitId);
  if (!ancestors.ok) return ancestors;
  const self = tree.nodes.get(unitId)?.unit as Unit;
  return ok([...ancestors.value].reverse().concat(self));
}
