import type { Actor as DomainActor, Role } from "@lantoa/domain/org";
import { RoleSchema } from "@lantoa/domain/org";
import type { Actor } from "../runner/actor.js";

/** Whether a unit path lies in the subtree whose root has `scopePath` (both materialized paths). */
export function pathWithin(unitPath: string, scopePath: string): boolean {
  return unitPath.startsWith(scopePath);
}

/** Whether the actor holds the system-admin role (any unit, any operation). */
export function isSystemAdmin(actor: Pick<Actor, "assignments"> | null): boolean {
  return actor?.assignments.some((a) => a.role === "system-admin") ?? false;
}

/** A system admin, or a holder of one of `roles` whose scope covers the unit at `unitPath`. */
export function holdsRoleOver(
  actor: Pick<Actor, "assignments"> | null,
  roles: readonly Role[],
  unitPath: string,
): boolean {
  if (!actor) return false;
  return actor.assignments.some(
    (a) =>
      a.role === "system-admin" || (roles.includes(a.role) && a.unitPath !== null && pathWithin(unitPath, a.unitPath)),
  );
}

/** The roles that work for a unit (file its models and their self-assessments). */
export const STAFF_ROLES: readonly Role[] = ["unit-admin", "unit-officer"];

/** Every role scoped to a unit: any of them reads inside its subtree. */
export const UNIT_ROLES: readonly Role[] = RoleSchema.options.filter((role) => role !== "system-admin");

/** Any role at all whose scope covers the unit (reading inside one's subtree). */
export function canReadUnit(actor: Pick<Actor, "assignments"> | null, unitPath: string): boolean {
  return holdsRoleOver(actor, UNIT_ROLES, unitPath);
}

/**
 * The actor's role assignments as the domain's actors, strongest first (the domain's
 * own order of roles), so a use case asks the domain with each until one is allowed.
 *
 * @example domainActorsOf(viewer).map((a) => a.role) // ["unit-admin", "reviewer"]
 */
export function domainActorsOf(actor: Actor): DomainActor[] {
  const strength = RoleSchema.options;
  return [...actor.assignments]
    .sort((a, b) => strength.indexOf(a.role) - strength.indexOf(b.role))
    .map((a) => ({ userId: actor.userId ?? "command-line", role: a.role, unitId: a.unitId }));
}
