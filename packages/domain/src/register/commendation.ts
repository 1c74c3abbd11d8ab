import * as z from "zod/mini";
import { IsoDateSchema } from "../internal/iso-date.js";

/**
 * Who receives a commendation: a model, a unit (collective) or a person.
 *
 * @example CommendationRecipientSchema.parse({ kind: "person", personName: "Nguyễn Thị B", unitId: "xa-a" })
 */
export const CommendationRecipientSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("model"), modelId: z.string().check(z.minLength(1)) }),
  z.strictObject({ kind: z.literal("unit"), unitId: z.string().check(z.minLength(1)) }),
  z.strictObject({
    kind: z.literal("person"),
    personName: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    unitId: z.nullable(z.string().check(z.minLength(1))),
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
    until: z.nullable(IsoDateSchema),
    reason: z.string().check(z.trim(), z.minLength(1)),
    findingId: z.nullable(z.string().check(z.minLength(1))),
  })
  .check(
    z.refine((s) => s.until === null || s.from <= s.until, {
      message: "until must not be before from",
      params: { vi: "until không được trước from" },
      path: ["until"],
    }),
  );
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
    id: z.string().check(z.minLength(1)),
    decisionNumber: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
    decisionDate: IsoDateSchema,
    issuerUnitId: z.string().check(z.minLength(1)),
    levelCode: z.string().check(z.minLength(1)),
    formCode: z.string().check(z.minLength(1)),
    recipient: CommendationRecipientSchema,
    achievement: z.optional(z.string().check(z.trim())),
    validUntil: z.nullable(IsoDateSchema),
    suspensions: z.array(CommendationSuspensionSchema),
    revocation: z.nullable(
      z.strictObject({
        revokedOn: IsoDateSchema,
        reason: z.string().check(z.trim(), z.minLength(1)),
        decisionNumber: z.nullable(z.string().check(z.trim(), z.minLength(1))),
      }),
    ),
  })
  .check(
    z.refine((c) => c.validUntil === null || c.decisionDate <= c.validUntil, {
      message: "validUntil must not be before the decision date",
      params: { vi: "validUntil không được trước ngày quyết định" },
      path: ["validUntil"],
    }),
    z.refine((c) => c.revocation === null || c.decisionDate <= c.revocation.revokedOn, {
      message: "a commendation cannot be revoked before its decision date",
      params: { vi: "không thể thu hồi khen thưởng trước ngày quyết định" },
      path: ["revocation", "revokedOn"],
    }),
  );
/** A value parsed by {@link CommendationSchema}. @example const value: Commendation = CommendationSchema.parse(input); */
export type Commendation = z.infer<typeof CommendationSchema>;
