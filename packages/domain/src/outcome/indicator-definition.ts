import * as z from "zod/mini";
import { LocalizedTextSchema } from "../errors/domain-error.js";

/**
 * How values of an indicator combine across units and periods:
 * `sum` — add them (rice collected, money raised); `weighted-average` — average weighted
 * by another indicator's values for the same unit, model and period (share of complaints
 * resolved, weighted by complaints received); `none` — never combined.
 *
 * @example AggregationSchema.parse({ kind: "weighted-average", weightIndicatorCode: "complaints-received" })
 */
export const AggregationSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("sum") }),
  z.strictObject({ kind: z.literal("weighted-average"), weightIndicatorCode: z.string().check(z.minLength(1)) }),
  z.strictObject({ kind: z.literal("none") }),
]);
/** A value parsed by {@link AggregationSchema}. @example const value: Aggregation = AggregationSchema.parse(input); */
export type Aggregation = z.infer<typeof AggregationSchema>;

/**
 * A measured outcome (chỉ tiêu): code, names, the unit its values are recorded in, and
 * how they aggregate. Values of an indicator are always in its `unitCode`.
 *
 * @example
 * IndicatorDefinitionSchema.parse({ code: "rice-donated", name: { vi: "Gạo quyên góp", en: "Rice donated" },
 *   unitCode: "kg", aggregation: { kind: "sum" } })
 */
export const IndicatorDefinitionSchema = z.strictObject({
  code: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
  name: LocalizedTextSchema,
  unitCode: z.string().check(z.minLength(1)),
  aggregation: AggregationSchema,
});
/** A value parsed by {@link IndicatorDefinitionSchema}. @example const value: IndicatorDefinition = IndicatorDefinitionSchema.parse(input); */
export type IndicatorDefinition = z.infer<typeof IndicatorDefinitionSchema>;

/**
 * Indicators from the Thanh Liêm report, a starting point for configuration and demos.
 *
 * @example defaultIndicatorDefinitions.find((d) => d.code === "complaints-resolved")?.aggregation
 * // { kind: "weighted-average", weightIndicatorCode: "complaints-received" }
 */
export const defaultIndicatorDefinitions: readonly IndicatorDefinition[] = [
  {
    code: "road-length",
    name: { vi: "Chiều dài tuyến đường", en: "Road length" },
    unitCode: "km",
    aggregation: { kind: "sum" },
  },
  {
    code: "wall-removed",
    name: { vi: "Tường rào phá dỡ", en: "Walls removed" },
    unitCode: "m",
    aggregation: { kind: "sum" },
  },
  {
    code: "land-donated",
    name: { vi: "Đất hiến tặng", en: "Land donated" },
    unitCode: "m2",
    aggregation: { kind: "sum" },
  },
  {
    code: "money-raised",
    name: { vi: "Kinh phí huy động", en: "Money raised" },
    unitCode: "vnd",
    aggregation: { kind: "sum" },
  },
  {
    code: "workdays",
    name: { vi: "Ngày công lao động", en: "Workdays contributed" },
    unitCode: "workday",
    aggregation: { kind: "sum" },
  },
  {
    code: "rice-donated",
    name: { vi: "Gạo quyên góp", en: "Rice donated" },
    unitCode: "kg",
    aggregation: { kind: "sum" },
  },
  {
    code: "cattle-donated",
    name: { vi: "Bò tặng hộ nghèo", en: "Cattle given" },
    unitCode: "head",
    aggregation: { kind: "sum" },
  },
  {
    code: "people-helped",
    name: { vi: "Lượt người được giúp đỡ", en: "People helped" },
    unitCode: "person",
    aggregation: { kind: "sum" },
  },
  {
    code: "households-participating",
    name: { vi: "Hộ tham gia", en: "Households taking part" },
    unitCode: "household",
    aggregation: { kind: "sum" },
  },
  {
    code: "complaints-received",
    name: { vi: "Đơn thư thuộc thẩm quyền", en: "Complaints under own authority" },
    unitCode: "count",
    aggregation: { kind: "sum" },
  },
  {
    code: "complaints-resolved",
    name: { vi: "Tỷ lệ đơn thư giải quyết dứt điểm", en: "Share of complaints resolved" },
    unitCode: "percent",
    aggregation: { kind: "weighted-average", weightIndicatorCode: "complaints-received" },
  },
  {
    code: "satisfaction",
    name: { vi: "Chỉ số hài lòng", en: "Satisfaction index" },
    unitCode: "percent",
    aggregation: { kind: "none" },
  },
];
