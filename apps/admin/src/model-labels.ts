import type { ModelStatus } from "@lantoa/client";

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
