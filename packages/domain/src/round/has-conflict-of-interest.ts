/**
 * Whether a reviewer may not score a model: the model is owned by the reviewer's own
 * unit or a unit below it. Both are materialized paths (root first, each id followed
 * by "/"), so "below or at" is a prefix test. A reviewer with no unit has no conflict
 * from the tree (declared conflicts are recorded separately).
 *
 * @example
 * hasConflictOfInterest("hn/tl/", "hn/tl/tl-hpn/") // true
 * hasConflictOfInterest("hn/tl/tl-hpn/", "hn/tl/") // false: the reviewer is below the owner
 */
export function hasConflictOfInterest(reviewerUnitPath: string | null, modelOwnerPath: string): boolean {
  return reviewerUnitPath !== null && reviewerUnitPath !== "" && modelOwnerPath.startsWith(reviewerUnitPath);
}
