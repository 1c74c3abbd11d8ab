import type { SessionUser } from "@lantoa/db";

/** Whether a unit path lies in the subtree whose root has `scopePath` (both materialized paths). */
export function pathWithin(unitPath: string, scopePath: string): boolean {
  return unitPath.startsWith(scopePath);
}

/** A system admin, or a holder of one of `roles` whose scope covers the unit at `unitPath`. */
export function holdsRoleOver(viewer: SessionUser | null, roles: readonly string[], unitPath: string): boolean {
  if (!viewer) return false;
  return viewer.assignments.some(
    (a) =>
      a.role === "system-admin" || (roles.includes(a.role) && a.unitPath !== null && pathWithin(unitPath, a.unitPath)),
  );
}

/** Any role at all whose scope covers the unit (reading inside one's subtree). */
export function canReadUnit(viewer: SessionUser | null, unitPath: string): boolean {
  return holdsRoleOver(viewer, ["unit-admin", "unit-officer", "reviewer", "viewer"], unitPath);
}
