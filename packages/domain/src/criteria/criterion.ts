import * as z from "zod/mini";
import { LocalizedTextSchema } from "../errors/index.js";
import { GateConditionSchema } from "./gate-condition.js";
import { IndicatorRuleSchema } from "./indicator-rule.js";
import { CriteriaIdSchema } from "./scale.js";

const base = {
  id: CriteriaIdSchema,
  label: LocalizedTextSchema,
  description: z.optional(LocalizedTextSchema),
};
// A scored criterion declares either its maximum `points` or a `weight` (percent of
// the set's total); one set uses one of the two throughout.
const allocation = {
  points: z.optional(z.number().check(z.nonnegative())),
  weight: z.optional(z.number().check(z.positive())),
};

/**
 * A reviewer scores the model on a scale of the set; the rating is normalized to [0, 1] and scaled to the points.
 *
 * @example
 * RatingCriterionSchema.parse({ kind: "rating", id: "reach", label: { vi: "Sức lan tỏa", en: "Reach" }, points: 15, scaleId: "quality-10" })
 */
export const RatingCriterionSchema = z.strictObject({
  kind: z.literal("rating"),
  ...base,
  ...allocation,
  scaleId: CriteriaIdSchema,
});
/**
 * Points computed from one of the model's indicator values by a rule.
 *
 * @example
 * IndicatorCriterionSchema.parse({ kind: "indicator", id: "votes", label: { vi: "Bình chọn", en: "Votes" }, points: 20, rule: { kind: "relative-to-best", input: "votes" } })
 */
export const IndicatorCriterionSchema = z.strictObject({
  kind: z.literal("indicator"),
  ...base,
  ...allocation,
  rule: IndicatorRuleSchema,
});
/**
 * Points computed by a formula over inputs, facts and other criteria of the set
 * (`rating("id")`, `points("id")`, `group_total("id")`); the result is clamped to [0, points].
 *
 * @example
 * FormulaCriterionSchema.parse({ kind: "formula", id: "sustainability", label: { vi: "Tính bền vững", en: "Sustainability" }, points: 10, expression: "min(10, 2.5 × months_running ÷ 12)" })
 */
export const FormulaCriterionSchema = z.strictObject({
  kind: z.literal("formula"),
  ...base,
  ...allocation,
  expression: z.string().check(z.minLength(1)),
});
/**
 * Pass/fail; an eliminatory gate disqualifies, the others count toward an allowance of
 * failures: the nearest enclosing group's `maxNonEliminatoryFailures`, else the set's
 * `gatePolicy.maxNonEliminatoryFailures`.
 *
 * @example
 * GateCriterionSchema.parse({ kind: "gate", id: "running-12-months", label: { vi: "Đủ 12 tháng", en: "12 months" }, condition: { kind: "running-months", months: 12 } })
 */
export const GateCriterionSchema = z.strictObject({
  kind: z.literal("gate"),
  ...base,
  condition: GateConditionSchema,
  eliminatory: z._default(z.boolean(), true),
});

/**
 * A criterion of a criteria set: a discriminated union on `kind`
 * (`rating` | `indicator` | `formula` | `gate`).
 *
 * @example
 * CriterionSchema.parse({ kind: "rating", id: "novelty", label: { vi: "Tính mới, sáng tạo", en: "Novelty" }, points: 20, scaleId: "novelty-30" })
 */
export const CriterionSchema = z.discriminatedUnion("kind", [
  RatingCriterionSchema,
  IndicatorCriterionSchema,
  FormulaCriterionSchema,
  GateCriterionSchema,
]);
/**
 * A value of {@link CriterionSchema}.
 *
 * @example
 * const value: Criterion = CriterionSchema.parse(json);
 */
export type Criterion = z.infer<typeof CriterionSchema>;
/**
 * A value of {@link RatingCriterionSchema}.
 *
 * @example
 * const value: RatingCriterion = RatingCriterionSchema.parse(json);
 */
export type RatingCriterion = z.infer<typeof RatingCriterionSchema>;
/**
 * A value of {@link IndicatorCriterionSchema}.
 *
 * @example
 * const value: IndicatorCriterion = IndicatorCriterionSchema.parse(json);
 */
export type IndicatorCriterion = z.infer<typeof IndicatorCriterionSchema>;
/**
 * A value of {@link FormulaCriterionSchema}.
 *
 * @example
 * const value: FormulaCriterion = FormulaCriterionSchema.parse(json);
 */
export type FormulaCriterion = z.infer<typeof FormulaCriterionSchema>;
/**
 * A value of {@link GateCriterionSchema}.
 *
 * @example
 * const value: GateCriterion = GateCriterionSchema.parse(json);
 */
export type GateCriterion = z.infer<typeof GateCriterionSchema>;
/**
 * A criterion that yields points (every kind but `gate`).
 *
 * @example
 * const scored = set.criteria.filter((c): c is ScoredCriterion => c.kind !== "gate" && c.kind !== "group");
 */
export type ScoredCriterion = RatingCriterion | IndicatorCriterion | FormulaCriterion;

/**
 * A group of criteria and sub-groups; `points`, when given, must equal the sum below it.
 * `maxNonEliminatoryFailures`, when given, is the group's own allowance of failed
 * non-eliminatory gates: the gates below it (down to a sub-group with its own allowance)
 * count against it instead of against the set's `gatePolicy`.
 *
 * @example
 * CriteriaGroupSchema.parse({ kind: "group", id: "records", label: { vi: "Hồ sơ", en: "Records" }, maxNonEliminatoryFailures: 1, children: [] })
 */
export const CriteriaGroupSchema = z.strictObject({
  kind: z.literal("group"),
  id: CriteriaIdSchema,
  label: LocalizedTextSchema,
  description: z.optional(LocalizedTextSchema),
  points: z.optional(z.number().check(z.nonnegative())),
  maxNonEliminatoryFailures: z.optional(z.int().check(z.nonnegative())),
  get children(): z.ZodMiniArray<typeof CriteriaNodeSchema> {
    return z.array(CriteriaNodeSchema).check(z.maxLength(200));
  },
});
/**
 * A value of {@link CriteriaGroupSchema}.
 *
 * @example
 * const value: CriteriaGroup = CriteriaGroupSchema.parse(json);
 */
export type CriteriaGroup = z.infer<typeof CriteriaGroupSchema>;

/**
 * A node of the criteria tree: a group or a criterion, discriminated on `kind`.
 *
 * @example
 * CriteriaNodeSchema.parse({ kind: "gate", id: "evidence", label: { vi: "Có minh chứng", en: "Evidence attached" }, condition: { kind: "evidence" } })
 */
export const CriteriaNodeSchema: z.ZodMiniDiscriminatedUnion<
  [
    typeof CriteriaGroupSchema,
    typeof RatingCriterionSchema,
    typeof IndicatorCriterionSchema,
    typeof FormulaCriterionSchema,
    typeof GateCriterionSchema,
  ]
> = z.discriminatedUnion("kind", [
  CriteriaGroupSchema,
  RatingCriterionSchema,
  IndicatorCriterionSchema,
  FormulaCriterionSchema,
  GateCriterionSchema,
]);
/**
 * A value of {@link CriteriaNodeSchema}.
 *
 * @example
 * const value: CriteriaNode = CriteriaNodeSchema.parse(json);
 */
export type CriteriaNode = z.infer<typeof CriteriaNodeSchema>;
