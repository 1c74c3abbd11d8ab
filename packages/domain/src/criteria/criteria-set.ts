import * as z from "zod/mini";
import { LocalizedTextSchema } from "../errors/index.js";
import { AggregationConfigSchema } from "./aggregation-config.js";
import { CriteriaNodeSchema } from "./criterion.js";
import { InputCodeSchema } from "./indicator-rule.js";
import { QuotaSchema } from "./quota.js";
import { CriteriaIdSchema, ScaleSchema } from "./scale.js";
import { TieBreakSchema } from "./tie-break.js";
import { TierSchema } from "./tier.js";

/**
 * An indicator a set's rules and formulas may read. `missingAs` is used when a model
 * has no value (e.g. 0 adopters); without it a missing value is an error.
 *
 * @example
 * InputDefinitionSchema.parse({ code: "adopters", label: { vi: "Số đơn vị nhân rộng", en: "Adopting units" }, missingAs: 0 })
 */
export const InputDefinitionSchema = z.strictObject({
  code: InputCodeSchema,
  label: LocalizedTextSchema,
  unit: z.optional(z.string().check(z.maxLength(32))),
  missingAs: z.optional(z.number()),
});
/**
 * A value of {@link InputDefinitionSchema}.
 *
 * @example
 * const value: InputDefinition = InputDefinitionSchema.parse(json);
 */
export type InputDefinition = z.infer<typeof InputDefinitionSchema>;

const fields = {
  id: CriteriaIdSchema,
  name: LocalizedTextSchema,
  description: z.optional(LocalizedTextSchema),
  /** The version this draft was copied from, if any. */
  basedOnVersion: z._default(z.nullable(z.int().check(z.positive())), null),
  totalPoints: z.number().check(z.positive(), z.lte(10_000)),
  inputs: z._default(z.array(InputDefinitionSchema).check(z.maxLength(200)), []),
  scales: z._default(z.array(ScaleSchema).check(z.maxLength(100)), []),
  criteria: z.array(CriteriaNodeSchema).check(z.minLength(1), z.maxLength(200)),
  tiers: z.array(TierSchema).check(z.minLength(1), z.maxLength(20)),
  gatePolicy: z._default(z.strictObject({ maxNonEliminatoryFailures: z._default(z.int().check(z.nonnegative()), 0) }), {
    maxNonEliminatoryFailures: 0,
  }),
  aggregation: z._default(AggregationConfigSchema, AggregationConfigSchema.parse({})),
  tieBreaks: z._default(z.array(TieBreakSchema).check(z.maxLength(20)), []),
  quotas: z._default(z.array(QuotaSchema).check(z.maxLength(20)), []),
};

/**
 * A criteria set being edited: JSON data, validated for shape by this schema and for
 * meaning by {@link validateCriteriaSet}.
 *
 * @example
 * CriteriaSetDraftSchema.parse({ status: "draft", id: "contest", name: { vi: "Hội thi", en: "Contest" }, totalPoints: 100, criteria: [...], tiers: [...] })
 */
export const CriteriaSetDraftSchema = z.strictObject({ status: z.literal("draft"), ...fields });
/**
 * A value of {@link CriteriaSetDraftSchema}.
 *
 * @example
 * const value: CriteriaSetDraft = CriteriaSetDraftSchema.parse(json);
 */
export type CriteriaSetDraft = z.infer<typeof CriteriaSetDraftSchema>;

/**
 * A published, immutable version of a criteria set, pinned by evaluation rounds.
 * Values returned by {@link publishCriteriaSet} are deeply frozen.
 *
 * @example
 * PublishedCriteriaSetSchema.parse({ ...draft, status: "published", version: 1, publishedAt: "2025-01-02T03:04:05Z" })
 */
export const PublishedCriteriaSetSchema = z.strictObject({
  status: z.literal("published"),
  ...fields,
  version: z.int().check(z.positive()),
  publishedAt: z.iso.datetime({ offset: true }),
});
/**
 * A value of {@link PublishedCriteriaSetSchema}.
 *
 * @example
 * const value: PublishedCriteriaSet = PublishedCriteriaSetSchema.parse(json);
 */
export type PublishedCriteriaSet = z.infer<typeof PublishedCriteriaSetSchema>;

/**
 * A draft or a published criteria set, discriminated on `status`.
 *
 * @example
 * CriteriaSetSchema.parse(json).status // "draft" | "published"
 */
export const CriteriaSetSchema = z.discriminatedUnion("status", [CriteriaSetDraftSchema, PublishedCriteriaSetSchema]);
/**
 * A value of {@link CriteriaSetSchema}.
 *
 * @example
 * const value: CriteriaSet = CriteriaSetSchema.parse(json);
 */
export type CriteriaSet = z.infer<typeof CriteriaSetSchema>;
/**
 * The JSON accepted for a criteria set before defaults are filled in.
 *
 * @example
 * const json: CriteriaSetInput = JSON.parse(body); validateCriteriaSet(json);
 */
export type CriteriaSetInput = z.input<typeof CriteriaSetSchema>;
