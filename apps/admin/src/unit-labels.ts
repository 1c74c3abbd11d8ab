/**
 * The level and unit-kind codes of the default configuration (`defaultLevelSets` and
 * `defaultUnitKinds` in @lantoa/domain/org): the pickers' fallback until the gateway's
 * `configuration` query answers (see `useConfiguration`). The gateway checks every code it is
 * sent and answers ORG.UNKNOWN_CONFIGURATION for an unknown one.
 */
export const levelCodes = ["province", "district", "commune"] as const;

export const unitKindCodes = [
  "party-committee",
  "party-cell",
  "peoples-council",
  "peoples-committee",
  "fatherland-front",
  "youth-union",
  "womens-union",
  "veterans-association",
  "farmers-association",
  "military-command",
  "police",
  "inspectorate",
  "school",
  "government-office",
  "enterprise",
] as const;

/** The gateway's rule for unit codes (`UNIT_CODE` in apps/gateway/src/schema/unit.ts). */
export const unitCodePattern = /^[A-Za-z0-9._-]{1,64}$/;

/** A unit as the units page lists it, with what its forms need (version, parent). */
export interface UnitRow {
  id: string;
  code: string | null;
  name: string | null;
  level: string | null;
  kind: string | null;
  depth: number | null;
  version: number | null;
  parent: { id: string } | null;
}

/** A unit as the tree needs it: its parent, to walk up to a viewer's role. */
export interface TreeUnit {
  id: string;
  name: string | null;
  parent: { id: string } | null;
}

/**
 * Whether the viewer holds one of `roleNames` over `unitId`: a system admin everywhere, the
 * other roles in the subtree of their unit. It only decides which buttons and choices to
 * show; the gateway decides again.
 */
export function holdsRoleOver(
  unitId: string,
  roles: readonly { role: string | null; unitId: string | null }[],
  parentOf: ReadonlyMap<string, string | null>,
  roleNames: readonly string[],
): boolean {
  if (roles.some((r) => r.role === "system-admin")) return true;
  const units = new Set(roles.filter((r) => r.role && roleNames.includes(r.role) && r.unitId).map((r) => r.unitId));
  for (let id: string | null | undefined = unitId; id; id = parentOf.get(id)) {
    if (units.has(id)) return true;
  }
  return false;
}

/** Whether the viewer administers `unitId` (its subtree's unit admin, or a system admin). */
export function administers(
  unitId: string,
  roles: readonly { role: string | null; unitId: string | null }[],
  parentOf: ReadonlyMap<string, string | null>,
): boolean {
  return holdsRoleOver(unitId, roles, parentOf, ["unit-admin"]);
}
