import * as z from "zod/mini";
import { LocalizedTextSchema } from "../errors/domain-error.js";
import { IsoDateSchema } from "../internal/iso-date.js";

/**
 * One tier (cấp) of a level set. `rank` 0 is the top; a record keeps the level `code`
 * it was created with, so codes are stable across reforms ("district" still means
 * district on a 2020 record).
 *
 * @example LevelSchema.parse({ code: "commune", label: { vi: "Cấp xã", en: "Commune" }, rank: 2 })
 */
export const LevelSchema = z.strictObject({
  code: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
  label: LocalizedTextSchema,
  rank: z.int().check(z.nonnegative()),
});
/** A value parsed by {@link LevelSchema}. @example const value: Level = LevelSchema.parse(input); */
export type Level = z.infer<typeof LevelSchema>;

/**
 * The tiers in force over a span of dates (both ends inclusive, `null` = open).
 * Ranks are unique within a set.
 *
 * @example LevelSetSchema.parse(defaultLevelSets[1])
 */
export const LevelSetSchema = z
  .strictObject({
    code: z.string().check(z.minLength(1)),
    label: LocalizedTextSchema,
    validFrom: z.nullable(IsoDateSchema),
    validTo: z.nullable(IsoDateSchema),
    levels: z.array(LevelSchema).check(z.minLength(1)),
  })
  .check(
    z.refine((s) => s.validFrom === null || s.validTo === null || s.validFrom <= s.validTo, {
      message: "validFrom must not be after validTo",
      params: { vi: "validFrom không được sau validTo" },
      path: ["validTo"],
    }),
    z.refine((s) => new Set(s.levels.map((l) => l.code)).size === s.levels.length, {
      message: "level codes must be unique",
      params: { vi: "mã cấp không được trùng nhau" },
      path: ["levels"],
    }),
    z.refine((s) => new Set(s.levels.map((l) => l.rank)).size === s.levels.length, {
      message: "level ranks must be unique",
      params: { vi: "thứ bậc của các cấp không được trùng nhau" },
      path: ["levels"],
    }),
  );
/** A value parsed by {@link LevelSetSchema}. @example const value: LevelSet = LevelSetSchema.parse(input); */
export type LevelSet = z.infer<typeof LevelSetSchema>;

// Stryker disable StringLiteral: display labels are data, checked by reading them, not by tests
const PROVINCE: Level = { code: "province", label: { vi: "Cấp tỉnh", en: "Province" }, rank: 0 };

/**
 * Vietnam's local government tiers: three tiers (province, district, commune) until
 * 2025-06-30, two tiers (province, commune) since the reform of 2025-07-01.
 *
 * @example levelSetOn(defaultLevelSets, "2022-05-01") // ok(the three-tier set)
 */
export const defaultLevelSets: readonly LevelSet[] = [
  {
    code: "vn-three-tier",
    label: { vi: "Chính quyền địa phương ba cấp", en: "Three-tier local government" },
    validFrom: null,
    validTo: "2025-06-30",
    levels: [
      PROVINCE,
      { code: "district", label: { vi: "Cấp huyện", en: "District" }, rank: 1 },
      { code: "commune", label: { vi: "Cấp xã", en: "Commune" }, rank: 2 },
    ],
  },
  {
    code: "vn-two-tier",
    label: { vi: "Chính quyền địa phương hai cấp", en: "Two-tier local government" },
    validFrom: "2025-07-01",
    validTo: null,
    levels: [PROVINCE, { code: "commune", label: { vi: "Cấp xã", en: "Commune" }, rank: 1 }],
  },
];
// Stryker restore StringLiteral
