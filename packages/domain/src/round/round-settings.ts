import * as z from "zod";

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
  reviewersPerModel: z.number().int().min(1).max(10).default(2),
  quorum: z
    .number()
    .gt(0)
    .max(1)
    .default(2 / 3),
  approvalThreshold: z.number().gt(0).max(1).default(0.7),
  commentsRequired: z.boolean().default(false),
});
/**
 * A value of {@link RoundSettingsSchema}.
 *
 * @example
 * const settings: RoundSettings = RoundSettingsSchema.parse(json);
 */
export type RoundSettings = z.infer<typeof RoundSettingsSchema>;
