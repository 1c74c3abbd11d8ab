import { z } from "zod";

/**
 * A node of the organization tree (Đơn vị / tổ chức).
 * `parentId` is null for a root; `level` and `kind` are codes from the configured
 * levels and unit kinds.
 */
export const UnitSchema = z.object({
  id: z.string().min(1),
  code: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(300),
  parentId: z.string().min(1).nullable(),
  level: z.string().min(1),
  kind: z.string().min(1),
});
export type Unit = z.infer<typeof UnitSchema>;
