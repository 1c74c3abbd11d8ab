export { aggregateRatings, type Ratio } from "./aggregate-ratings.js";
export {
  applyQuotas,
  placeQuotas,
  type QuotaDemotion,
  type QuotaOutcome,
  type QuotaSubjects,
  type QuotaTie,
} from "./apply-quotas.js";
export { buildRoundContext, type ReviewerCalibration, type RoundContext } from "./build-round-context.js";
export { type CalibrationNotice, calibrationNotices } from "./calibration-notices.js";
export { prepareSubjects } from "./check-subjects.js";
export { evaluateGate, explainGate, gatePasses, observeGate } from "./evaluate-gate.js";
export { ExactPoints } from "./exact-points.js";
export { explainModelScore } from "./explain-model-score.js";
export { judgeGates } from "./judge-gates.js";
export {
  type CriterionDetail,
  type CriterionScore,
  type Disqualification,
  type GateOutcome,
  type ModelScore,
  normalizedScore,
  type ReviewerRatingUse,
  type SelfAssessment,
} from "./model-score.js";
export { ModelView } from "./model-view.js";
export { fullMonthsBetween } from "./months-between.js";
export {
  type Placement,
  type RankKeys,
  rankByKeys,
  rankKeys,
  rankModels,
  rankOrder,
  registrationTime,
} from "./rank-models.js";
export { type RescaleReport, rescaleScorecards } from "./rescale-scorecards.js";
export { type RescoreRow, type RoundComparison, rescoreRound } from "./rescore-round.js";
export { DISQUALIFIED, NO_POINTS, QUALIFIED, type RoundColumns, scoreColumns, UNSCORED } from "./score-columns.js";
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
