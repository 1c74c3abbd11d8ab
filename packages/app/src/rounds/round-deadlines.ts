import { type DomainError, domainError } from "@lantoa/domain/errors";
import * as z from "zod";
import { IsoDay } from "../shared/input-schemas.js";

/** Due dates of a round's steps, each optional ("YYYY-MM-DD"; null or absent: none). */
export const RoundDeadlinesInput = z.object({
  selfAssessment: IsoDay.nullish(),
  review: IsoDay.nullish(),
  council: IsoDay.nullish(),
});

/** The deadlines with every step present (null: none). */
export function deadlinesOf(input: z.output<typeof RoundDeadlinesInput> | null | undefined): {
  selfAssessment: string | null;
  review: string | null;
  council: string | null;
} {
  return {
    selfAssessment: input?.selfAssessment ?? null,
    review: input?.review ?? null,
    council: input?.council ?? null,
  };
}

/**
 * `ROUND.DEADLINES_OUT_OF_ORDER` when a step is due before the step it follows (steps without a
 * date are skipped); null when they are in order.
 */
export function deadlinesOutOfOrder(deadlines: ReturnType<typeof deadlinesOf>): DomainError | null {
  const dated = [deadlines.selfAssessment, deadlines.review, deadlines.council].filter((d): d is string => d !== null);
  const inOrder = dated.every((d, i) => i === 0 || (dated[i - 1] as string) <= d);
  if (inOrder) return null;
  return domainError(
    "ROUND.DEADLINES_OUT_OF_ORDER",
    {
      vi: "Hạn của các bước phải theo thứ tự: tự đánh giá, chấm điểm, hội đồng.",
      en: "Step deadlines must follow the steps' order: self-assessment, review, council.",
    },
    { ...deadlines },
  );
}
