export { aggregateRatings, type Ratio } from "./aggregate-ratings.js";
export { applyQuotas, type QuotaOutcome } from "./apply-quotas.js";
export { buildRoundContext, type ReviewerCalibration, type RoundContext } from "./build-round-context.js";
export { evaluateGate, explainGate, gatePasses, observeGate } from "./evaluate-gate.js";
export { explainModelScore } from "./explain-model-score.js";
export {
  type CriterionDetail,
  type CriterionScore,
  type GateOutcome,
  type ModelScore,
  normalizedScore,
  type ReviewerRatingUse,
  type SelfAssessment,
} from "./model-score.js";
export { fullMonthsBetween } from "./months-between.js";
export { type Placement, rankModels, rankOrder } from "./rank-models.js";
export { type RescaleReport, rescaleScorecards } from "./rescale-scorecards.js";
export { type RescoreRow, type RoundComparison, rescoreRound } from "./rescore-round.js";
export { scoreIndicator } from "./score-indicator.js";
export { scoreCompiledModel, scoreModel } from "./score-model.js";
export { type RankedModel, type RoundResult, scoreCompiledRound, scoreRound } from "./score-round.js";
export {
  type Scorecard,
  ScorecardSchema,
  type ScoreRoundOptions,
  ScoreRoundOptionsSchema,
  type ScoringSubject,
  ScoringSubjectSchema,
  type SubjectFacts,
  SubjectFactsSchema,
} from "./scoring-subject.js";
