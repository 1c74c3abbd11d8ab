import * as z from "zod/mini";
import { LocalizedTextSchema } from "../errors/domain-error.js";

/**
 * A kind of unit (loại đơn vị): configuration, not an enum, so an organization can add
 * its own. `code` is what a {@link Unit} stores in `kind`.
 *
 * @example UnitKindSchema.parse({ code: "school", label: { vi: "Trường học", en: "School" } })
 */
export const UnitKindSchema = z.strictObject({
  code: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
  label: LocalizedTextSchema,
});
/** A value parsed by {@link UnitKindSchema}. @example const value: UnitKind = UnitKindSchema.parse(input); */
export type UnitKind = z.infer<typeof UnitKindSchema>;

/**
 * The unit kinds of a Vietnamese local political system, as found in the Thanh Liêm
 * case: Party committees and cells, people's committees, the Fatherland Front and mass
 * organizations, the armed forces, inspectorates, schools and government offices.
 *
 * @example defaultUnitKinds.find((k) => k.code === "youth-union")?.label.vi // "Đoàn Thanh niên"
 */
// Stryker disable StringLiteral: display labels are data, checked by reading them, not by tests
export const defaultUnitKinds: readonly UnitKind[] = [
  { code: "party-committee", label: { vi: "Cấp ủy / Đảng bộ", en: "Party committee" } },
  { code: "party-cell", label: { vi: "Chi bộ", en: "Party cell" } },
  { code: "peoples-council", label: { vi: "Hội đồng nhân dân", en: "People's council" } },
  { code: "peoples-committee", label: { vi: "Ủy ban nhân dân", en: "People's committee" } },
  { code: "fatherland-front", label: { vi: "Mặt trận Tổ quốc", en: "Fatherland Front" } },
  { code: "youth-union", label: { vi: "Đoàn Thanh niên", en: "Youth Union" } },
  { code: "womens-union", label: { vi: "Hội Liên hiệp Phụ nữ", en: "Women's Union" } },
  { code: "veterans-association", label: { vi: "Hội Cựu chiến binh", en: "Veterans' Association" } },
  { code: "farmers-association", label: { vi: "Hội Nông dân", en: "Farmers' Association" } },
  { code: "military-command", label: { vi: "Ban Chỉ huy Quân sự", en: "Military command" } },
  { code: "police", label: { vi: "Công an", en: "Police" } },
  { code: "inspectorate", label: { vi: "Thanh tra", en: "Inspectorate" } },
  { code: "school", label: { vi: "Trường học", en: "School" } },
  { code: "government-office", label: { vi: "Cơ quan nhà nước", en: "Government office" } },
  { code: "enterprise", label: { vi: "Doanh nghiệp", en: "Enterprise" } },
];
// Stryker restore StringLiteral
