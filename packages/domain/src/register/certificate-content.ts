import * as z from "zod/mini";
import { IsoDateSchema } from "../internal/iso-date.js";
import type { Commendation } from "./commendation.js";

/**
 * What a printed certificate (giấy khen, bằng khen…) says, and nothing else: the text its
 * public verification page repeats and its SHA-256 covers, so a printed copy can be
 * checked against the register word for word.
 *
 * @example
 * CertificateContentSchema.parse({ verificationCode: "KT-3F9A2C7B1D", title: "GIẤY KHEN",
 *   issuer: "Ban Thường vụ Huyện ủy Thanh Liêm", decisionNumber: "513-QĐ/HU", decisionDate: "2022-12-28",
 *   place: "Thanh Liêm", recipient: "Ban Chỉ huy Quân sự huyện Thanh Liêm", recipientUnit: null,
 *   model: "Đường hoa quân sự", reason: "Đã có thành tích…" })
 */
export const CertificateContentSchema = z.strictObject({
  verificationCode: z.string().check(z.minLength(1)),
  /** The form in capitals, as printed: "GIẤY KHEN", "BẰNG KHEN". */
  title: z.string().check(z.minLength(1)),
  issuer: z.string().check(z.minLength(1)),
  decisionNumber: z.string().check(z.minLength(1)),
  decisionDate: IsoDateSchema,
  /** Where it is dated from ("Thanh Liêm, ngày …"). */
  place: z.string(),
  /** Who receives it: the unit running the model, the unit, or the person. */
  recipient: z.string().check(z.minLength(1)),
  /** A person's unit; null otherwise. */
  recipientUnit: z.nullable(z.string()),
  /** The model commended, when the award is for one. */
  model: z.nullable(z.string()),
  reason: z.string().check(z.minLength(1)),
});
/** A value parsed by {@link CertificateContentSchema}. @example const value: CertificateContent = CertificateContentSchema.parse(input); */
export type CertificateContent = z.infer<typeof CertificateContentSchema>;

/** What {@link certificateContent} is told besides the commendation: names the register holds elsewhere. */
export interface CertificateFacts {
  readonly commendation: Commendation;
  readonly verificationCode: string;
  /** The form's Vietnamese label ("Giấy khen"). */
  readonly formLabel: string;
  /** The place the issuer dates from (see `placeNameOf`). */
  readonly place: string;
  /** The commended model and the unit running it. */
  readonly model: { readonly name: string; readonly unitName: string } | null;
  /** The recipient unit (a collective), or a person's unit. */
  readonly unitName: string | null;
  /** The round that led to it and the tier reached there, if any. */
  readonly round: { readonly name: string; readonly tierLabel: string | null } | null;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase("vi") + text.slice(1);
}

/**
 * The reason printed when the decision recorded none: the round and tier a model reached,
 * the model, or the movement in general.
 *
 * @example defaultCommendationReason({ model: "Đường hoa quân sự", round: { name: "Bình xét năm 2022", tierLabel: "Tiêu biểu" } })
 * // "Đã có thành tích tiêu biểu trong xây dựng và nhân rộng mô hình, được xếp loại “Tiêu biểu” trong đợt bình xét năm 2022."
 */
export function defaultCommendationReason(facts: {
  readonly model: string | null;
  readonly round: CertificateFacts["round"];
}): string {
  if (facts.round) {
    const tier = facts.round.tierLabel ? `, được xếp loại “${facts.round.tierLabel}”` : "";
    return `Đã có thành tích tiêu biểu trong xây dựng và nhân rộng mô hình${tier} trong đợt ${lowerFirst(facts.round.name)}.`;
  }
  if (facts.model) return `Đã có thành tích xuất sắc trong xây dựng và nhân rộng mô hình “${facts.model}”.`;
  return "Đã có thành tích xuất sắc trong phong trào thi đua.";
}

/**
 * What the certificate of a commendation says: a model's award goes to the unit running
 * it, naming the model; a unit's to the unit; a person's to the person, with their unit.
 * The recorded reason is printed, or {@link defaultCommendationReason}.
 *
 * @example certificateContent({ commendation, verificationCode: "KT-3F9A2C7B1D", formLabel: "Giấy khen",
 *   place: "Thanh Liêm", model: { name: "Đường hoa quân sự", unitName: "Ban Chỉ huy Quân sự huyện Thanh Liêm" },
 *   unitName: null, round: null }).recipient // "Ban Chỉ huy Quân sự huyện Thanh Liêm"
 */
export function certificateContent(facts: CertificateFacts): CertificateContent {
  const c = facts.commendation;
  const recipient =
    c.recipient.kind === "person"
      ? c.recipient.personName
      : c.recipient.kind === "model"
        ? (facts.model?.unitName ?? facts.unitName ?? "")
        : (facts.unitName ?? "");
  const model = c.recipient.kind === "model" ? (facts.model?.name ?? null) : null;
  return CertificateContentSchema.parse({
    verificationCode: facts.verificationCode,
    title: facts.formLabel.toLocaleUpperCase("vi"),
    issuer: c.issuerUnitId,
    decisionNumber: c.decisionNumber,
    decisionDate: c.decisionDate,
    place: facts.place,
    recipient,
    recipientUnit: c.recipient.kind === "person" ? facts.unitName : null,
    model,
    reason: c.achievement?.trim() || defaultCommendationReason({ model, round: facts.round }),
  });
}
