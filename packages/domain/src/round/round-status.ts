import * as z from "zod/mini";

/**
 * Where a round stands: draft → self-assessment → review → council → finalized → published.
 *
 * @example
 * RoundStatusSchema.parse("review")
 */
export const RoundStatusSchema = z.enum(["draft", "self-assessment", "review", "council", "finalized", "published"]);
/**
 * A value of {@link RoundStatusSchema}.
 *
 * @example
 * const status: RoundStatus = "council";
 */
export type RoundStatus = z.infer<typeof RoundStatusSchema>;

/**
 * A step that moves a round forward; each leaves one status for the next.
 *
 * @example
 * RoundStepSchema.parse("open-review")
 */
export const RoundStepSchema = z.enum(["open-self-assessment", "open-review", "open-council", "finalize", "publish"]);
/**
 * A value of {@link RoundStepSchema}.
 *
 * @example
 * const step: RoundStep = "finalize";
 */
export type RoundStep = z.infer<typeof RoundStepSchema>;

/** Whether nothing of the round may change any more (results, scorecards, assignments). */
export function isRoundLocked(status: RoundStatus): boolean {
  return status === "finalized" || status === "published";
}
