import * as z from "zod/mini";
import { LocalizedTextSchema } from "../errors/domain-error.js";

/**
 * A field (lĩnh vực) a model belongs to: configuration, so each organization can keep
 * its own list. A model stores field `code`s.
 *
 * @example ModelFieldSchema.parse({ code: "environment", label: { vi: "Môi trường", en: "Environment" } })
 */
export const ModelFieldSchema = z.strictObject({
  code: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
  label: LocalizedTextSchema,
});
/** A value parsed by {@link ModelFieldSchema}. @example const value: ModelField = ModelFieldSchema.parse(input); */
export type ModelField = z.infer<typeof ModelFieldSchema>;

/**
 * The fields named in emulation movements of Vietnamese Party committees.
 *
 * @example defaultModelFields.map((f) => f.code).includes("social-welfare") // true
 */
export const defaultModelFields: readonly ModelField[] = [
  { code: "economy", label: { vi: "Kinh tế, nông thôn mới", en: "Economy and new rural development" } },
  { code: "culture-society", label: { vi: "Văn hóa - xã hội", en: "Culture and society" } },
  { code: "defence-security", label: { vi: "Quốc phòng - an ninh", en: "Defence and security" } },
  {
    code: "party-building",
    label: { vi: "Xây dựng Đảng và hệ thống chính trị", en: "Party and political-system building" },
  },
  { code: "administrative-reform", label: { vi: "Cải cách hành chính", en: "Administrative reform" } },
  { code: "environment", label: { vi: "Môi trường", en: "Environment" } },
  { code: "social-welfare", label: { vi: "An sinh xã hội - từ thiện", en: "Social welfare and charity" } },
  { code: "education", label: { vi: "Giáo dục - đào tạo", en: "Education and training" } },
  { code: "health", label: { vi: "Y tế", en: "Health" } },
];
