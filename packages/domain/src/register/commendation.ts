import * as z from "zod";
import { IsoDateSchema } from "../internal/iso-date.js";

/**
 * Who receives a commendation: a model, a unit (collective) or a person.
 *
 * @example CommendationRecipientSchema.parse({ kind: "person", personName: "Nguyễn Thị B", unitId: "xa-a" })
 */
export const CommendationRecipientSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("model"), modelId: z.string().min(1) }),
  z.strictObject({ kind: z.literal("unit"), unitId: z.string().min(1) }),
  z.strictObject({
    kind: z.literal("person"),
    personName: z.string().trim().min(1).max(200),
    unitId: z.string().min(1).nullable(),
  }),
]);
/** A value parsed by {@link CommendationRecipientSchema}. @example const value: CommendationRecipient = CommendationRecipientSchema.parse(input); */
export type CommendationRecipient = z.infer<typeof CommendationRecipientSchema>;

/**
 * A span during which a commendation is suspended (e.g. after an inspection finding);
 * `until` is the last suspended day, `null` while it lasts.
 *
 * @example CommendationSuspensionSchema.parse({ from: "2023-05-01", until: null, reason: "Kết luận kiểm tra", findingId: "f1" })
 */
export const CommendationSuspensionSchema = z
  .strictObject({
    from: IsoDateSchema,
    until: IsoDateSchema.nullable(),
    reason: z.string().trim().min(1),
    findingId: z.string().min(1).nullable(),
  })
  .refine((s) => s.until === null || s.from <= s.until, { message: "until must not be before from", path: ["until"] });
/** A value parsed by {@link CommendationSuspensionSchema}. @example const value: CommendationSuspension = CommendationSuspensionSchema.parse(input); */
export type CommendationSuspension = z.infer<typeof CommendationSuspensionSchema>;

/**
 * A commendation (khen thưởng) by decision: number and date, issuing unit, level, form,
 * recipient, optional end of validity (inclusive), suspensions and a revocation.
 * Use `isCommendationInForce` rather than reading the fields.
 *
 * @example
 * CommendationSchema.parse({ id: "c1", decisionNumber: "125-QĐ/HU", decisionDate: "2022-09-15",
 *   issuerUnitId: "huyen", levelCode: "district", formCode: "certificate-of-merit",
 *   recipient: { kind: "model", modelId: "m-qs" }, validUntil: null, suspensions: [], revocation: null })
 */
export const CommendationSchema = z
  .strictObject({
    id: z.string().min(1),
    decisionNumber: z.string().trim().min(1).max(64),
    decisionDate: IsoDateSchema,
    issuerUnitId: z.string().min(1),
    levelCode: z.string().min(1),
    formCode: z.string().min(1),
    recipient: CommendationRecipientSchema,
    achievement: z.string().trim().optional(),
    validUntil: IsoDateSchema.nullable(),
    suspensions: z.array(CommendationSuspensionSchema),
    revocation: z
      .strictObject({
        revokedOn: IsoDateSchema,
        reason: z.string().trim().min(1),
        decisionNumber: z.string().trim().min(1).nullable(),
      })
      .nullable(),
  })
  .refine((c) => c.validUntil === null || c.decisionDate <= c.validUntil, {
    message: "validUntil must not be before the decision date",
    path: ["validUntil"],
  })
  .refine((c) => c.revocation === null || c.decisionDate <= c.revocation.revokedOn, {
    message: "a commendation cannot be revoked before its decision date",
    path: ["revocation", "revokedOn"],
  });
/** A value parsed by {@link CommendationSchema}. @example const value: Commendation = CommendationSchema.parse(input); */
export type Commendation = z.infer<typeof CommendationSchema>;
