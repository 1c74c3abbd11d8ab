import * as z from "zod";

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
  id: z.string().min(1),
  code: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(300),
  parentId: z.string().min(1).nullable(),
  level: z.string().min(1),
  kind: z.string().min(1),
});
/** A value parsed by {@link UnitSchema}. @example const value: Unit = UnitSchema.parse(input); */
export type Unit = z.infer<typeof UnitSchema>;
