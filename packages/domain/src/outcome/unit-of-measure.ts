import * as z from "zod/mini";
import { LocalizedTextSchema } from "../errors/domain-error.js";
import { DimensionSchema } from "./dimension.js";

/**
 * A unit of measure (đơn vị tính). `factor` is how many of the dimension's smallest
 * unit one of it holds (km: 1000 m; tỷ đồng: 10^9 đồng) — a positive integer so
 * conversions are exact. `symbol` is what follows a number: `symbol.vi` never inflects;
 * `symbol.enOne` is the English singular ("1 person") when it differs from `symbol.en`.
 * `attached` writes the symbol with no space ("95%").
 *
 * @example
 * UnitOfMeasureSchema.parse({ code: "sao", dimension: "area", factor: 360,
 *   label: { vi: "Sào Bắc Bộ", en: "Sao (northern)" }, symbol: { vi: "sào", en: "sao" } })
 */
export const UnitOfMeasureSchema = z.strictObject({
  code: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
  dimension: DimensionSchema,
  factor: z.int().check(z.positive(), z.lte(Number.MAX_SAFE_INTEGER)),
  label: LocalizedTextSchema,
  symbol: z.strictObject({ vi: z.string(), en: z.string(), enOne: z.optional(z.string()) }),
  attached: z._default(z.boolean(), false),
});
/** A value parsed by {@link UnitOfMeasureSchema}. @example const value: UnitOfMeasure = UnitOfMeasureSchema.parse(input); */
export type UnitOfMeasure = z.infer<typeof UnitOfMeasureSchema>;

/**
 * The units of the Thanh Liêm reports: m, km; đồng, triệu đồng, tỷ đồng; m², ha; kg,
 * tấn; ngày công; hộ; con (head of cattle); người; a plain count; percent.
 *
 * @example defaultUnitsOfMeasure.find((u) => u.code === "billion-vnd")?.factor // 1_000_000_000
 */
export const defaultUnitsOfMeasure: readonly UnitOfMeasure[] = [
  {
    code: "m",
    dimension: "length",
    factor: 1,
    label: { vi: "Mét", en: "Metre" },
    symbol: { vi: "m", en: "m" },
    attached: false,
  },
  {
    code: "km",
    dimension: "length",
    factor: 1000,
    label: { vi: "Ki-lô-mét", en: "Kilometre" },
    symbol: { vi: "km", en: "km" },
    attached: false,
  },
  {
    code: "vnd",
    dimension: "money",
    factor: 1,
    label: { vi: "Đồng", en: "Vietnamese đồng" },
    symbol: { vi: "đồng", en: "VND" },
    attached: false,
  },
  {
    code: "million-vnd",
    dimension: "money",
    factor: 1_000_000,
    label: { vi: "Triệu đồng", en: "Million VND" },
    symbol: { vi: "triệu đồng", en: "million VND" },
    attached: false,
  },
  {
    code: "billion-vnd",
    dimension: "money",
    factor: 1_000_000_000,
    label: { vi: "Tỷ đồng", en: "Billion VND" },
    symbol: { vi: "tỷ đồng", en: "billion VND" },
    attached: false,
  },
  {
    code: "m2",
    dimension: "area",
    factor: 1,
    label: { vi: "Mét vuông", en: "Square metre" },
    symbol: { vi: "m²", en: "m²" },
    attached: false,
  },
  {
    code: "ha",
    dimension: "area",
    factor: 10_000,
    label: { vi: "Héc-ta", en: "Hectare" },
    symbol: { vi: "ha", en: "ha" },
    attached: false,
  },
  {
    code: "kg",
    dimension: "mass",
    factor: 1,
    label: { vi: "Ki-lô-gam", en: "Kilogram" },
    symbol: { vi: "kg", en: "kg" },
    attached: false,
  },
  {
    code: "tonne",
    dimension: "mass",
    factor: 1000,
    label: { vi: "Tấn", en: "Tonne" },
    symbol: { vi: "tấn", en: "tonnes", enOne: "tonne" },
    attached: false,
  },
  {
    code: "workday",
    dimension: "labour",
    factor: 1,
    label: { vi: "Ngày công", en: "Workday" },
    symbol: { vi: "ngày công", en: "workdays", enOne: "workday" },
    attached: false,
  },
  {
    code: "household",
    dimension: "households",
    factor: 1,
    label: { vi: "Hộ", en: "Household" },
    symbol: { vi: "hộ", en: "households", enOne: "household" },
    attached: false,
  },
  {
    code: "head",
    dimension: "cattle",
    factor: 1,
    label: { vi: "Con (gia súc)", en: "Head of cattle" },
    symbol: { vi: "con", en: "head of cattle" },
    attached: false,
  },
  {
    code: "person",
    dimension: "people",
    factor: 1,
    label: { vi: "Người", en: "Person" },
    symbol: { vi: "người", en: "people", enOne: "person" },
    attached: false,
  },
  {
    code: "count",
    dimension: "count",
    factor: 1,
    label: { vi: "Số lượng", en: "Count" },
    symbol: { vi: "", en: "" },
    attached: false,
  },
  {
    code: "percent",
    dimension: "percent",
    factor: 1,
    label: { vi: "Phần trăm", en: "Percent" },
    symbol: { vi: "%", en: "%" },
    attached: true,
  },
];
