import * as z from "zod/mini";
import { RoleSchema } from "../org/role.js";
import { ModelActionSchema } from "./model-command.js";
import { ModelStatusSchema } from "./model-status.js";

/**
 * Whose unit may take an action, relative to the model's owner unit:
 * `owner-unit` — the owner unit itself; `parent-unit` — its direct parent;
 * `unit-above` — any unit strictly above it; `owner-or-above` — the owner or above.
 *
 * @example UnitAuthoritySchema.parse("unit-above")
 */
export const UnitAuthoritySchema = z.enum(["owner-unit", "parent-unit", "unit-above", "owner-or-above"]);
/** A value parsed by {@link UnitAuthoritySchema}. @example const value: UnitAuthority = UnitAuthoritySchema.parse(input); */
export type UnitAuthority = z.infer<typeof UnitAuthoritySchema>;

/**
 * One edge of the lifecycle: an action, the statuses it may start from (empty for
 * `draft`, which creates the model), the status it leads to (`"previous"` = back to the
 * status the model was suspended from), the roles and unit authority allowed to take it,
 * and whether a reason is required. A `system-admin` may take every action.
 *
 * @example
 * ModelTransitionRuleSchema.parse({ action: "approve", from: ["submitted"], to: "approved",
 *   roles: ["unit-admin"], authority: "unit-above", reasonRequired: false })
 */
export const ModelTransitionRuleSchema = z.strictObject({
  action: ModelActionSchema,
  from: z.array(ModelStatusSchema),
  to: z.union([ModelStatusSchema, z.literal("previous")]),
  roles: z.array(RoleSchema),
  authority: UnitAuthoritySchema,
  reasonRequired: z.boolean(),
});
/** A value parsed by {@link ModelTransitionRuleSchema}. @example const value: ModelTransitionRule = ModelTransitionRuleSchema.parse(input); */
export type ModelTransitionRule = z.infer<typeof ModelTransitionRuleSchema>;

/**
 * The default lifecycle of a model: the owner unit's officers draft, submit (again after
 * a return), withdraw a submission back to draft before it is approved, and activate; an admin of a unit above approves, returns, suspends and
 * reinstates; the owner's admin or a unit above archives. Return, suspend and archive
 * need a reason.
 *
 * @example modelLifecycle.find((r) => r.action === "approve")?.authority // "unit-above"
 */
export const modelLifecycle: readonly ModelTransitionRule[] = [
  {
    action: "draft",
    from: [],
    to: "draft",
    roles: ["unit-officer", "unit-admin"],
    authority: "owner-unit",
    reasonRequired: false,
  },
  {
    action: "submit",
    from: ["draft", "returned"],
    to: "submitted",
    roles: ["unit-officer", "unit-admin"],
    authority: "owner-unit",
    reasonRequired: false,
  },
  {
    action: "withdraw",
    from: ["submitted"],
    to: "draft",
    roles: ["unit-officer", "unit-admin"],
    authority: "owner-unit",
    reasonRequired: false,
  },
  {
    action: "approve",
    from: ["submitted"],
    to: "approved",
    roles: ["unit-admin"],
    authority: "unit-above",
    reasonRequired: false,
  },
  {
    action: "return",
    from: ["submitted"],
    to: "returned",
    roles: ["unit-admin"],
    authority: "unit-above",
    reasonRequired: true,
  },
  {
    action: "activate",
    from: ["approved"],
    to: "active",
    roles: ["unit-officer", "unit-admin"],
    authority: "owner-unit",
    reasonRequired: false,
  },
  {
    action: "suspend",
    from: ["approved", "active"],
    to: "suspended",
    roles: ["unit-admin"],
    authority: "unit-above",
    reasonRequired: true,
  },
  {
    action: "reinstate",
    from: ["suspended"],
    to: "previous",
    roles: ["unit-admin"],
    authority: "unit-above",
    reasonRequired: false,
  },
  {
    action: "archive",
    from: ["active", "suspended"],
    to: "archived",
    roles: ["unit-admin"],
    authority: "owner-or-above",
    reasonRequired: true,
  },
];
