import * as z from "zod/mini";

/**
 * What a user may do, always relative to their unit: a `unit-officer` drafts and
 * submits for their own unit, a `unit-admin` also approves for units below, a
 * `reviewer` scores, a `viewer` reads, a `system-admin` configures everything.
 *
 * @example RoleSchema.parse("unit-officer")
 */
export const RoleSchema = z.enum(["system-admin", "unit-admin", "unit-officer", "reviewer", "viewer"]);
/** A value parsed by {@link RoleSchema}. @example const value: Role = RoleSchema.parse(input); */
export type Role = z.infer<typeof RoleSchema>;
