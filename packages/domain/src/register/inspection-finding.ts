import * as z from "zod/mini";
import { IsoDateSchema } from "../internal/iso-date.js";
import { CorrectiveActionSchema } from "./corrective-action.js";

/**
 * How serious a finding is, in increasing order.
 *
 * @example FindingSeveritySchema.options.indexOf("major") > FindingSeveritySchema.options.indexOf("minor") // true
 */
export const FindingSeveritySchema = z.enum(["observation", "minor", "major", "critical"]);
/** A value parsed by {@link FindingSeveritySchema}. @example const value: FindingSeverity = FindingSeveritySchema.parse(input); */
export type FindingSeverity = z.infer<typeof FindingSeveritySchema>;

/**
 * What an inspection found, about the unit in general, one of its models or one of its
 * commendations; the corrective actions required; and the re-verification that closes it.
 *
 * @example
 * InspectionFindingSchema.parse({ id: "f1", severity: "major", description: "Số liệu kết quả không có minh chứng",
 *   recordedOn: "2023-05-01", subject: { kind: "model", modelId: "m-qs" }, correctiveActions: [], reverification: null })
 */
export const InspectionFindingSchema = z
  .strictObject({
    id: z.string().check(z.minLength(1)),
    severity: FindingSeveritySchema,
    description: z.string().check(z.trim(), z.minLength(1)),
    recordedOn: IsoDateSchema,
    subject: z.discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("unit") }),
      z.strictObject({ kind: z.literal("model"), modelId: z.string().check(z.minLength(1)) }),
      z.strictObject({ kind: z.literal("commendation"), commendationId: z.string().check(z.minLength(1)) }),
    ]),
    correctiveActions: z.array(CorrectiveActionSchema),
    reverification: z.nullable(
      z.strictObject({
        on: IsoDateSchema,
        by: z.string().check(z.minLength(1)),
        outcome: z.enum(["resolved", "unresolved"]),
        note: z.optional(z.string().check(z.trim())),
      }),
    ),
  })
  .check(
    z.refine((f) => f.correctiveActions.every((a) => a.dueDate >= f.recordedOn), {
      message: "a corrective action cannot be due before the finding",
      params: { vi: "hạn khắc phục không được trước ngày ghi nhận phát hiện" },
      path: ["correctiveActions"],
    }),
    z.refine((f) => f.reverification === null || f.reverification.on >= f.recordedOn, {
      message: "re-verification cannot precede the finding",
      params: { vi: "ngày kiểm tra lại không được trước ngày ghi nhận phát hiện" },
      path: ["reverification", "on"],
    }),
  );
/** A value parsed by {@link InspectionFindingSchema}. @example const value: InspectionFinding = InspectionFindingSchema.parse(input); */
export type InspectionFinding = z.infer<typeof InspectionFindingSchema>;
