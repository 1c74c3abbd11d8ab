import * as z from "zod/mini";
import { IsoDateSchema } from "../internal/iso-date.js";
import { InspectionFindingSchema } from "./inspection-finding.js";

/**
 * An inspection or supervision (kiểm tra, giám sát) of a unit by another over a period:
 * the plan, the visits made, and the findings.
 *
 * @example
 * InspectionPlanSchema.parse({ id: "k1", kind: "inspection", inspectedUnitId: "xa-a", inspectingUnitId: "huyen",
 *   period: { from: "2022-01-01", to: "2022-12-31" }, visits: [], findings: [] })
 */
export const InspectionPlanSchema = z
  .strictObject({
    id: z.string().check(z.minLength(1)),
    kind: z.enum(["inspection", "supervision"]),
    inspectedUnitId: z.string().check(z.minLength(1)),
    inspectingUnitId: z.string().check(z.minLength(1)),
    period: z.strictObject({ from: IsoDateSchema, to: IsoDateSchema }),
    visits: z.array(
      z.strictObject({
        id: z.string().check(z.minLength(1)),
        date: IsoDateSchema,
        note: z.optional(z.string().check(z.trim())),
      }),
    ),
    findings: z.array(InspectionFindingSchema),
  })
  .check(
    z.refine((p) => p.inspectedUnitId !== p.inspectingUnitId, {
      message: "a unit does not inspect itself",
      params: { vi: "đơn vị không tự kiểm tra chính mình" },
      path: ["inspectingUnitId"],
    }),
    z.refine((p) => p.period.from <= p.period.to, {
      message: "the period ends before it starts",
      params: { vi: "kỳ kiểm tra kết thúc trước khi bắt đầu" },
      path: ["period", "to"],
    }),
  );
/** A value parsed by {@link InspectionPlanSchema}. @example const value: InspectionPlan = InspectionPlanSchema.parse(input); */
export type InspectionPlan = z.infer<typeof InspectionPlanSchema>;
