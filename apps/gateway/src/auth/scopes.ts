import type { SessionUser } from "@lantoa/db";

/** Whether a unit path lies in the subtree whose root has `scopePath` (both materialized paths). */
export function pathWithin(unitPath: string, scopePath: string): boolean {
  return unitPath.startsWith(scopePath);
}

/** Whether the viewer holds the system-admin role (any unit, any operation). */
export function isSystemAdmin(viewer: SessionUser | null): boolean {
  return viewer?.assignments.some((a) => a.role === "system-admin") ?? false;
}

/** A system admin, or a holder of one of `roles` whose scope covers the unit at `unitPath`. */
export function holdsRoleOver(viewer: SessionUser | null, roles: readonly string[], unitPath: string): boolean {
  if (!viewer) return false;
  return viewer.assignments.some(
    (a) =>
      a.role === "system-admin" || (roles.includes(a.role) && a.unitPath !== null && pathWithin(unitPath, a.unitPath)),
  );
}

/** The roles that work for a unit (file its models and their self-assessments). */
export const STAFF_ROLES: readonly string[] = ["unit-admin", "unit-officer"];

/** Any role at all whose scope covers the unit (reading inside one's subtree). */
export function canReadUnit(viewer: SessionUser | null, unitPath: string): boolean {
  return holdsRoleOver(viewer, ["unit-admin", "unit-officer", "reviewer", "viewer"], unitPath);
}
