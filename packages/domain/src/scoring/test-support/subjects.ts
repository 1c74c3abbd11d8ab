import type { ScoringSubject } from "../scoring-subject.js";

/** Ratings of the default set's four rating criteria by one reviewer. */
export interface DefaultRatings {
  novelty: number;
  effectiveness: number;
  reach: number;
  theme: number;
}

/** Builds a subject for the default set with the same ratings from each reviewer unless given per reviewer. */
export function defaultSubject(
  modelId: string,
  ratings: DefaultRatings | DefaultRatings[],
  facts: Partial<ScoringSubject["facts"]> & { adopters?: number } = {},
  extra: Partial<ScoringSubject> = {},
): ScoringSubject {
  const perReviewer = Array.isArray(ratings) ? ratings : [ratings, ratings];
  const { adopters, ...rest } = facts;
  return {
    modelId,
    unitId: `u-${modelId}`,
    registeredAt: "2022-01-01T00:00:00+07:00",
    facts: {
      startDate: "2021-06-30",
      evidenceCount: 3,
      disciplined: false,
      indicators: adopters === undefined ? {} : { adopters },
      ...rest,
    },
    scorecards: perReviewer.map((scores, i) => ({
      reviewerId: `r${i + 1}`,
      role: "verifier" as const,
      scores: { ...scores },
    })),
    ...extra,
  };
}
