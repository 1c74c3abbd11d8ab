import * as z from "zod/mini";
import { IsoDateSchema } from "../internal/iso-date.js";
import { EvidenceSchema } from "./evidence.js";
import { ModelStatusSchema } from "./model-status.js";
import { ModelTargetSchema } from "./model-target.js";

const modelShape = {
  id: z.string().check(z.minLength(1)),
  code: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  ownerUnitId: z.string().check(z.minLength(1)),
  fieldCodes: z.array(z.string().check(z.minLength(1))).check(
    z.minLength(1),
    z.refine((codes) => new Set(codes).size === codes.length, {
      message: "field codes must be unique",
      params: { vi: "mã lĩnh vực không được trùng nhau" },
    }),
  ),
  annualTheme: z.nullable(z.string().check(z.trim(), z.minLength(1))),
  problem: z.string().check(z.trim()),
  solution: z.string().check(z.trim()),
  startDate: IsoDateSchema,
  targets: z.array(ModelTargetSchema),
  evidence: z.array(EvidenceSchema),
  /** Set when this model is a replication (nhân rộng) of another. */
  originModelId: z.nullable(z.string().check(z.minLength(1))),
  /** True for demo data, so reports and exports can leave it out. */
  generated: z._default(z.boolean(), false),
  status: ModelStatusSchema,
};

/**
 * An exemplary model (mô hình): a unit's initiative with its fields, problem, solution,
 * targets and evidence. `kind: "individual"` models carry the person's name;
 * `kind: "collective"` models belong to the owner unit as a whole.
 *
 * @example
 * ModelSchema.parse({
 *   kind: "collective", id: "m1", code: "QS-01", name: "Đường hoa quân sự", ownerUnitId: "chqs",
 *   fieldCodes: ["defence-security", "environment"], annualTheme: null, problem: "", solution: "",
 *   startDate: "2019-03-01", targets: [{ indicatorCode: "road-length", targetValue: 3, unitCode: "km" }],
 *   evidence: [], originModelId: null, status: "draft",
 * })
 */
export const ModelSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("collective"), ...modelShape }),
    z.strictObject({
      kind: z.literal("individual"),
      personName: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
      ...modelShape,
    }),
  ])
  .check(
    z.refine((m) => m.originModelId !== m.id, {
      message: "a model cannot be its own origin",
      params: { vi: "mô hình không thể là mô hình gốc của chính nó" },
      path: ["originModelId"],
    }),
  );
/** A value parsed by {@link ModelSchema}. @example const value: Model = ModelSchema.parse(input); */
export type Model = z.infer<typeof ModelSchema>;
