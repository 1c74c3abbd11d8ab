import * as z from "zod/mini";
import { LocalizedTextSchema } from "../errors/domain-error.js";

/**
 * A form of commendation (hình thức khen thưởng): configuration, stored by code.
 *
 * @example CommendationFormSchema.parse({ code: "certificate-of-merit", label: { vi: "Bằng khen", en: "Certificate of merit" } })
 */
export const CommendationFormSchema = z.strictObject({
  code: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
  label: LocalizedTextSchema,
});
/** A value parsed by {@link CommendationFormSchema}. @example const value: CommendationForm = CommendationFormSchema.parse(input); */
export type CommendationForm = z.infer<typeof CommendationFormSchema>;

/**
 * Common forms in Vietnamese emulation and commendation work, from a public mention
 * (biểu dương) to orders.
 *
 * @example defaultCommendationForms[0]?.label.vi // "Biểu dương"
 */
export const defaultCommendationForms: readonly CommendationForm[] = [
  { code: "public-praise", label: { vi: "Biểu dương", en: "Public praise" } },
  { code: "certificate-of-commendation", label: { vi: "Giấy khen", en: "Certificate of commendation" } },
  { code: "certificate-of-merit", label: { vi: "Bằng khen", en: "Certificate of merit" } },
  { code: "emulation-flag", label: { vi: "Cờ thi đua", en: "Emulation flag" } },
  { code: "emulation-fighter", label: { vi: "Chiến sĩ thi đua", en: "Emulation fighter title" } },
  { code: "labour-order", label: { vi: "Huân chương Lao động", en: "Labour Order" } },
];
