import { type DomainError, domainError } from "../errors/domain-error.js";
import { err, ok, type Result } from "../errors/result.js";
import type { Unit } from "./unit.js";

/**
 * One unit in a {@link UnitTree}, with what the tree helpers need precomputed.
 *
 * @example tree.nodes.get("huyen")?.childIds // ["thanh-tra", "chqs", ...]
 */
export interface UnitTreeNode {
  readonly unit: Unit;
  readonly childIds: readonly string[];
  /** 0 for a root. */
  readonly depth: number;
  /** Position in {@link UnitTree.preorder}; the subtree is `preorder[index .. index + size)`. */
  readonly index: number;
  /** Number of units in the subtree, the unit itself included. */
  readonly size: number;
}

/**
 * A validated forest of units, indexed once so lookups are O(1) and subtree queries
 * are O(answer): ids in pre-order (every parent before its children, each subtree
 * contiguous), and a node per id.
 *
 * @example for (const id of tree.preorder) render(tree.nodes.get(id));
 */
export interface UnitTree {
  readonly nodes: ReadonlyMap<string, UnitTreeNode>;
  readonly rootIds: readonly string[];
  readonly preorder: readonly string[];
}

/**
 * Errors {@link buildUnitTree} can return.
 *
 * @example if (!r.ok && r.error.code === "ORG.CYCLE") r.error.details?.cycles // [["x", "z", "y"]]
 */
export type UnitTreeError = DomainError<"ORG.DUPLICATE_UNIT_ID" | "ORG.ORPHAN" | "ORG.CYCLE">;

/**
 * Validates a flat list of units as a forest and indexes it in O(n). Fails with
 * `ORG.DUPLICATE_UNIT_ID`, `ORG.ORPHAN` (a `parentId` that names no unit; `details.unitIds`
 * and `details.missingParentIds`) or `ORG.CYCLE` (`details.cycles`: each cycle's unit ids
 * in parent order, `details.unitIds`: all units caught in or under a cycle). Children keep
 * their input order.
 *
 * @example
 * const tree = buildUnitTree([
 *   { id: "tinh", code: "HN", name: "Tỉnh Hà Nam", parentId: null, level: "province", kind: "party-committee" },
 *   { id: "huyen", code: "TL", name: "Huyện ủy Thanh Liêm", parentId: "tinh", level: "district", kind: "party-committee" },
 * ]);
 * if (tree.ok) tree.value.nodes.get("huyen")?.depth; // 1
 */
export function buildUnitTree(units: readonly Unit[]): Result<UnitTree, UnitTreeError> {
  const byId = new Map<string, Unit>();
  const duplicates: string[] = [];
  for (const unit of units) {
    if (byId.has(unit.id)) duplicates.push(unit.id);
    else byId.set(unit.id, unit);
  }
  if (duplicates.length > 0) {
    return err(
      domainError(
        "ORG.DUPLICATE_UNIT_ID",
        {
          vi: `Trùng mã đơn vị: ${duplicates.join(", ")}`,
          en: `Duplicate unit ids: ${duplicates.join(", ")}`,
        },
        { unitIds: duplicates },
      ),
    );
  }

  const childIds = new Map<string, string[]>();
  const rootIds: string[] = [];
  const orphans: string[] = [];
  const missingParentIds = new Set<string>();
  for (const unit of units) {
    if (unit.parentId === null) {
      rootIds.push(unit.id);
    } else if (!byId.has(unit.parentId)) {
      orphans.push(unit.id);
      missingParentIds.add(unit.parentId);
    } else {
      const siblings = childIds.get(unit.parentId);
      if (siblings === undefined) childIds.set(unit.parentId, [unit.id]);
      else siblings.push(unit.id);
    }
  }
  if (orphans.length > 0) {
    return err(
      domainError(
        "ORG.ORPHAN",
        {
          vi: `Đơn vị có đơn vị cấp trên không tồn tại: ${orphans.join(", ")}`,
          en: `Units whose parent does not exist: ${orphans.join(", ")}`,
        },
        { unitIds: orphans, missingParentIds: [...missingParentIds] },
      ),
    );
  }

  // Iterative pre-order walk: recursion would overflow on deep chains.
  const preorder: string[] = [];
  const depthOf = new Map<string, number>();
  const stack: string[] = [];
  for (let i = rootIds.length - 1; i >= 0; i--) stack.push(rootIds[i] as string);
  for (const id of rootIds) depthOf.set(id, 0);
  while (stack.length > 0) {
    const id = stack.pop() as string;
    preorder.push(id);
    const kids = childIds.get(id) ?? [];
    const depth = (depthOf.get(id) ?? 0) + 1;
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i] as string;
      depthOf.set(kid, depth);
      stack.push(kid);
    }
  }

  if (preorder.length < byId.size) {
    const unreachable = units.map((u) => u.id).filter((id) => !depthOf.has(id));
    return err(
      domainError(
        "ORG.CYCLE",
        {
          vi: `Cây đơn vị có vòng lặp qua các đơn vị: ${unreachable.join(", ")}`,
          en: `The unit tree has a cycle through units: ${unreachable.join(", ")}`,
        },
        { cycles: findCycles(unreachable, byId), unitIds: unreachable },
      ),
    );
  }

  const sizes = new Array<number>(preorder.length).fill(1);
  const indexOf = new Map<string, number>();
  preorder.forEach((id, index) => {
    indexOf.set(id, index);
  });
  // Children come after their parent in pre-order: walking back, each subtree is complete
  // when its size is added to its parent's.
  // Stryker disable next-line EqualityOperator: index 0 is a root, whose parent is null
  for (let i = preorder.length - 1; i >= 0; i--) {
    const parentId = (byId.get(preorder[i] as string) as Unit).parentId;
    // Stryker disable next-line ConditionalExpression: a root's size is nobody's to add to; without the check it lands on no index
    if (parentId === null) continue;
    const parentIndex = indexOf.get(parentId) as number;
    sizes[parentIndex] = (sizes[parentIndex] as number) + (sizes[i] as number);
  }

  const nodes = new Map<string, UnitTreeNode>();
  preorder.forEach((id, index) => {
    nodes.set(id, {
      unit: byId.get(id) as Unit,
      childIds: childIds.get(id) ?? [],
      depth: depthOf.get(id) as number,
      index,
      size: sizes[index] as number,
    });
  });
  return ok({ nodes, rootIds, preorder });
}

/** Follows parent links from each unreachable unit; each unit is walked once, so O(n). */
function findCycles(unreachable: readonly string[], byId: ReadonlyMap<string, Unit>): string[][] {
  // An unreachable unit's parents never reach a root (orphans were refused before), so
  // every walk ends in a cycle and a parent is always there.
  const parentOf = (id: string) => (byId.get(id) as Unit).parentId as string;
  const walkOf = new Map<string, number>();
  const cycles: string[][] = [];
  unreachable.forEach((start, walk) => {
    let id = start;
    while (!walkOf.has(id)) {
      walkOf.set(id, walk);
      id = parentOf(id);
    }
    if (walkOf.get(id) !== walk) return;
    const cycle = [id];
    for (let next = parentOf(id); next !== id; next = parentOf(next)) cycle.push(next);
    cycles.push(cycle);
  });
  return cycles;
}
