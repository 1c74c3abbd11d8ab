import * as z from "zod/mini";

/**
 * A round's configuration: how many independent reviewers each model needs; the
 * council's quorum (share of members present) and approval threshold (share of votes
 * cast that must be "for"), by default 2/3 and 70 %; and whether every rating needs a
 * comment.
 *
 * @example
 * RoundSettingsSchema.parse({}) // { reviewersPerModel: 2, quorum: 0.666…, approvalThreshold: 0.7, commentsRequired: false }
 */
export const RoundSettingsSchema = z.strictObject({
  reviewersPerModel: z._default(z.int().check(z.gte(1), z.lte(10)), 2),
  quorum: z._default(z.number().check(z.gt(0), z.lte(1)), 2 / 3),
  approvalThreshold: z._default(z.number().check(z.gt(0), z.lte(1)), 0.7),
  commentsRequired: z._default(z.boolean(), false),
});
/**
 * A value of {@link RoundSettingsSchema}.
 *
 * @example
 * const settings: RoundSettings = RoundSettingsSchema.parse(json);
 */
export type RoundSettings = z.infer<typeof RoundSettingsSchema>;
