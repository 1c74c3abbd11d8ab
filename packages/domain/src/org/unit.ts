import * as z from "zod/mini";

/**
 * A node of the organization tree (Đơn vị / tổ chức).
 * `parentId` is null for a root; `level` and `kind` are codes from the configured
 * levels and unit kinds (see `defaultLevelSets`, `defaultUnitKinds`). A unit keeps
 * the level it was recorded with, even after a reform retires that level.
 *
 * @example
 * UnitSchema.parse({ id: "u1", code: "HU-TL", name: "Huyện ủy Thanh Liêm", parentId: null, level: "district", kind: "party-committee" })
 */
export const UnitSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  code: z.string().check(z.minLength(1), z.maxLength(64)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
  parentId: z.nullable(z.string().check(z.minLength(1))),
  level: z.string().check(z.minLength(1)),
  kind: z.string().check(z.minLength(1)),
});
/** A value parsed by {@link UnitSchema}. @example const value: Unit = UnitSchema.parse(input); */
export type Unit = z.infer<typeof UnitSchema>;
