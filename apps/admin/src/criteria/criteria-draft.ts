import type { CriteriaNode, CriteriaSetDraft, ScoredCriterion } from "@lantoa/domain/criteria";

/** The edited definition: the domain's draft type. */
export type Draft = CriteriaSetDraft;
/** Applies a change to a copy of the draft (the editor's one way to change it). */
export type EditDraft = (change: (draft: Draft) => void) => void;

/** The node at `indexPath` (indices from the root list down through groups' children). */
export function nodeAt(draft: Draft, indexPath: readonly number[]): CriteriaNode {
  let list: CriteriaNode[] = draft.criteria;
  let node: CriteriaNode | undefined;
  for (const index of indexPath) {
    node = list[index];
    if (!node) throw new Error(`no node at ${indexPath.join(".")}`);
    if (node.kind === "group") list = node.children;
  }
  if (!node) throw new Error("empty path");
  return node;
}

/** The list holding the node at `indexPath`. */
export function siblingsOf(draft: Draft, indexPath: readonly number[]): CriteriaNode[] {
  if (indexPath.length === 1) return draft.criteria;
  const parent = nodeAt(draft, indexPath.slice(0, -1));
  if (parent.kind !== "group") throw new Error("parent is not a group");
  return parent.children;
}

/** Every id used by a node of the tree. */
export function usedIds(nodes: readonly CriteriaNode[], into = new Set<string>()): Set<string> {
  for (const node of nodes) {
    into.add(node.id);
    if (node.kind === "group") usedIds(node.children, into);
  }
  return into;
}

/** A fresh id: `prefix-1`, `prefix-2`… whichever is free. */
export function freshId(taken: ReadonlySet<string>, prefix: string): string {
  for (let n = 1; ; n++) if (!taken.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** The points of every scored criterion below these nodes (a group's own `points` is a check, not added). */
export function sumPoints(nodes: readonly CriteriaNode[]): number {
  let sum = 0;
  for (const node of nodes) {
    if (node.kind === "group") sum += sumPoints(node.children);
    else if (node.kind !== "gate") sum += node.points ?? 0;
  }
  return Math.round(sum * 1000) / 1000;
}

/** The weights of the scored criteria, when the set allocates by weight (percent of the total) instead of points. */
export function sumWeights(nodes: readonly CriteriaNode[]): number | null {
  const weights = scoredCriteria(nodes).flatMap((c) => (c.weight === undefined ? [] : [c.weight]));
  return weights.length === 0 ? null : Math.round(weights.reduce((a, b) => a + b, 0) * 1000) / 1000;
}

/** Scored criteria in tree order, for tie-breaks and the preview. */
export function scoredCriteria(nodes: readonly CriteriaNode[]): ScoredCriterion[] {
  return nodes.flatMap((node) =>
    node.kind === "group" ? scoredCriteria(node.children) : node.kind === "gate" ? [] : [node],
  );
}

/** A number from a Mantine NumberInput's value ("" when empty). */
export function numberOf(value: number | string): number | undefined {
  if (typeof value === "number") return value;
  if (value.trim() === "") return undefined;
  const n = Number(value.replace(",", "."));
  return Number.isFinite(n) ? n : undefined;
}
