import * as z from "zod/mini";
import { RoleSchema } from "./role.js";

/**
 * Who acts: the user, their role, and the unit that role applies to (`null` only for a
 * system admin, whose scope is everything).
 *
 * @example ActorSchema.parse({ userId: "user-1", role: "unit-officer", unitId: "xa-thanh-ha" })
 */
export const ActorSchema = z
  .strictObject({
    userId: z.string().check(z.minLength(1)),
    role: RoleSchema,
    unitId: z.nullable(z.string().check(z.minLength(1))),
  })
  .check(
    z.refine((a) => a.unitId !== null || a.role === "system-admin", {
      message: "only a system admin may have no unit",
      params: { vi: "chỉ quản trị hệ thống mới được không gắn với đơn vị" },
      path: ["unitId"],
    }),
  );
/** A value parsed by {@link ActorSchema}. @example const value: Actor = ActorSchema.parse(input); */
export type Actor = z.infer<typeof ActorSchema>;
