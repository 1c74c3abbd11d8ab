import type { ModelAction, ModelStatus } from "@lantoa/client";

/** The field codes of the default configuration, in the order admins know them. */
export const fieldCodes = [
  "economy",
  "culture-society",
  "defence-security",
  "party-building",
  "administrative-reform",
  "environment",
  "social-welfare",
  "education",
  "health",
] as const;

/** The lifecycle's statuses, in the order a model passes through them. */
export const statusCodes: readonly ModelStatus[] = [
  "draft",
  "submitted",
  "returned",
  "approved",
  "active",
  "suspended",
  "archived",
];

/**
 * Which actions a model's status allows, and whether they need a reason: a copy of the
 * domain's default lifecycle (`modelLifecycle` in @lantoa/domain) kept here so the browser
 * bundle carries no zod. It only decides which buttons to show; the gateway decides
 * (role, unit, version) and answers with a typed error when the viewer may not.
 */
export const lifecycleActions: readonly {
  action: ModelAction;
  from: readonly ModelStatus[];
  reason: boolean;
  roles: readonly string[];
}[] = [
  { action: "submit", from: ["draft", "returned"], reason: false, roles: ["unit-officer", "unit-admin"] },
  { action: "approve", from: ["submitted"], reason: false, roles: ["unit-admin"] },
  { action: "return", from: ["submitted"], reason: true, roles: ["unit-admin"] },
  { action: "activate", from: ["approved"], reason: false, roles: ["unit-officer", "unit-admin"] },
  { action: "suspend", from: ["approved", "active"], reason: true, roles: ["unit-admin"] },
  { action: "reinstate", from: ["suspended"], reason: false, roles: ["unit-admin"] },
  { action: "archive", from: ["active", "suspended"], reason: true, roles: ["unit-admin"] },
];

/** The actions worth offering for a model in `status` to a viewer with `roles`. */
export function offeredActions(status: ModelStatus | null | undefined, roles: readonly string[]) {
  if (!status) return [];
  return lifecycleActions.filter(
    (rule) =>
      rule.from.includes(status) && (roles.includes("system-admin") || rule.roles.some((r) => roles.includes(r))),
  );
}

/** Badge colours by status, so a list scans at a glance. */
export const statusColor: Record<string, string> = {
  draft: "gray",
  submitted: "blue",
  returned: "orange",
  approved: "teal",
  active: "green",
  suspended: "yellow",
  archived: "dark",
};
